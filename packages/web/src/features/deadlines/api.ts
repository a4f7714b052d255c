import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ComputeDeadlineBody, DeadlineResult, DeadlineRule } from "./types.ts";

export function useDeadlineRules() {
  return useQuery({
    queryKey: ["deadline-rules"],
    queryFn: ({ signal }) => api<{ items: DeadlineRule[] }>("/deadline-rules", { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

export function computeDeadline(body: ComputeDeadlineBody) {
  return api<DeadlineResult>("/deadlines/compute", { method: "POST", body });
}

export function useComputeDeadline() {
  return useMutation({ mutationFn: computeDeadline });
}
