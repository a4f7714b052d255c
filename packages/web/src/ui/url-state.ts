import { useSearchParams } from "react-router-dom";

/**
 * List state kept in the URL (filters, sort, page), so a list can be bookmarked, shared and
 * restored after a new login. `update` changes some keys and, unless told, goes back to page 1.
 */
export function useUrlState(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | number | boolean | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "" || value === false) next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get("pageSize") ?? defaultPageSize) || defaultPageSize));
  return { params, update, page, pageSize };
}

/** A list's address with its filters in the URL, as useListState reads them. */
export function listPath(path: string, filters: Record<string, string>): string {
  const query = new URLSearchParams(filters).toString();
  return query ? `${path}?${query}` : path;
}
