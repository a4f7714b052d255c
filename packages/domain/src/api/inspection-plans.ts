/**
 * API schemas of the inspection subjects registry, the yearly plans, the overlap check and its
 * resolutions, the State Audit plan import and the public feed of plans (docs/LAW.md §8.6, §9).
 * Shapes only; the rules that need the data (scope, states, overlaps) are on the server and in
 * domain/inspections.
 */
import { todayInVietnam } from "../time.ts";
import {
  PLAN_ACTIVITY_LIST,
  PLAN_ITEM_KIND_LIST,
  PLAN_STATUS_LIST,
  plannedTimeProblem,
  RESOLUTION_OUTCOME_LIST,
} from "../inspections/plans.ts";
import { checkTaxCode, SUBJECT_KIND_LIST, taxCodeRequired } from "../inspections/subjects.ts";
import { pageQuery, uuid } from "./common.ts";
import { documentSigner } from "./documents.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";
import { labelledText as text, requiredText as required, labelledDate as date, version } from "./fields.ts";

export const planYear = z.coerce
  .number({ error: "Năm kế hoạch phải là một số." })
  .int({ error: "Năm kế hoạch phải là số nguyên." })
  .min(2000, { error: "Năm kế hoạch phải từ 2000 đến 2200." })
  .max(2200, { error: "Năm kế hoạch phải từ 2000 đến 2200." });
const month = (label: string) =>
  z
    .number({ error: `${label} phải là số từ 1 đến 12.` })
    .int({ error: `${label} phải là số từ 1 đến 12.` })
    .min(1, { error: `${label} phải là số từ 1 đến 12.` })
    .max(12, { error: `${label} phải là số từ 1 đến 12.` });

// ---- Subjects ----------------------------------------------------------------------------------

export const subjectKind = choiceOf(SUBJECT_KIND_LIST, "loại đối tượng");

/** A tax code as typed; given back in the registry's form, or refused naming the rule broken. */
export const taxCode = z.string({ error: "Mã số thuế phải là chuỗi ký tự." }).transform((value, ctx) => {
  const checked = checkTaxCode(value);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  }
  return checked.value;
});

const subjectFields = {
  kind: subjectKind,
  name: required(300, "Tên đối tượng", "Nhập tên đối tượng."),
  taxCode: blankable(taxCode.optional()),
  address: blankable(text(300, "Địa chỉ").optional()),
  /** A state body of this installation. */
  agencyId: blankable(uuid.optional()),
};

function subjectRules(
  b: { kind: string; taxCode?: string | undefined; agencyId?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (taxCodeRequired(b.kind as never) && !b.taxCode)
    ctx.addIssue({
      code: "custom",
      path: ["taxCode"],
      message: "Mã số thuế: doanh nghiệp, hộ kinh doanh phải có mã số thuế (mã số doanh nghiệp).",
    });
  if (b.agencyId && b.kind !== "state_body")
    ctx.addIssue({
      code: "custom",
      path: ["agencyId"],
      message: "Chỉ đối tượng là cơ quan, đơn vị nhà nước mới liên kết với cơ quan trong hệ thống.",
    });
}

export const createSubjectBody = z.strictObject(subjectFields).superRefine(subjectRules);
export type CreateSubjectBody = z.infer<typeof createSubjectBody>;

export const updateSubjectBody = z.strictObject({ ...subjectFields, version }).superRefine(subjectRules);
export type UpdateSubjectBody = z.infer<typeof updateSubjectBody>;

export const mergeSubjectBody = z.strictObject({
  /** The subject that stays (the survivor). */
  intoId: uuid,
  /** The version of the duplicate, as read. */
  version,
});

export const subjectListQuery = pageQuery.extend({
  q: blankable(text(200, "Từ khóa").optional()),
  kind: blankable(subjectKind.optional()),
  /** Merged duplicates are hidden unless asked for. */
  withMerged: z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).optional(),
});
export type SubjectListQuery = z.infer<typeof subjectListQuery>;

export const subjectView = z.object({
  id: z.string(),
  kind: z.enum(SUBJECT_KIND_LIST),
  kindLabel: z.string(),
  name: z.string(),
  taxCode: z.string().nullable(),
  address: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  registeredByAgencyId: z.string(),
  registeredByAgencyName: z.string(),
  mergedIntoId: z.string().nullable(),
  version: z.number().int(),
  /** Whether the caller may edit it, merge it into another. */
  canEdit: z.boolean(),
  canMerge: z.boolean(),
});
export type SubjectView = z.infer<typeof subjectView>;

export const subjectDetail = subjectView.extend({
  occurrences: z.array(
    z.object({
      year: z.number().int(),
      activity: z.string(),
      source: z.string(),
      agencyName: z.string(),
      cancelled: z.boolean(),
    }),
  ),
  /** Duplicates merged into this one. */
  merged: z.array(z.object({ id: z.string(), name: z.string(), taxCode: z.string().nullable() })),
});

