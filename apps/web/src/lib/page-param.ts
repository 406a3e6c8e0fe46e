import { useCallback } from 'react';
import { readPage, useUrlParams } from './url-state';

/** `?page=` as a number, and the setter a pager calls. Page 1 is the default, so it leaves the URL. */
export function usePageParam() {
  const [params, setParams] = useUrlParams();
  const setPage = useCallback((page: number) => setParams({ page: page === 1 ? null : page }), [setParams]);
  return [readPage(params), setPage] as const;
}
