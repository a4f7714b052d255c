import type { CreateAgencyBody } from "@minhbach/domain/api/agencies";
import type { agencyGroup, updateAgencyBody } from "@minhbach/domain/api/agencies";
import type { z } from "@minhbach/domain/api/zod-vi";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";

export type AgencyGroup = z.infer<typeof agencyGroup>;
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;

export const AGENCIES_KEY = ["agencies"] as const;

export function useAgencies(params: { at?: string | null; includeEnded?: boolean } = {}) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, "list", params.at ?? null, params.includeEnded ?? false],
    queryFn: ({ signal }) =>
      call("agencies.list", {
        query: { at: params.at ?? undefined, includeEnded: params.includeEnded ? "true" : undefined },
        signal,
      }),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

/** Every unit ever recorded, for names of predecessors and for pickers. */
export function useAllAgencies() {
  return useAgencies({ includeEnded: true });
}

export function useAgencyGroups() {
  return useQuery({
    queryKey: [...AGENCIES_KEY, "groups"],
    queryFn: ({ signal }) => call("agencyGroups.list", { signal }),
    select: (data) => data.items,
  });
}

export type DirectoryAgency = Answer<"agencies.directory">["items"][number];

/** Every agency of the installation in force today (names only), e.g. to pick a transfer target. */
export function useAgencyDirectory(enabled = true) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, "directory"],
    queryFn: ({ signal }) => call("agencies.directory", { signal }),
    select: (data) => data.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgencyBody) => call("agencies.create", { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAgencyBody }) =>
      call("agencies.update", { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}
