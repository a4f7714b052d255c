import type { DocumentSummary } from "@minhbach/domain/api/documents";
import { useQueries } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { DOCUMENTS_KEY } from "./api.ts";

/** Several documents by id (those that travelled with a transferred petition). */
export function useDocumentsByIds(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...DOCUMENTS_KEY, "one", id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<DocumentSummary>(`/documents/${encodeURIComponent(id)}`, { signal }),
    })),
  });
}
