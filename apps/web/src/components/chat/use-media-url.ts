import type { FileUrlResponse } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { CHAT_API } from './chat-api';

/**
 * GET /files/:id/url: a short-lived link to a chat attachment. The link is
 * kept while it lives (a new src would restart a playing clip); when the
 * media element fails to load after it expired, `renew` fetches another.
 */
export function useMediaUrl(fileId: string | undefined) {
  const query = useQuery({
    queryKey: ['files', fileId, 'url'],
    queryFn: ({ signal }) => api.get<FileUrlResponse>(CHAT_API.fileUrl(fileId ?? ''), { signal }),
    enabled: !!fileId,
    staleTime: (q) => {
      const expiresAt = q.state.data ? Date.parse(q.state.data.expiresAt) : 0;
      return Math.max(0, expiresAt - Date.now() - 30_000);
    },
  });
  const renew = () => {
    const expiresAt = query.data ? Date.parse(query.data.expiresAt) : 0;
    if (Date.now() > expiresAt - 30_000) void query.refetch();
  };
  return { url: query.data?.url, isError: query.isError, error: query.error, renew };
}
