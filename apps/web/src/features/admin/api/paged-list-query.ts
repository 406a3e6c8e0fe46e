import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryString } from './paths';

type ListParams = Parameters<typeof queryString>[0];

/**
 * A page of an admin list: the filters and page go into both the cache key and
 * the query string, and the shown page stays up (dimmed) while the next loads.
 */
export function pagedListQuery<T>(key: readonly unknown[], path: string, params: ListParams) {
  return queryOptions({
    queryKey: [...key, params],
    queryFn: ({ signal }) => api.get<T>(path + queryString(params), { signal }),
    placeholderData: keepPreviousData,
  });
}
