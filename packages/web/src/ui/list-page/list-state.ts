import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import type { SortOrder } from "../DataTable.tsx";
import { useUrlState } from "../url-state.ts";

/**
 * How a list filter sits in the URL: `text` is a parameter read as written (null when absent),
 * `flag` is "true" or absent, `search` is typed into a box and reaches the URL a moment after
 * the officer stops typing, so each key stroke does not start a search.
 */
export type FilterKind = "text" | "flag" | "search";
export type FilterDescriptor = Readonly<Record<string, FilterKind>>;

export type FilterValues<D extends FilterDescriptor> = {
  [K in keyof D]: D[K] extends "flag" ? boolean : D[K] extends "search" ? string : string | null;
};

/** The filters as the list endpoints take them: only those set, flags as "true". */
export type FilterQuery<D extends FilterDescriptor> = { [K in keyof D]?: string };

type TextKeys<D extends FilterDescriptor> = { [K in keyof D]: D[K] extends "text" ? K : never }[keyof D] & string;
type SearchKeys<D extends FilterDescriptor> = { [K in keyof D]: D[K] extends "search" ? K : never }[keyof D] & string;

export interface SortSpec<S extends string> {
  keys: readonly S[];
  default: S;
  order: SortOrder;
}

const SEARCH_DELAY_MS = 300;

/**
 * Filters, sort and page of a list, all kept in the URL (parameter names are the descriptor's
 * keys, "sort", "order", "page" and "pageSize"), so a list can be bookmarked, shared and
 * restored after a new login. Changing a filter or the sort goes back to page 1.
 */
export function useListState<D extends FilterDescriptor, S extends string = never>(options: {
  filters: D;
  sort?: SortSpec<S>;
  defaultPageSize?: number;
  /** The server's largest page, when it is below the URL's own limit. */
  maxPageSize?: number;
}) {
  const { filters: descriptor, sort: sortSpec, maxPageSize } = options;
  const { params, update, page, pageSize: requested } = useUrlState(options.defaultPageSize);
  const pageSize = maxPageSize ? Math.min(requested, maxPageSize) : requested;
  const keys = Object.keys(descriptor) as (keyof D & string)[];

  const values = Object.fromEntries(
    keys.map((key) => {
      const raw = params.get(key);
      const kind = descriptor[key];
      return [key, kind === "flag" ? raw === "true" : kind === "search" ? (raw ?? "") : raw];
    }),
  ) as FilterValues<D>;
  const query = Object.fromEntries(
    keys.flatMap((key) => {
      const value = values[key];
      return value === true ? [[key, "true"]] : typeof value === "string" && value ? [[key, value]] : [];
    }),
  ) as FilterQuery<D>;
  const active = Object.keys(query).length > 0;

  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.filter((key) => descriptor[key] === "search").map((key) => [key, values[key] as string])),
  );
  const pushText = useDebouncedCallback(
    (key: string, value: string) => update({ [key]: value.trim() || null }),
    SEARCH_DELAY_MS,
  );

  const sortParam = params.get("sort") as S | null;
  const sort = sortSpec && (sortParam && sortSpec.keys.includes(sortParam) ? sortParam : sortSpec.default);
  const other: SortOrder = sortSpec?.order === "asc" ? "desc" : "asc";
  const order: SortOrder = params.get("order") === other ? other : (sortSpec?.order ?? "asc");

  return {
    params,
    update,
    values,
    query,
    /** Whether any filter is set: "all" is then not the current view. */
    active,
    sort: sort as S,
    order,
    /** Props for each SortableTh of the list. */
    sorting: { sort: sort as S, order, onSort: (column: S, next: SortOrder) => update({ sort: column, order: next }) },
    page,
    pageSize,
    /** Props for the list's Pager. */
    paging: {
      page,
      pageSize,
      onPage: (p: number) => update({ page: p }, false),
      onPageSize: (size: number) => update({ pageSize: maxPageSize ? Math.min(size, maxPageSize) : size }),
    },
    /** Value and change handler of a Select or DateField bound to a filter. */
    field: (key: TextKeys<D>) => ({
      value: values[key] as string | null,
      onChange: (value: string | null) => update({ [key]: value }),
    }),
    /** The same for a MultiSelect: the URL carries the choices as "a,b". */
    multi: (key: TextKeys<D>) => {
      const value = values[key] as string | null;
      return {
        value: value ? value.split(",") : [],
        onChange: (chosen: string[]) => update({ [key]: chosen.join(",") || null }),
      };
    },
    /** Value and change handler of a search box: what is typed shows at once, the URL follows. */
    text: (key: SearchKeys<D>) => ({
      value: texts[key] ?? "",
      onChange: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        setTexts((prev) => ({ ...prev, [key]: value }));
        pushText(key, value);
      },
    }),
    /** Removes every filter and empties the search boxes. */
    clear: () => {
      setTexts((prev) => Object.fromEntries(Object.keys(prev).map((key) => [key, ""])));
      update(Object.fromEntries(keys.map((key) => [key, null])));
    },
  };
}
