import type { FollowUpVisitBody, HandleVisitBody, VisitListQuery } from "@minhbach/domain/api/reception";
import type {
  CreateScheduleBody,
  CreateVisitRequest,
  ScheduleConclusionBody,
  ScheduleView,
  UpdateScheduleBody,
  UpdateVisitRequest,
  VisitView,
} from "@minhbach/domain/api/reception-views";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import { DOCUMENTS_KEY, PETITIONS_KEY } from "../petitions/api.ts";

export type { ScheduleView, VisitView };

export const RECEPTION_KEY = ["reception"] as const;

export type VisitFilters = {
  [K in keyof Omit<VisitListQuery, "page" | "pageSize">]?: string;
};

export function fetchVisits(query: VisitFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return call("reception.visits.list", { query, signal });
}

export function useVisits(query: VisitFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, "visits", query],
    queryFn: ({ signal }) => fetchVisits(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The home page's reception figures. */
export function useReceptionOverview() {
  return useQuery({
    queryKey: [...RECEPTION_KEY, "overview"],
    queryFn: ({ signal }) => call("reception.overview", { signal }),
  });
}

export async function fetchAllVisits(filters: VisitFilters, onProgress: (done: number, total: number) => void) {
  const pageSize = 200;
  const all: VisitView[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchVisits({ ...filters, page, pageSize });
    all.push(...result.items);
    onProgress(all.length, result.total);
    if (result.items.length < pageSize || all.length >= result.total) return all;
  }
}

export function useVisit(id: string | undefined) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, "visit", id],
    queryFn: ({ signal }) => call("reception.visits.get", { params: { id: id ?? "" }, signal }),
    enabled: Boolean(id),
  });
}

function useReceptionMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: RECEPTION_KEY }),
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]),
  });
}

export function useCreateVisit() {
  return useReceptionMutation((body: CreateVisitRequest) => call("reception.visits.create", { body }));
}

export function useUpdateVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: UpdateVisitRequest }) =>
    call("reception.visits.update", { params: { id }, body }),
  );
}

export function useHandleVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: HandleVisitBody }) =>
    call("reception.visits.handle", { params: { id }, body }),
  );
}

export function useFollowUpVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: FollowUpVisitBody }) =>
    call("reception.visits.followUp", { params: { id }, body }),
  );
}

export function useVisitToPetition() {
  return useReceptionMutation(({ id, version }: { id: string; version: number }) =>
    call("reception.visits.petition", { params: { id }, body: { version } }),
  );
}

// ---- The heads' reception schedule --------------------------------------------------------------

export function useSchedule(query: { from: string; to: string; pageSize?: number }) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, "schedule", query],
    queryFn: ({ signal }) =>
      call("reception.schedule.list", {
        query: { from: query.from, to: query.to, pageSize: query.pageSize ?? 500, sort: "startsAt", order: "asc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateSchedule() {
  return useReceptionMutation((body: CreateScheduleBody) => call("reception.schedule.create", { body }));
}

export function useUpdateSchedule() {
  return useReceptionMutation(({ id, body }: { id: string; body: UpdateScheduleBody }) =>
    call("reception.schedule.update", { params: { id }, body }),
  );
}

export function usePublishSchedule() {
  return useReceptionMutation(({ id, version }: { id: string; version: number }) =>
    call("reception.schedule.publish", { params: { id }, body: { version } }),
  );
}

export function useConcludeSchedule() {
  return useReceptionMutation(({ id, body }: { id: string; body: ScheduleConclusionBody }) =>
    call("reception.schedule.conclusion", { params: { id }, body }),
  );
}
