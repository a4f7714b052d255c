import { Group, Pagination, Select, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatNumber } from "./format.ts";
import { COMMON } from "./text.ts";

export type SortOrder = "asc" | "desc";

/** A column header that sorts the list; announces its state with aria-sort. */
export function SortableTh<K extends string>({
  column,
  sort,
  order,
  onSort,
  children,
  ...rest
}: {
  column: K;
  sort: K;
  order: SortOrder;
  onSort(column: K, order: SortOrder): void;
  children: ReactNode;
  w?: number | string;
}) {
  const active = column === sort;
  const Icon = !active ? IconArrowsSort : order === "asc" ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} {...rest}>
      <UnstyledButton
        onClick={() => onSort(column, active && order === "asc" ? "desc" : "asc")}
        style={{ display: "inline-flex", alignItems: "center", gap: 4, fontWeight: 700, fontSize: "inherit" }}
      >
        {children}
        <Icon size={16} aria-hidden style={{ opacity: active ? 1 : 0.55 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

const PAGE_SIZES = ["10", "20", "50", "100", "200"];

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="gray.7" role="status" aria-live="polite">
        {COMMON.showingRange(formatNumber(from), formatNumber(to), formatNumber(total))}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={COMMON.pageSize}
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(value) => value && onPageSize(Number(value))}
          w={90}
          size="sm"
          allowDeselect={false}
        />
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={COMMON.pagination}
          getControlProps={(control) => ({
            "aria-label": {
              first: "Trang đầu",
              last: "Trang cuối",
              next: "Trang sau",
              previous: "Trang trước",
            }[control],
          })}
          getItemProps={(p) => ({ "aria-label": `Trang ${p}` })}
        />
      </Group>
    </Group>
  );
}