/** An Excel (.xlsx) or CSV file sent as base64 (small lists: the body limit applies). */
export const fileUploadBody = z.strictObject({
  fileName: required(200, "Tên tệp", "Chọn tệp Excel (.xlsx) hoặc CSV."),
  content: z
    .string({ error: "Nội dung tệp phải được mã hóa base64." })
    .min(1, { error: "Tệp rỗng." })
    .regex(/^[A-Za-z0-9+/=\s]+$/, { error: "Nội dung tệp phải được mã hóa base64." }),
});

export const importRefusal = z.object({
  /** The row of the sheet (1 = the header row). */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  values: z.record(z.string(), z.string()),
});

export const subjectImportReport = z.object({
  id: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows naming a subject already in the registry (same tax code or agency): not created twice. */
  existing: z.number().int(),
  refused: z.array(importRefusal),
});
export type SubjectImportReport = z.infer<typeof subjectImportReport>;

// ---- Plans -------------------------------------------------------------------------------------

export const planStatus = z.enum(PLAN_STATUS_LIST);
const activity = choiceOf(PLAN_ACTIVITY_LIST, "hoạt động (thanh tra hay kiểm tra chuyên ngành)");
const itemKind = choiceOf(PLAN_ITEM_KIND_LIST, "loại cuộc (chính thức hay dự phòng)");

export const createPlanBody = z.strictObject({
  /** The inspection body or Department; the caller's agency when left out. */
  agencyId: blankable(uuid.optional()),
  year: planYear,
  title: blankable(text(300, "Tên kế hoạch").optional()),
});

export const planListQuery = z.object({
  year: blankable(planYear.optional()),
});

const itemShape = {
  subjectIds: z
    .array(uuid, { error: "Đối tượng thanh tra: chọn ít nhất một đối tượng." })
    .min(1, { error: "Đối tượng thanh tra: chọn ít nhất một đối tượng." })
    .max(50, { error: "Đối tượng thanh tra: tối đa 50 đối tượng một cuộc." }),
  activity,
  kind: itemKind,
  content: required(2000, "Nội dung thanh tra", "Nhập nội dung thanh tra, kiểm tra."),
  /** Lĩnh vực quản lý nhà nước: the same content inspected and checked in a year is flagged. */
  field: blankable(text(200, "Lĩnh vực").optional()),
  periodFrom: blankable(date("Thời kỳ thanh tra (từ ngày)").optional()),
  periodTo: blankable(date("Thời kỳ thanh tra (đến ngày)").optional()),
  quarter: blankable(
    z
      .number({ error: "Quý phải là số từ 1 đến 4." })
      .int({ error: "Quý phải là số từ 1 đến 4." })
      .min(1, { error: "Quý phải là số từ 1 đến 4." })
      .max(4, { error: "Quý phải là số từ 1 đến 4." })
      .optional(),
  ),
  monthFrom: blankable(month("Tháng bắt đầu").optional()),
  monthTo: blankable(month("Tháng kết thúc").optional()),
  leadingUnit: blankable(text(300, "Đơn vị chủ trì").optional()),
  note: blankable(text(1000, "Ghi chú").optional()),
};

function itemRules(
  b: {
    subjectIds: string[];
    periodFrom?: string | undefined;
    periodTo?: string | undefined;
    quarter?: number | undefined;
    monthFrom?: number | undefined;
    monthTo?: number | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (b.periodFrom && b.periodTo && b.periodFrom > b.periodTo)
    ctx.addIssue({
      code: "custom",
      path: ["periodTo"],
      message: "Thời kỳ thanh tra: ngày kết thúc không được trước ngày bắt đầu.",
    });
  if (new Set(b.subjectIds).size !== b.subjectIds.length)
    ctx.addIssue({
      code: "custom",
      path: ["subjectIds"],
      message: "Đối tượng thanh tra: một đối tượng được chọn hai lần.",
    });
  const time = plannedTimeProblem({
    quarter: b.quarter ?? null,
    monthFrom: b.monthFrom ?? null,
    monthTo: b.monthTo ?? null,
  });
  if (time) ctx.addIssue({ code: "custom", path: [time.field], message: time.message });
}

export const planItemBody = z.strictObject({ ...itemShape, planVersion: version }).superRefine(itemRules);
export type PlanItemBody = z.infer<typeof planItemBody>;

export const updatePlanItemBody = z
  .strictObject({ ...itemShape, planVersion: version, version })
  .superRefine(itemRules);
export type UpdatePlanItemBody = z.infer<typeof updatePlanItemBody>;

export const cancelPlanItemBody = z.strictObject({
  planVersion: version,
  version,
  reason: required(1000, "Lý do hủy", "Nhập lý do hủy cuộc thanh tra, kiểm tra khỏi kế hoạch."),
});

/**
 * Issuing a plan (or its adjustment): by default the step drafts the decision, which is then
 * submitted to a leader and signed in the system (documents); its number and signer come from the
 * register and the signature when it is issued. `issuedOutside`: the decision was signed outside
 * the system, so its number, date and signer are typed and no paper is drafted.
 */
export const issuePlanBody = z
  .strictObject({
    version,
    issuedOutside: z.boolean({ error: "Quyết định đã ban hành ngoài hệ thống: chọn có hoặc không." }).nullish(),
    decisionNumber: blankable(text(100, "Số quyết định").optional()),
    issuedOn: blankable(date("Ngày ban hành").optional()),
    signer: documentSigner
      .extend({ name: required(120, "Họ tên người ký", "Nhập họ tên người ký quyết định.") })
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.issuedOutside !== true) return;
    if (!b.decisionNumber)
      ctx.addIssue({
        code: "custom",
        path: ["decisionNumber"],
        message: "Quyết định ban hành ngoài hệ thống: nhập số quyết định.",
      });
    if (!b.issuedOn)
      ctx.addIssue({
        code: "custom",
        path: ["issuedOn"],
        message: "Quyết định ban hành ngoài hệ thống: nhập ngày ban hành.",
      });
    if (!b.signer)
      ctx.addIssue({ code: "custom", path: ["signer"], message: "Quyết định ban hành ngoài hệ thống: nhập người ký." });
  });

