import { useQueryClient } from '@tanstack/react-query';
import { AVAILABILITY_PREVIEW_KEY } from './paths';

/** A cancelled appointment frees its time: the availability preview changes too. */
export function useRefreshPreview() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: AVAILABILITY_PREVIEW_KEY });
}
