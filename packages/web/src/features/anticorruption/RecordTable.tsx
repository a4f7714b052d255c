import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { REC_TEXT } from "./records-text.ts";

/** One column of a register's table: its header and what a row shows in it. */
export interface RecordColumn<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
}

/**
 * The table every register of anti-corruption records shows (loopholes, prevention documents,
 * gifts, trainings): "no record yet" when the list is empty, else one striped row per record,
 * scrolling sideways on a narrow screen. `rows` is undefined while the list loads.
 */
export function RecordTable<T extends { id: string }>({
  rows,
  columns,
  minWidth = 640,
  children,
}: {
  rows: readonly T[] | undefined;
  columns: readonly (RecordColumn<T> | null | false)[];
  minWidth?: number;
  /** Shown above the table when there are rows (a line of totals). */
  children?: ReactNode;
}) {
  if (rows === undefined) return null;
  if (rows.length === 0) return <Text c="dimmed">{REC_TEXT.registers.none}</Text>;
  const shown = columns.filter((c): c is RecordColumn<T> => !!c);
  return (
    <>
      {children}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {shown.map((c, i) => (
                <Table.Th key={i}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                {shown.map((c, i) => (
                  <Table.Td key={i}>{c.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