/** Withdrawing the decision's draft (not yet submitted, or returned by the signer) to edit the plan again. */
/** The draft is kept in the record, cancelled, with this reason (a default when none is given). */
export const withdrawPlanDecisionBody = z.strictObject({
  version,
  reason: blankable(z.string().trim().min(1).max(1000, { error: "Lý do chỉ được tối đa 1000 ký tự." }).optional()),
});

export const adjustPlanBody = z.strictObject({
  version,
  reason: required(2000, "Lý do điều chỉnh", "Nhập lý do điều chỉnh kế hoạch."),
});

/** The overlap check the plan form calls as the user types; `itemId` when editing an item. */
export const overlapCheckBody = z.strictObject({
  planId: uuid,
  itemId: blankable(uuid.optional()),
  subjectIds: z.array(uuid).max(50),
  activity: z.enum(PLAN_ACTIVITY_LIST),
  field: blankable(text(200, "Lĩnh vực").optional()),
});

export const overlapView = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  weight: z.enum(["blocking", "needs_violation_sign", "coordinate"]),
  basis: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  subjectKind: z.string(),
  otherAgencyId: z.string(),
  otherAgencyName: z.string(),
  otherSource: z.string(),
  otherSourceId: z.string(),
  otherActivity: z.string(),
  /** What the other side is: an item's content, an inspection's name, the State Audit plan. */
  otherLabel: z.string(),
  resolution: z
    .object({
      id: z.string(),
      outcome: z.enum(RESOLUTION_OUTCOME_LIST),
      outcomeLabel: z.string(),
      reason: z.string().nullable(),
      decidedByName: z.string().nullable(),
      agencyName: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** Still blocks saving (a blocking overlap without a resolution that keeps the item this year). */
  blocking: z.boolean(),
  message: z.string(),
});
export type OverlapViewBody = z.infer<typeof overlapView>;

export const overlapCheckResult = z.object({ overlaps: z.array(overlapView), blocking: z.boolean() });

export const resolveOverlapBody = z
  .strictObject({
    /** The plan on whose behalf it is decided (its agency records the resolution). */
    planId: uuid,
    subjectId: uuid,
    otherSource: z.enum(["plan_item", "inspection", "state_audit_plan"]),
    otherSourceId: uuid,
    outcome: choiceOf(RESOLUTION_OUTCOME_LIST, "cách xử lý trùng lặp"),
    reason: blankable(text(2000, "Lý do").optional()),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === "keep" && !b.reason)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Lý do: giữ nguyên cuộc thanh tra, kiểm tra trùng phải ghi rõ lý do.",
      });
  });

export const resolutionView = z.object({
  id: z.string(),
  year: z.number().int(),
  subjectId: z.string(),
  subjectName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  otherAgencyId: z.string(),
  otherAgencyName: z.string(),
  outcome: z.enum(RESOLUTION_OUTCOME_LIST),
  outcomeLabel: z.string(),
  reason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  at: z.string(),
});

