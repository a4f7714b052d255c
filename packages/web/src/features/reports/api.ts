import { useQuery } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";

export type ReportView = Answer<"reports.compute">;
export type DrilldownView = Answer<"reports.drilldown">;

export interface ReportChoice {
  form: string;
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
}

const KEY = ["reports"] as const;

export function useCatalogue(year: number) {
  return useQuery({
    queryKey: [...KEY, "catalogue", year],
    queryFn: ({ signal }) => call("reports.catalogue", { query: { year }, signal }),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: [...KEY, "agencies"],
    queryFn: ({ signal }) => call("agencies.list", { query: {}, signal }),
  });
}

export function useReport(choice: ReportChoice | null) {
  return useQuery({
    queryKey: [...KEY, "compute", choice],
    queryFn: ({ signal }) =>
      call("reports.compute", { query: { ...choice!, subtree: String(choice!.subtree) }, signal }),
    enabled: choice !== null,
  });
}

export function useDrilldown(choice: ReportChoice | null, cell: string | null, page: number) {
  return useQuery({
    queryKey: [...KEY, "drilldown", choice, cell, page],
    queryFn: ({ signal }) =>
      call("reports.drilldown", {
        query: { ...choice!, subtree: String(choice!.subtree), cell: cell!, page, pageSize: 20 },
        signal,
      }),
    enabled: choice !== null && cell !== null,
  });
}
