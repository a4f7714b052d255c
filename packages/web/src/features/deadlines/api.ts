import { useMutation, useQuery } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import type { ComputeDeadlineBody } from "./types.ts";

export function useDeadlineRules() {
  return useQuery({
    queryKey: ["deadline-rules"],
    queryFn: ({ signal }) => call("deadlines.rules", { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

export function computeDeadline(body: ComputeDeadlineBody) {
  return call("deadlines.compute", { body });
}

export function useComputeDeadline() {
  return useMutation({ mutationFn: computeDeadline });
}
