import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";

export type ReportView = Answer<"reports.compute">;
export type DrilldownView = Answer<"reports.drilldown">;

export interface ReportChoice {
  form: string;
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
  /** unit, subtree (the reporting graph) or cluster (with `groupId`). */
  scope?: "unit" | "subtree" | "cluster";
  groupId?: string;
  /** "adhoc" (đột xuất): any days, not only the regime's periods. */
  kind: "periodic" | "adhoc";
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

// ---- Consolidated reports computed as a job (issue 19) ------------------------------------------

export type ReportJobView = Answer<"reports.jobs.get">;

/** Starts a consolidated report (subtree or cluster) as a job; the answer names the job. */
export function useStartReportJob() {
  return useMutation({
    mutationFn: (choice: ReportChoice) =>
      call("reports.jobs.start", {
        body: {
          form: choice.form,
          agencyId: choice.agencyId,
          from: choice.from,
          to: choice.to,
          kind: choice.kind,
          scope: choice.scope === "cluster" ? "cluster" : "subtree",
          ...(choice.scope === "cluster" && choice.groupId ? { groupId: choice.groupId } : {}),
        },
      }),
  });
}

/** A job, asked again every half second while it runs. */
export function useReportJob(id: string | null) {
  return useQuery({
    queryKey: [...KEY, "job", id],
    queryFn: ({ signal }) => call("reports.jobs.get", { params: { id: id! }, signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
  });
}

/** The page's choice that a job computes (to show it again after a reload). */
export function choiceOfJob(job: ReportJobView): ReportChoice {
  const r = job.request;
  return {
    form: r.form,
    agencyId: r.agencyId,
    from: r.from,
    to: r.to,
    subtree: true,
    scope: r.scope,
    ...(r.groupId ? { groupId: r.groupId } : {}),
    kind: r.kind,
  };
}

/** What a drill-down asks for: a form's cell, or an indicator (a dashboard point, maybe grouped). */
export interface DrillQuery {
  form?: string;
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
  /** A consolidated report's scope (the drill-down of its total leaves out the duplicates). */
  scope?: "unit" | "subtree" | "cluster";
  groupId?: string;
  kind?: "periodic" | "adhoc";
  cell?: string;
  indicator?: string;
  dimension?: "field" | "area";
  value?: string;
}

/** A figure of a sent report (its frozen cells): the records kept when it was saved. */
export interface SentDrillQuery {
  submissionId: string;
  cell: string;
}

export function useDrilldown(target: DrillQuery | SentDrillQuery | null, page: number) {
  return useQuery({
    queryKey: [...KEY, "drilldown", target, page],
    queryFn: ({ signal }) =>
      "submissionId" in target!
        ? call("reports.submissions.drilldown", {
            params: { id: target.submissionId },
            query: { cell: target.cell, page, pageSize: 20 },
            signal,
          })
        : call("reports.drilldown", {
            query: { ...target!, subtree: String(target!.subtree), page, pageSize: 20 },
            signal,
          }),
    enabled: target !== null,
  });
}

// ---- Submissions (issue 19) -------------------------------------------------------------------

export type SubmissionList = Answer<"reports.submissions.list">;
export type SubmissionItem = SubmissionList["items"][number];

export function useSubmissions() {
  return useQuery({
    queryKey: [...KEY, "submissions"],
    queryFn: ({ signal }) => call("reports.submissions.list", { query: { pageSize: 200 }, signal }),
  });
}

/** One sent report with its frozen figures (the snapshot), when a row of the list is opened. */
export function useSubmission(id: string | null) {
  return useQuery({
    queryKey: [...KEY, "submission", id],
    queryFn: ({ signal }) => call("reports.submissions.get", { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

/** Saves the report (figures frozen now) and submits it to the superior, in two calls. */
export function useSaveAndSubmit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { choice: ReportChoice; version?: number; reason?: string }) => {
      const saved = await call("reports.submissions.create", {
        body: {
          ...input.choice,
          ...(input.version !== undefined ? { version: input.version } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
      return call("reports.submissions.submit", { params: { id: saved.id }, body: { version: saved.version } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY, "submissions"] }),
  });
}

export function useSubmissionStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      version,
      reason,
    }: {
      id: string;
      action: "submit" | "return" | "accept";
      version: number;
      reason?: string;
    }) =>
      action === "return"
        ? call("reports.submissions.return", { params: { id }, body: { version, reason: reason ?? "" } })
        : call(`reports.submissions.${action}`, { params: { id }, body: { version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY, "submissions"] }),
  });
}

// ---- Per-level deadlines: which units sent a period's report on time (issue 19) ----------------

export type TimelinessView = Answer<"reports.submissions.timeliness">;

export function useTimeliness(period: { form: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: [...KEY, "submissions", "timeliness", period],
    queryFn: ({ signal }) => call("reports.submissions.timeliness", { query: period!, signal }),
    enabled: period !== null,
  });
}

// ---- Reporting graph and clusters (issue 19) ---------------------------------------------------

export type ReportingLines = Answer<"reports.lines.list">;
export type ReportingLine = ReportingLines["items"][number];

export function useReportingLines() {
  return useQuery({
    queryKey: [...KEY, "lines"],
    queryFn: ({ signal }) => call("reports.lines.list", { signal }),
  });
}

export function useAddLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      agencyId: string;
      reportsToId: string;
      validFrom: string;
      validTo?: string | null;
      basis: string;
    }) => call("reports.lines.create", { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY] }),
  });
}

export function useCloseLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; validTo: string; basis: string; version: number }) =>
      call("reports.lines.close", { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY] }),
  });
}

export function useClusters(at: string | null) {
  return useQuery({
    queryKey: [...KEY, "clusters", at],
    queryFn: ({ signal }) => call("reports.clusters", { query: at ? { at } : {}, signal }),
  });
}

// ---- Uploaded Excel forms of units not on the system (issue 19) ---------------------------------

export type UploadAnswer = Answer<"reports.submissions.upload">;

export interface UploadTarget {
  form: string;
  agencyId: string;
  from: string;
  to: string;
}

export function useUploadReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { target: UploadTarget; fileName: string; contentBase64: string; reason?: string }) =>
      call("reports.submissions.upload", {
        body: {
          ...input.target,
          fileName: input.fileName,
          contentBase64: input.contentBase64,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KEY, "submissions"] }),
  });
}

// ---- Dashboard with charts (issue 19) ------------------------------------------------------------

export type DashboardView = Answer<"reports.dashboard">;

export function useDashboard(choice: { agencyId: string; year: number; subtree: boolean } | null) {
  return useQuery({
    queryKey: [...KEY, "dashboard", choice],
    queryFn: ({ signal }) =>
      call("reports.dashboard", { query: { ...choice!, subtree: String(choice!.subtree) }, signal }),
    enabled: choice !== null,
  });
}
