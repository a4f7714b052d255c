import { Pagination, Table, Text, UnstyledButton } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { REC_TEXT } from "./records-text.ts";

/** One column of a list: its header, what a row shows in it, and (optional) what it sorts by. */
export interface RecordColumn<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Given, the header sorts the rows shown by this value (text in Vietnamese order). */
  sort?(row: T): string | number | null;
}

/** A list paged by the server: the rows are one page of `total`. */
export interface RecordPaging {
  total: number;
  page: number;
  pageSize: number;
  onChange(page: number): void;
}

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || a === "") return b === null || b === "" ? 0 : 1;
  if (b === null || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The table every list of anti-corruption records shows (officials, positions, corruption cases,
 * loopholes, prevention documents, gifts, trainings, the rotation plan): "no record yet" when the
 * list is empty, else one striped row per record, scrolling sideways on a narrow screen; columns
 * with a `sort` sort the rows shown when their header is pressed (again: the other way), and a
 * server-paged list gets its pager. `rows` is undefined while the list loads.
 */
export function RecordTable<T extends { id: string }>({
  rows,
  columns,
  minWidth = 640,
  children,
  testId,
  empty = REC_TEXT.registers.none,
  paging,
}: {
  rows: readonly T[] | undefined;
  columns: readonly (RecordColumn<T> | null | false)[];
  minWidth?: number;
  /** Shown above the table when there are rows (a line of totals). */
  children?: ReactNode;
  testId?: string;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
  paging?: RecordPaging;
}) {
  const shown = columns.filter((c): c is RecordColumn<T> => !!c);
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const by = sort ? shown[sort.column]?.sort : undefined;
  let sorted = rows;
  if (rows && sort && by) {
    const out = [...rows].sort((a, b) => compare(by(a), by(b)));
    sorted = sort.descending ? out.reverse() : out;
  }
  if (sorted === undefined) return null;
  if (sorted.length === 0) return <Text c="dimmed">{empty}</Text>;
  const press = (column: number) =>
    setSort(sort?.column === column ? { column, descending: !sort.descending } : { column, descending: false });
  return (
    <>
      {children}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {shown.map((c, i) => {
                const state = sort?.column === i ? (sort.descending ? "descending" : "ascending") : undefined;
                return (
                  <Table.Th key={i} aria-sort={c.sort ? (state ?? "none") : undefined}>
                    {c.sort ? (
                      <UnstyledButton onClick={() => press(i)} fw={700} fz="sm">
                        {c.header}
                        <span aria-hidden="true">
                          {state === "ascending" ? " ▲" : state === "descending" ? " ▼" : " ↕"}
                        </span>
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.id}>
                {shown.map((c, i) => (
                  <Table.Td key={i}>{c.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && paging.total > paging.pageSize ? (
        <Pagination
          mt="sm"
          total={Math.ceil(paging.total / paging.pageSize)}
          value={paging.page}
          onChange={paging.onChange}
        />
      ) : null}
    </>
  );
}
