import type { FileUrlResponse } from '@doctime/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { DOCTOR_API } from './paths';

/** GET /files/:id/url: a short-lived link to one of the doctor's own files. */
export function useFileUrl(fileId: string | null | undefined) {
  return useQuery({
    queryKey: ['files', fileId, 'url'],
    queryFn: ({ signal }) => api.get<FileUrlResponse>(DOCTOR_API.fileUrl(fileId ?? ''), { signal }),
    enabled: !!fileId,
    // Links live 5 minutes: fetch a fresh one well before that.
    staleTime: 2 * 60 * 1000,
    refetchInterval: 4 * 60 * 1000,
  });
}
