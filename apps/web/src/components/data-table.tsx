import { Card, Table, VisuallyHidden, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<Row> {
  /** The column heading; unique within a table, so it doubles as the React key. */
  header: string;
  /** Keep the heading for screen readers only (e.g. a column of buttons). */
  hideHeader?: boolean;
  /** Layout for this column's cells, e.g. a minimum width. */
  cell?: TableTdProps;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
}

/** A bordered, scrollable table of rows, described column by column. */
export function DataTable<Row>({ columns, rows, rowKey, minWidth }: DataTableProps<Row>) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>
                  {column.hideHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.header} {...column.cell}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
