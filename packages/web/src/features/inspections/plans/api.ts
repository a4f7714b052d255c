import type { z } from "@minhbach/domain/api/zod-vi";
import type { overlapView, planDetail, planItemBody, resolveOverlapBody } from "@minhbach/domain/api/inspection-plans";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../../api/call.ts";

export type PlanDetail = z.infer<typeof planDetail>;
export type PlanItem = PlanDetail["items"][number];
export type OverlapView = z.infer<typeof overlapView>;
export type PlanItemInput = z.input<typeof planItemBody>;
export type ResolveInput = z.input<typeof resolveOverlapBody>;

export const PLANS_KEY = ["inspection-plans"] as const;
export const SUBJECTS_KEY = ["inspection-subjects"] as const;

export function usePlans(year: number) {
  return useQuery({
    queryKey: [...PLANS_KEY, "list", year],
    queryFn: ({ signal }) => call("inspectionPlans.list", { query: { year }, signal }),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: [...PLANS_KEY, "detail", id],
    queryFn: ({ signal }) => call("inspectionPlans.get", { params: { id }, signal }),
  });
}

export function useOverlapBoard(year: number) {
  return useQuery({
    queryKey: [...PLANS_KEY, "board", year],
    queryFn: ({ signal }) => call("inspectionOverlaps.board", { query: { year }, signal }),
  });
}

/** The overlap check as the form is filled in: re-asked when subjects, activity or field change. */
export function useOverlapCheck(input: {
  planId: string;
  itemId?: string | undefined;
  subjectIds: string[];
  activity: "inspection" | "check";
  field: string;
}) {
  return useQuery({
    queryKey: [...PLANS_KEY, "check", input],
    queryFn: ({ signal }) =>
      call("inspectionPlans.overlapCheck", {
        body: { ...input, field: input.field || null, itemId: input.itemId ?? null },
        signal,
      }),
    enabled: input.subjectIds.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useSubjectSearch(q: string) {
  return useQuery({
    queryKey: [...SUBJECTS_KEY, "search", q],
    queryFn: ({ signal }) => call("inspectionSubjects.list", { query: { q, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: PLANS_KEY });
}

/** The plan's decision steps change its documents too (the panel of papers to sign). */
function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { year: number }) => call("inspectionPlans.create", { body }),
    onSuccess: invalidate,
  });
}

export function useAddItem(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PlanItemInput) => call("inspectionPlans.items.create", { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateItem(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: PlanItemInput & { version: number } }) =>
      call("inspectionPlans.items.update", { params: { id: planId, itemId }, body }),
    onSuccess: invalidate,
  });
}

export function useCancelItem(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { itemId: string; body: { planVersion: number; version: number; reason: string } }) =>
      call("inspectionPlans.items.cancel", { params: { id: planId, itemId: input.itemId }, body: input.body }),
    onSuccess: invalidate,
  });
}

export function useResolveOverlap() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ResolveInput) => call("inspectionOverlaps.resolve", { body }),
    onSuccess: invalidate,
  });
}

export function useIssuePlan(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: {
      version: number;
      issuedOutside?: boolean;
      decisionNumber?: string;
      issuedOn?: string;
      signer?: { position: string; name: string };
    }) => call("inspectionPlans.issue", { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}

export function useWithdrawPlanDecision(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: { version: number }) =>
      call("inspectionPlans.withdrawDecision", { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}

export function useAdjustPlan(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      call("inspectionPlans.adjust", { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}
