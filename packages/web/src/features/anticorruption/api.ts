import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";

export const AC_KEY = ["anticorruption"] as const;

export type CampaignView = Answer<"anticorruption.campaigns.get">;
export type PlanView = Answer<"anticorruption.plans.get">;
export type Obligation = CampaignView["items"][number];

export function useCampaigns() {
  return useQuery({
    queryKey: [...AC_KEY, "campaigns"],
    queryFn: ({ signal }) => call("anticorruption.campaigns.list", { signal }),
  });
}

export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: [...AC_KEY, "campaign", id],
    queryFn: ({ signal }) => call("anticorruption.campaigns.get", { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: [...AC_KEY, "plans"],
    queryFn: ({ signal }) => call("anticorruption.plans.list", { signal }),
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: [...AC_KEY, "plan", id],
    queryFn: ({ signal }) => call("anticorruption.plans.get", { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

export function useOfficials(q: string, page: number) {
  return useQuery({
    queryKey: [...AC_KEY, "officials", q, page],
    queryFn: ({ signal }) => call("anticorruption.officials.list", { query: { q, page, pageSize: 50 }, signal }),
  });
}

export function usePositions() {
  return useQuery({
    queryKey: [...AC_KEY, "positions"],
    queryFn: ({ signal }) => call("anticorruption.positions.list", { signal }),
  });
}

export function useMyDeclarations() {
  return useQuery({
    queryKey: [...AC_KEY, "mine"],
    queryFn: ({ signal }) => call("anticorruption.declarations.mine", { signal }),
  });
}

/** Any change here refreshes every anti-corruption list. */
export function useAcMutation<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: AC_KEY }),
  });
}
