/** Calls and queries of inspections (issue 17): the list, one inspection, its steps and findings. */
import type { InspectionListQuery } from "@minhbach/domain/api/inspections";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../../api/call.ts";

export const INSPECTIONS_KEY = ["inspections"] as const;
export type InspectionDetail = Answer<"inspections.get">;
export type InspectionListItem = Answer<"inspections.list">["items"][number];

export type InspectionFilters = { [K in keyof Omit<InspectionListQuery, "page" | "pageSize">]?: string };

export function useInspections(query: InspectionFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "list", query],
    queryFn: ({ signal }) => call("inspections.list", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "detail", id],
    queryFn: ({ signal }) => call("inspections.get", { params: { id }, signal }),
  });
}

/** Any write on one inspection: the answer is the inspection as it now is. */
export function useInspectionWrite<B>(id: string, run: (body: B) => Promise<InspectionDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData([...INSPECTIONS_KEY, "detail", id], detail);
      void client.invalidateQueries({ queryKey: [...INSPECTIONS_KEY, "list"] });
      void client.invalidateQueries({ queryKey: ["documents"] });
    },
  });
}
