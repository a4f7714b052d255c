/**
 * The periodic-report API's shapes (reports/): a form computed for an agency and a period, the
 * records behind one of its figures, and the catalogue the page offers.
 */
import { FORM_CODES, INDICATORS, SUBMISSION_STATUSES } from "../reports/index.ts";
import { DASHBOARD_DIMENSIONS } from "../reports/dashboard.ts";
import { apiError, isoDate, pageQuery, uuid } from "./common.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";

const INDICATOR_CODES = Object.keys(INDICATORS) as [string, ...string[]];

/**
 * The scope of a report (issue 19, reporting graph): the unit alone, the unit and the units
 * reporting to it on the period's end date (the reporting graph, reports/graph.ts), or an
 * emulation cluster ("toàn Cụm", `groupId`). `subtree=true` without a scope means "subtree".
 */
export const REPORT_SCOPES = ["unit", "subtree", "cluster"] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
const scopeFields = {
  scope: blankable(choiceOf(REPORT_SCOPES, "phạm vi").optional()),
  groupId: blankable(uuid.optional()),
};

/** Which report: the form, the agency (and its subtree or not), the period. */
export const reportQuery = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    subtree: blankable(z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).default(false)),
    /** "periodic" (the default) only takes the regime's periods; "adhoc" (đột xuất) any {from, to}. */
    kind: blankable(choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic")),
    ...scopeFields,
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type ReportQuery = z.infer<typeof reportQuery>;

/** The narrative draft: every part's figures for an agency (and its units) and a period. */
export const narrativeQuery = z
  .object({
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    subtree: blankable(z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).default(false)),
    kind: blankable(choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic")),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type NarrativeQuery = z.infer<typeof narrativeQuery>;

export const drilldownQuery = pageQuery
  .extend({
    /** Needed with a cell; an indicator alone (the dashboard's points) may go without a form. */
    form: blankable(choiceOf(FORM_CODES, "biểu mẫu").optional()),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    subtree: blankable(z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).default(false)),
    kind: blankable(choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic")),
    /** A cell "<row>.<column>" of the form, or an indicator code. */
    cell: blankable(
      z
        .string()
        .max(80)
        .regex(/^[A-Za-z0-9_.-]+\.\d{1,3}$/, { error: "Ô số liệu phải có dạng <dòng>.<cột>." })
        .optional(),
    ),
    indicator: blankable(choiceOf(INDICATOR_CODES, "chỉ tiêu").optional()),
    ...scopeFields,
    /** A dashboard point's grouping (reports/dashboard.ts) and its value: a field code ("-": none), an agency code. */
    dimension: blankable(choiceOf(DASHBOARD_DIMENSIONS, "nhóm số liệu").optional()),
    value: blankable(
      z
        .string()
        .max(80)
        .regex(/^[A-Za-z0-9_.-]+$/, { error: "Giá trị nhóm không hợp lệ." })
        .optional(),
    ),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] })
  .refine((q) => q.cell !== undefined || q.indicator !== undefined, {
    error: "Chọn ô số liệu hoặc chỉ tiêu.",
    path: ["cell"],
  })
  .refine((q) => q.cell === undefined || q.form !== undefined, { error: "Chọn biểu mẫu.", path: ["form"] })
  .refine((q) => q.dimension === undefined || q.value !== undefined, {
    error: "Chọn giá trị của nhóm số liệu.",
    path: ["value"],
  });
export type DrilldownQuery = z.infer<typeof drilldownQuery>;

/** The records behind a figure of a sent report (its frozen cells): a cell "<row>.<column>". */
export const submissionDrilldownQuery = pageQuery.extend({
  cell: z
    .string({ error: "Chọn ô số liệu." })
    .max(80)
    .regex(/^[A-Za-z0-9_.-]+\.\d{1,3}$/, { error: "Ô số liệu phải có dạng <dòng>.<cột>." }),
});
export type SubmissionDrilldownQuery = z.infer<typeof submissionDrilldownQuery>;

const reconciliationCheck = z.object({
  carriedOver: z.string(),
  inProgressAtEnd: z.string(),
  /** The carried-over figure of this period. */
  carried: z.number(),
  /** The in-progress figure at the end of the previous period (which ends the day before `from`). */
  previousEnd: z.number(),
  holds: z.boolean(),
});

const figures = z.record(z.string(), z.number());

/** The per-unit rows of a consolidated report, the adjustment for duplicates and last year's figures. */
export const consolidationView = z.object({
  scope: z.enum(REPORT_SCOPES),
  /** The reporting graph's date: the period's last day. */
  asOf: z.string(),
  group: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  units: z.array(
    z.object({
      /** The row key in `rows`/`cells` (the agency code). */
      key: z.string(),
      agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      /** "snapshot": the unit's submitted/accepted report; "live": computed now from the records. */
      source: z.enum(["live", "snapshot"]),
      submission: z
        .object({ id: z.string(), revision: z.number().int(), status: z.string(), subtree: z.boolean() })
        .nullable(),
      /** How many agencies the row covers (the unit, or the unit and the units reporting to it). */
      agencies: z.number().int(),
      note: z.string().nullable(),
      indicators: figures,
    }),
  ),
  plainSum: figures,
  /** Taken off the plain sum: petitions transferred between two units of the scope (once indicators). */
  adjustment: figures,
  adjustmentNote: z.string(),
  lastYear: z.object({
    from: z.string(),
    to: z.string(),
    /** "<row>.<column>" as in `cells`, the predecessors' figures counted under their successor. */
    cells: figures,
    indicators: figures,
    successors: z.array(z.object({ key: z.string(), predecessors: z.array(z.string()) })),
    /**
     * Where each row's last-year figures come from (docs/LAW.md §11.9): the reports of last year's
     * period sent by its agencies (the unit, the units merged into it), their frozen figures, the
     * rest counted from the records. "snapshot": every agency of the row that existed then is in a
     * sent report; "live": none; "mixed": some. Absent from a report saved before it was recorded
     * (a consolidated submission's snapshot, a finished job), whose last year was the records':
     * optional, not defaulted, as the answers are checked on the way out (encoded) too.
     */
    units: z
      .array(
        z.object({
          /** The row key in `rows`/`cells`, as in `units` above. */
          key: z.string(),
          source: z.enum(["live", "snapshot", "mixed"]),
          submissions: z.array(
            z.object({
              id: z.string(),
              /** The unit that sent it: the row's unit, a unit merged into it, or its superior then. */
              agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
              revision: z.number().int(),
              status: z.string(),
              /** A report of "the unit and its units" (their figures are in it, not counted again). */
              subtree: z.boolean(),
              /** The row key holding its figures: this row, or the row of the unit whose report covers it. */
              row: z.string(),
            }),
          ),
        }),
      )
      .optional(),
  }),
});
export type ConsolidationView = z.infer<typeof consolidationView>;

export const reportView = z.object({
  form: z.string(),
  title: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  subtree: z.boolean(),
  period: z.object({ kind: z.string(), label: z.string(), regime: z.string() }).nullable(),
  rows: z.array(z.object({ key: z.string(), label: z.string() })),
  columns: z.array(z.object({ no: z.number(), label: z.string(), indicator: z.string(), unit: z.string() })),
  groups: z.array(z.object({ label: z.string(), from: z.number(), to: z.number() })),
  cells: z.record(z.string(), z.number()),
  indicators: z.record(z.string(), z.number()),
  reconciliation: z.object({
    previousFrom: z.string().nullable(),
    previousTo: z.string(),
    checks: z.array(reconciliationCheck),
    holds: z.boolean(),
  }),
  computedAt: z.string(),
  /** A consolidated report (scope subtree or cluster): where each row's figures come from. */
  consolidation: consolidationView.optional(),
});
export type ReportView = z.infer<typeof reportView>;
export type DrilldownView = z.infer<typeof drilldownView>;

export const drilldownItem = z.object({
  id: z.string(),
  /** The source of the record (indicators.ts IndicatorSource): petition, visit, case, inspection … */
  kind: z.string(),
  code: z.string(),
  date: z.string(),
  title: z.string(),
  state: z.string(),
  agencyCode: z.string(),
  /** Counted amount (people, money, land) when the figure is a sum; 1 otherwise. */
  amount: z.number(),
});

/**
 * A consolidated row standing on a unit's sent report: "frozen", its list is the records kept with
 * the report at its save; "upload", the unit sent its Excel form and has no records here; "today",
 * a report saved before the records were kept, listed by its agencies' records now.
 */
export const drilldownSource = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  revision: z.number().int(),
  status: z.string(),
  kind: z.enum(["frozen", "upload", "today"]),
});

