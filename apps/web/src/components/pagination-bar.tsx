import { Group, Pagination, Text } from '@mantine/core';

interface PaginationBarProps {
  page: number;
  total: number;
  limit: number;
  onChange: (page: number) => void;
  /** What is counted, e.g. "doctors". */
  noun?: string;
  /** Show "Showing 1–20 of 93" (default true). */
  summary?: boolean;
}

const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

/** "Showing 21–40 of 93" and page buttons (only when there is more than one page). */
export function PaginationBar({ page, total, limit, onChange, noun = 'results', summary = true }: PaginationBarProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (total <= 0 || (!summary && pages <= 1)) return null;
  const from = Math.min(total, (page - 1) * limit + 1);
  const to = Math.min(total, page * limit);
  return (
    <Group justify={summary ? 'space-between' : 'center'} align="center" gap="sm" mt="md">
      {summary ? (
        <Text size="sm" c="dimmed">
          Showing {from}–{to} of {total} {noun}
        </Text>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pagination">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
