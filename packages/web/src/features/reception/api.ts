import type { OfficialDocument } from "@minhbach/domain/api/documents";
import type { FollowUpVisitBody, HandleVisitBody, VisitListQuery } from "@minhbach/domain/api/reception";
import type {
  CreateScheduleBody,
  CreateVisitRequest,
  ScheduleConclusionBody,
  ScheduleView,
  UpdateScheduleBody,
  UpdateVisitRequest,
  VisitView,
  ReceptionOverview,
} from "@minhbach/domain/api/reception-views";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { DOCUMENTS_KEY, PETITIONS_KEY } from "../petitions/api.ts";

export type { ScheduleView, VisitView };

export const RECEPTION_KEY = ["reception"] as const;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type VisitFilters = {
  [K in keyof Omit<VisitListQuery, "page" | "pageSize">]?: string;
};

export function fetchVisits(query: VisitFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api<Page<VisitView>>("/reception/visits", { query, ...(signal ? { signal } : {}) });
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
    queryFn: ({ signal }) => api<ReceptionOverview>("/reception/overview", { signal }),
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
    queryFn: ({ signal }) => api<VisitView>(`/reception/visits/${encodeURIComponent(id ?? "")}`, { signal }),
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
  return useReceptionMutation((body: CreateVisitRequest) =>
    api<VisitView>("/reception/visits", { method: "POST", body }),
  );
}

export function useUpdateVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: UpdateVisitRequest }) =>
    api<VisitView>(`/reception/visits/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  );
}

export function useHandleVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: HandleVisitBody }) =>
    api<VisitView>(`/reception/visits/${encodeURIComponent(id)}/handle`, { method: "POST", body }),
  );
}

export function useFollowUpVisit() {
  return useReceptionMutation(({ id, body }: { id: string; body: FollowUpVisitBody }) =>
    api<VisitView>(`/reception/visits/${encodeURIComponent(id)}/follow-up`, { method: "POST", body }),
  );
}

export function useVisitToPetition() {
  return useReceptionMutation(({ id, version }: { id: string; version: number }) =>
    api<{ visit: VisitView; petition: { id: string; code: string } }>(
      `/reception/visits/${encodeURIComponent(id)}/petition`,
      { method: "POST", body: { version } },
    ),
  );
}

// ---- The heads' reception schedule --------------------------------------------------------------

export function useSchedule(query: { from: string; to: string; pageSize?: number }) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, "schedule", query],
    queryFn: ({ signal }) =>
      api<Page<ScheduleView>>("/reception/schedule", {
        query: { from: query.from, to: query.to, pageSize: query.pageSize ?? 500, sort: "startsAt", order: "asc" },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateSchedule() {
  return useReceptionMutation((body: CreateScheduleBody) =>
    api<ScheduleView>("/reception/schedule", { method: "POST", body }),
  );
}

export function useUpdateSchedule() {
  return useReceptionMutation(({ id, body }: { id: string; body: UpdateScheduleBody }) =>
    api<ScheduleView>(`/reception/schedule/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  );
}

export function usePublishSchedule() {
  return useReceptionMutation(({ id, version }: { id: string; version: number }) =>
    api<ScheduleView>(`/reception/schedule/${encodeURIComponent(id)}/publish`, { method: "POST", body: { version } }),
  );
}

export function useConcludeSchedule() {
  return useReceptionMutation(({ id, body }: { id: string; body: ScheduleConclusionBody }) =>
    api<{ schedule: ScheduleView; document: OfficialDocument }>(
      `/reception/schedule/${encodeURIComponent(id)}/conclusion`,
      { method: "POST", body },
    ),
  );
}