export const drilldownView = z.object({
  indicator: z.string(),
  name: z.string(),
  counts: z.string(),
  row: z.string(),
  sources: z.array(drilldownSource),
  items: z.array(drilldownItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const reportCatalogueQuery = z.object({
  year: z.coerce
    .number({ error: "Năm không hợp lệ." })
    .int({ error: "Năm không hợp lệ." })
    .min(2021, { error: "Năm phải từ 2021 trở đi." })
    .max(2100, { error: "Năm không hợp lệ." }),
});

export const reportCatalogueView = z.object({
  forms: z.array(z.object({ code: z.string(), title: z.string() })),
  periods: z.array(
    z.object({ kind: z.string(), label: z.string(), from: z.string(), to: z.string(), regime: z.string() }),
  ),
});

// ---- Submissions: a report frozen, sent up, returned or accepted (issue 19) --------------------

const submissionVersion = z
  .number({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .int({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .positive({ error: "Phiên bản dữ liệu phải là số nguyên dương." });
const submissionReason = (label: string) =>
  blankable(
    z
      .string({ error: `${label} phải là chuỗi ký tự.` })
      .trim()
      .max(2000, { error: `${label} chỉ được tối đa 2000 ký tự.` })
      .optional(),
  );

/** Save a report of the user's own agency: compute it now and freeze the result. */
export const createSubmissionBody = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    subtree: z.boolean({ error: "Giá trị đúng/sai không hợp lệ." }).default(false),
    kind: choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic"),
    /** The version of the latest draft (or returned report) being taken again. */
    version: submissionVersion.optional(),
    /** Why a report already submitted or accepted is corrected (a new revision). */
    reason: submissionReason("Lý do điều chỉnh"),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type CreateSubmissionBody = z.infer<typeof createSubmissionBody>;

export const submissionStepBody = z.object({ version: submissionVersion });
export const returnSubmissionBody = z.object({
  version: submissionVersion,
  reason: submissionReason("Lý do trả lại"),
});

export const submissionListQuery = pageQuery.extend({
  agencyId: blankable(uuid.optional()),
  form: blankable(choiceOf(FORM_CODES, "biểu mẫu").optional()),
  status: blankable(choiceOf(SUBMISSION_STATUSES, "trạng thái báo cáo").optional()),
});

const who = z.object({ name: z.string().nullable(), at: z.string() }).nullable();

export const submissionSummary = z.object({
  id: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  form: z.string(),
  from: z.string(),
  to: z.string(),
  subtree: z.boolean(),
  kind: z.string(),
  revision: z.number().int(),
  latest: z.boolean(),
  status: z.enum(SUBMISSION_STATUSES),
  statusLabel: z.string(),
  correctionReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  drafted: who,
  submitted: who,
  returned: who,
  accepted: who,
  version: z.number().int(),
  /** What the person asking may do with it now. */
  canSubmit: z.boolean(),
  canDecide: z.boolean(),
  /** Computed from the records, or read from an uploaded Excel form (its original downloadable). */
  origin: z.enum(["computed", "upload"]),
});
export type SubmissionSummary = z.infer<typeof submissionSummary>;

export const submissionView = submissionSummary.extend({ snapshot: reportView });
export type SubmissionView = z.infer<typeof submissionView>;

export const submissionListView = z.object({
  items: z.array(submissionSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- Uploaded Excel forms of units not on the system (issue 19) ---------------------------------

/** The blank form of a report: which form, unit and period (the unit's own or a direct unit's). */
export const blankFormQuery = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    kind: blankable(choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic")),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type BlankFormQuery = z.infer<typeof blankFormQuery>;

/** A filled form, sent as base64 (the attachment size limit applies). */
export const uploadReportBody = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    kind: choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic"),
    fileName: z
      .string({ error: "Tên tệp phải là chuỗi ký tự." })
      .trim()
      .min(1, { error: "Nhập tên tệp." })
      .max(200, { error: "Tên tệp chỉ được tối đa 200 ký tự." }),
    contentBase64: z
      .string({ error: "Nội dung tệp phải được mã hóa base64." })
      .min(1, { error: "Chọn tệp Excel đã điền." })
      .regex(/^[A-Za-z0-9+/=\s]+$/, { error: "Nội dung tệp phải được mã hóa base64." }),
    /** Why a report already submitted or accepted is replaced by this file (a new revision). */
    reason: submissionReason("Lý do điều chỉnh"),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type UploadReportBody = z.infer<typeof uploadReportBody>;

export const uploadError = z.object({
  /** The sheet cell ("E9"), or null for the file as a whole. */
  cell: z.string().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type UploadErrorView = z.infer<typeof uploadError>;

/** Accepted (the submission it became) or refused (every error found; nothing saved). */
export const uploadReportView = z.object({
  accepted: z.boolean(),
  errors: z.array(uploadError),
  submission: submissionView.nullable(),
});
export type UploadReportView = z.infer<typeof uploadReportView>;

// ---- Consolidated reports computed as a job (issue 19) --------------------------------------

/** A consolidated report (a unit and its units, or a cluster) started as a job with its progress. */
export const reportJobBody = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    kind: choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic"),
    scope: choiceOf(["subtree", "cluster"], "phạm vi"),
    groupId: uuid.optional(),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type ReportJobBody = z.infer<typeof reportJobBody>;

export const REPORT_JOB_STATUSES = ["running", "done", "failed"] as const;

export const reportJobView = z.object({
  id: z.string(),
  status: z.enum(REPORT_JOB_STATUSES),
  /** Steps done so far, of `total` (each kind of record counted); the last step (totals) runs at done = total. */
  done: z.number().int(),
  total: z.number().int(),
  /** The last step, in Vietnamese (the records just counted, or the totals). */
  step: z.string().nullable(),
  request: z.object({
    form: z.string(),
    agencyId: z.string(),
    from: z.string(),
    to: z.string(),
    kind: z.enum(["periodic", "adhoc"]),
    scope: z.enum(["subtree", "cluster"]),
    groupId: z.string().nullable(),
  }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The report, once done: the same as reports.compute answers for the request. */
  report: reportView.nullable(),
  error: apiError.nullable(),
});
export type ReportJobView = z.infer<typeof reportJobView>;
