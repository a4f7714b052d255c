import { useQueries } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import { DOCUMENTS_KEY } from "./api.ts";

/** Several documents by id (those that travelled with a transferred petition). */
export function useDocumentsByIds(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...DOCUMENTS_KEY, "one", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => call("documents.get", { params: { id }, signal }),
    })),
  });
}
