import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError } from './load-error';
import { PaginationBar } from './pagination-bar';
import { TableSkeleton } from './table-skeleton';

interface Page {
  items: readonly unknown[];
  total: number;
}

interface PagedResultsProps<P extends Page> {
  /** A paged list query; keep the previous page as placeholder data so paging does not flash a skeleton. */
  query: UseQueryResult<P>;
  /** What shows while the first page loads: a table skeleton's shape, or any placeholder. */
  loading: { columns: number; label: string } | ReactNode;
  /** The alert's title when the list fails to load. */
  errorTitle: string;
  /** Shown instead of the list when it has no items. */
  empty: ReactNode;
  /** The pager under the list; `noun` is what it counts, e.g. "entries". */
  pager: { page: number; limit: number; noun: string; onChange: (page: number) => void };
  children: (items: P['items']) => ReactNode;
}

/**
 * One page of a list with its loading, failure and empty states and the pager.
 * While another page loads, the old one stays on screen, dimmed.
 */
export function PagedResults<P extends Page>({ query, loading, errorTitle, empty, pager, children }: PagedResultsProps<P>) {
  let content: ReactNode;
  if (query.isPending) content = isTableShape(loading) ? <TableSkeleton {...loading} /> : loading;
  else if (query.isError) content = <LoadError error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) content = empty;
  else
    content = (
      <>
        {children(query.data.items)}
        <PaginationBar {...pager} total={query.data.total} />
      </>
    );

  return <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>{content}</div>;
}

function isTableShape(value: unknown): value is { columns: number; label: string } {
  return typeof value === 'object' && value !== null && 'columns' in value;
}