export const planItemView = z.object({
  id: z.string(),
  seq: z.number().int(),
  subjects: z.array(z.object({ id: z.string(), name: z.string(), taxCode: z.string().nullable(), kind: z.string() })),
  activity: z.enum(PLAN_ACTIVITY_LIST),
  kind: z.enum(PLAN_ITEM_KIND_LIST),
  content: z.string(),
  field: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  quarter: z.number().int().nullable(),
  monthFrom: z.number().int().nullable(),
  monthTo: z.number().int().nullable(),
  timeLabel: z.string(),
  leadingUnit: z.string().nullable(),
  note: z.string().nullable(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  /** The revision of the plan that added it (0 = the plan as first issued). */
  addedInRevision: z.number().int(),
  version: z.number().int(),
  overlaps: z.array(overlapView),
});
export type PlanItemView = z.infer<typeof planItemView>;

export const planVersionView = z.object({
  revision: z.number().int(),
  status: z.enum(["draft", "issued", "superseded"]),
  reason: z.string().nullable(),
  decisionSymbol: z.string().nullable(),
  documentId: z.string().nullable(),
  issuedOn: z.string().nullable(),
  itemCount: z.number().int(),
  /** Who signed the decision ("Lê Văn Hùng, Chánh Thanh tra"); null before it is issued. */
  signer: z.string().nullable().optional(),
  issuedOutside: z.boolean().optional(),
});

export const planSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: planStatus,
  statusLabel: z.string(),
  revision: z.number().int(),
  decisionSymbol: z.string().nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});

export const planDetail = planSummary.extend({
  items: z.array(planItemView),
  versions: z.array(planVersionView),
  resolutions: z.array(resolutionView),
  canEdit: z.boolean(),
  actions: z.array(z.enum(["add_item", "issue", "adjust", "withdraw_decision"])),
  /** The decision drafted for the current version and not issued yet (to be signed in the system). */
  pendingDecision: z
    .object({
      documentId: z.string(),
      status: z.enum(["draft", "submitted"]),
      statusLabel: z.string(),
      signerName: z.string().nullable(),
      returnedNote: z.string().nullable(),
    })
    .nullable(),
});
export type PlanDetail = z.infer<typeof planDetail>;

/** One version as it was issued: its items frozen at the decision. */
export const planVersionDetail = planVersionView.extend({
  items: z.array(
    z.object({
      seq: z.number().int(),
      subjects: z.string(),
      activity: z.string(),
      kind: z.string(),
      content: z.string(),
      field: z.string().nullable(),
      period: z.string(),
      time: z.string(),
      leadingUnit: z.string().nullable(),
      cancelled: z.boolean(),
    }),
  ),
});

// ---- The province's overlap board and the State Audit plan --------------------------------------

/** The current year in Vietnam, when a query leaves the year out. */
const thisYear = () => Number(todayInVietnam().slice(0, 4));

export const overlapBoardQuery = z.object({ year: planYear.default(thisYear) });

export const overlapBoard = z.object({
  year: z.number().int(),
  /** Subjects planned twice or more in the year (or with the State Audit). */
  subjects: z.number().int(),
  byKind: z.object({
    enterprise: z.number().int(),
    household: z.number().int(),
    state_body: z.number().int(),
    individual: z.number().int(),
  }),
  /** "40 đối tượng bị trùng lặp, trong đó 04 cơ quan, đơn vị nhà nước và 36 doanh nghiệp". */
  sentence: z.string(),
  resolved: z.number().int(),
  items: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      subjectKind: z.string(),
      taxCode: z.string().nullable(),
      entries: z.array(
        z.object({
          agencyName: z.string(),
          activity: z.string(),
          source: z.string(),
          label: z.string(),
        }),
      ),
      resolutions: z.array(resolutionView),
    }),
  ),
});

export const stateAuditImportBody = fileUploadBody.extend({
  year: planYear,
});

export const stateAuditImportReport = z.object({
  id: z.string(),
  year: z.number().int(),
  rows: z.number().int(),
  /** Subjects found in the registry, by tax code, now flagged for coordination. */
  matched: z.number().int(),
  /** Subjects added to the registry from the file. */
  created: z.number().int(),
  /** Matched subjects also in a plan of the year: to coordinate with the State Audit. */
  flagged: z.number().int(),
  refused: z.array(importRefusal),
});

// ---- Public feed (NQ 198/2025: plans concerning enterprises are public) --------------------------

export const publicPlansQuery = z.object({
  year: planYear.default(thisYear),
  /** An agency's code; all agencies of the installation when left out. */
  agency: blankable(text(40, "Mã cơ quan").optional()),
});

export const publicPlanItem = z.object({
  agencyName: z.string(),
  decision: z.string().nullable(),
  seq: z.number().int(),
  activity: z.string(),
  kind: z.string(),
  subjects: z.array(z.object({ name: z.string(), taxCode: z.string().nullable(), kind: z.string() })),
  content: z.string(),
  field: z.string().nullable(),
  period: z.string(),
  time: z.string(),
  leadingUnit: z.string().nullable(),
});

export const publicPlans = z.object({
  year: z.number().int(),
  basis: z.string(),
  items: z.array(publicPlanItem),
});
