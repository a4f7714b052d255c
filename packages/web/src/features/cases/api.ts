import type { CaseActionBody, CaseListQuery, OpenCaseBody } from "@minhbach/domain/api/cases";
import type {
  assignmentBody,
  CaseDashboard,
  CaseDetail,
  CaseListItem,
  caseReminder,
  identityDecisionBody,
  identityRequestItem,
  identityReveal,
} from "@minhbach/domain/api/case-views";
import type { z } from "@minhbach/domain/api/zod-vi";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";
import { DOCUMENTS_KEY, PETITIONS_KEY } from "../petitions/api.ts";

export type { CaseDashboard, CaseDetail, CaseListItem };
export type CaseReminder = z.infer<typeof caseReminder>;
export type IdentityRequestItem = z.infer<typeof identityRequestItem>;
export type IdentityReveal = z.infer<typeof identityReveal>;
export type IdentityRequestStatus = IdentityRequestItem["status"];
export type AssignmentBody = z.input<typeof assignmentBody>;
export type IdentityDecisionBody = z.input<typeof identityDecisionBody>;

export const CASES_KEY = ["cases"] as const;
export const IDENTITY_REQUESTS_KEY = ["identity-requests"] as const;

export type CasePage = Answer<"cases.list">;

/** List filters as the query string carries them. */
export type CaseFilters = {
  [K in keyof Omit<CaseListQuery, "page" | "pageSize">]?: string;
};

/** The largest page the server gives (caseListQuery). */
const MAX_PAGE_SIZE = 100;

export function fetchCases(query: CaseFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return call("cases.list", { query, signal });
}

export function useCases(query: CaseFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CASES_KEY, "list", query],
    queryFn: ({ signal }) => fetchCases({ ...query, pageSize: Math.min(query.pageSize, MAX_PAGE_SIZE) }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every page of the filtered list, for export. */
export async function fetchAllCases(filters: CaseFilters, onProgress: (done: number, total: number) => void) {
  const all: CaseListItem[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchCases({ ...filters, page, pageSize: MAX_PAGE_SIZE });
    all.push(...result.items);
    onProgress(all.length, result.total);
    if (result.items.length < MAX_PAGE_SIZE || all.length >= result.total) return all;
  }
}

export function caseKey(id: string) {
  return [...CASES_KEY, "detail", id] as const;
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => call("cases.get", { params: { id }, signal }),
  });
}

export function useCaseDashboard(days: number, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, "dashboard", days],
    queryFn: ({ signal }) => call("cases.dashboard", { query: { days }, signal }),
    enabled,
  });
}

export function useCaseReminders(days: number, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, "reminders", days],
    queryFn: ({ signal }) => call("cases.reminders", { query: { days }, signal }),
    select: (data) => data.items,
    enabled,
  });
}

/** After a change: the detail the server returned is the new truth; lists and documents are stale. */
function useCaseSaved() {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(caseKey(detail.id), detail);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: CASES_KEY,
        predicate: (q) => q.queryKey[1] !== "detail" || q.queryKey[2] !== detail.id,
      }),
      queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
    ]);
  };
}

export function useCaseAction() {
  const saved = useCaseSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CaseActionBody }) => call("cases.action", { params: { id }, body }),
    onSuccess: saved,
  });
}

export function useSetAssignments() {
  const saved = useCaseSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssignmentBody }) =>
      call("cases.assignments", { params: { id }, body }),
    onSuccess: saved,
  });
}

export function useOpenCase() {
  const saved = useCaseSaved();
  return useMutation({
    mutationFn: (body: OpenCaseBody) => call("cases.open", { body }),
    onSuccess: saved,
  });
}

/** Resolvers of an agency: the people a case can be assigned to (needs user.read). */
export function useResolvers(agencyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["users", "resolvers", agencyId],
    queryFn: ({ signal }) =>
      call("users.list", {
        query: { agencyId, role: "resolver", status: "active", sort: "fullName", page: 1, pageSize: 200 },
        signal,
      }),
    select: (data) => data.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

// ---- The denouncer's identity ------------------------------------------------------------------

/**
 * The writers of a protected petition. Deliberately not a react-query query: every look is an
 * audited act, and the answer must live only in the component that asked for it (never in a
 * cache that outlives the page).
 */
export function revealCaseIdentity(caseId: string) {
  return call("cases.identity", { params: { id: caseId } });
}

export function revealPetitionIdentity(petitionId: string) {
  return call("petitions.identity", { params: { id: petitionId } });
}

export function useRequestIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, reason }: { caseId: string; reason: string }) =>
      call("cases.identityRequests.create", { params: { id: caseId }, body: { reason } }),
    onSuccess: (_result, { caseId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: IDENTITY_REQUESTS_KEY }),
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
      ]),
  });
}

export function useIdentityRequests(status: IdentityRequestStatus) {
  return useQuery({
    queryKey: [...IDENTITY_REQUESTS_KEY, status],
    queryFn: ({ signal }) => call("identityRequests.list", { query: { status }, signal }),
    select: (data) => data.items,
  });
}

export function useDecideIdentityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: IdentityDecisionBody }) =>
      call("identityRequests.decide", { params: { id }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: IDENTITY_REQUESTS_KEY }),
        queryClient.invalidateQueries({ queryKey: CASES_KEY }),
      ]),
  });
}
