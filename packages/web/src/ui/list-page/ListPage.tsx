import { Button, Group, Paper, Text, TextInput, type TextInputProps } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Table } from "../export-file.ts";
import { Pager } from "../DataTable.tsx";
import { ExportMenu } from "../ExportMenu.tsx";
import { formatNumber } from "../format.ts";
import { QueryStatus } from "../QueryState.tsx";
import { usePhone } from "../responsive.ts";
import { COMMON } from "../text.ts";

/** The filters of a list, announced to screen readers as the page's search region. */
export function FilterPanel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" mb="md" role="search" aria-label={label}>
      {children}
    </Paper>
  );
}

/** The free-text search box of a list; value and onChange come from `list.text(key)`. */
export function SearchField(props: TextInputProps & { label: string }) {
  return <TextInput leftSection={<IconSearch size={16} aria-hidden />} type="search" {...props} />;
}

/** One-click views of a list ("Tất cả", "Quá hạn"…), grouped so a screen reader names them. */
export function QuickFilters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={label}>
      {children}
    </Group>
  );
}

/** "Xóa bộ lọc", shown only while a filter is set. */
export function ClearFilters({ active, onClear, size }: { active: boolean; onClear(): void; size?: "compact-sm" }) {
  if (!active) return null;
  return (
    <Button variant="subtle" {...(size ? { size } : {})} onClick={onClear}>
      {COMMON.clearFilters}
    </Button>
  );
}

/** The words a list's export speaks, as each feature's text.ts names them. */
export interface ExportTexts {
  exportFileName: string;
  exportSheet: string;
  exportProgress(done: string, total: string): string;
  exported(count: string): string;
}

/** "Xuất danh sách" of a list: `load` fetches every page matching the filters. */
export function ListExport({
  texts,
  load,
}: {
  texts: ExportTexts;
  load(onProgress: (done: number, total: number) => void): Promise<Table>;
}) {
  return (
    <ExportMenu
      fileName={texts.exportFileName}
      sheetName={texts.exportSheet}
      load={load}
      progressText={(done, total) => texts.exportProgress(formatNumber(done), formatNumber(total))}
      doneText={(n) => texts.exported(formatNumber(n))}
    />
  );
}

/** What a list query gives; TanStack Query's result fits it. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch(): Promise<unknown>;
}

/**
 * The results box of a list: loading and error states, the count (announced when it changes),
 * the empty text, the rows given by `children`, then the pager.
 */
export function ListResults<T extends { total: number; items: readonly unknown[] }>({
  query,
  paging,
  count,
  notice,
  empty,
  cards,
  children,
}: {
  query: ListQuery<T>;
  paging: { page: number; pageSize: number; onPage(page: number): void; onPageSize(size: number): void };
  count?: (data: T) => ReactNode;
  /** Shown under the count, e.g. how a search was read. */
  notice?: (data: T) => ReactNode;
  empty?: ReactNode;
  /** The list on a phone, one card per row, instead of the wide table that `children` draws. */
  cards?: (data: T) => ReactNode;
  children(data: T): ReactNode;
}) {
  const phone = usePhone();
  const data = query.data;
  return (
    <Paper withBorder p="md">
      <QueryStatus query={query} />
      {data ? (
        <>
          {count ? (
            <Text size="sm" fw={700} mb="xs" role="status">
              {count(data)}
            </Text>
          ) : null}
          {notice ? notice(data) : null}
          {empty && data.items.length === 0 ? <Text>{empty}</Text> : null}
          {!cards ? children(data) : phone ? cards(data) : data.items.length > 0 ? children(data) : null}
          <Pager {...paging} total={data.total} />
        </>
      ) : null}
    </Paper>
  );
}
