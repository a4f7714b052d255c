/**
 * API schemas of inspections (issue 17): proposing and deciding an inspection or specialised
 * check, its steps (one union on `action`, each with the row `version`), findings per subject
 * (violations, administrative sanctions), recommendations, and their follow-up (recoveries,
 * urging letters, follow-up checks, closing). Money in whole đồng (integers); land in m².
 * Shapes only: the rules that need the record are in inspections/inspection-machine.ts and
 * follow-up.ts.
 */
import { VIOLATION_KINDS, RECOMMENDATION_TYPES, FOLLOW_UP_STATUSES } from "../inspections/index.ts";
import {
  AD_HOC_TRIGGERS,
  EXTENSION_GROUNDS,
  INSPECTION_KINDS,
  INSPECTION_STATE_LIST,
  REINSPECTION_GROUNDS,
} from "../inspections/inspection-steps.ts";
import { isoDate, uuid } from "./common.ts";
import { documentSigner } from "./documents.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";
import { labelledText as text, requiredText as required, labelledDate as date, version } from "./fields.ts";

const optionalText = (max: number, label: string) => blankable(text(max, label).optional());

/** Whole đồng: an integer, not negative, exact (below 2^53). */
export const dong = (label: string) =>
  z
    .number({ error: `${label} phải là số tiền (đồng).` })
    .int({ error: `${label} phải là số đồng nguyên (không có phần lẻ).` })
    .min(0, { error: `${label} không được âm.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} quá lớn.` });
const area = (label: string) =>
  z
    .number({ error: `${label} phải là một số (m²).` })
    .min(0, { error: `${label} không được âm.` })
    .max(1e12, { error: `${label} quá lớn.` })
    .refine((v) => Math.round(v * 100) === v * 100, { error: `${label}: tối đa 2 chữ số thập phân.` });
const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số nguyên.` })
    .int({ error: `${label} phải là một số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(100000, { error: `${label} quá lớn.` });

// ---- The record ----------------------------------------------------------------------------------

export const createInspectionBody = z.object({
  kind: choiceOf(INSPECTION_KINDS, "loại cuộc thanh tra"),
  trigger: blankable(choiceOf(AD_HOC_TRIGGERS, "căn cứ thanh tra đột xuất").optional()),
  triggerCaseId: blankable(uuid.optional()),
  triggerNote: optionalText(4000, "Nội dung căn cứ"),
  reinspectsId: blankable(uuid.optional()),
  reinspectionGround: blankable(choiceOf(REINSPECTION_GROUNDS, "căn cứ thanh tra lại").optional()),
  planItemId: blankable(uuid.optional()),
  online: z.boolean({ error: "Hình thức trực tuyến: chọn có hoặc không." }).default(false),
  title: required(500, "Tên cuộc thanh tra"),
  content: required(8000, "Nội dung thanh tra"),
  contentField: optionalText(200, "Lĩnh vực quản lý nhà nước"),
  periodCovered: optionalText(200, "Thời kỳ thanh tra"),
  year: z
    .number({ error: "Năm phải là số." })
    .int({ error: "Năm phải là số nguyên." })
    .min(2000, { error: "Năm không hợp lệ." })
    .max(2200, { error: "Năm không hợp lệ." }),
  subjectIds: z
    .array(uuid, { error: "Chọn đối tượng thanh tra." })
    .min(1, { error: "Chọn ít nhất một đối tượng thanh tra." })
    .max(200, { error: "Một cuộc thanh tra có tối đa 200 đối tượng." }),
  violationSign: optionalText(4000, "Dấu hiệu vi phạm rõ ràng"),
});
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;

/** The overlap check of a proposal while it is typed, before it is saved (nothing is written). */
export const inspectionOverlapCheckBody = z.strictObject({
  kind: choiceOf(INSPECTION_KINDS, "loại cuộc thanh tra"),
  year: createInspectionBody.shape.year,
  subjectIds: z.array(uuid).max(200, { error: "Một cuộc thanh tra có tối đa 200 đối tượng." }),
  contentField: optionalText(200, "Lĩnh vực quản lý nhà nước"),
  planItemId: blankable(uuid.optional()),
});
export type InspectionOverlapCheckBody = z.infer<typeof inspectionOverlapCheckBody>;

const declaration = z.object({
  userId: uuid,
  hasConflict: z.boolean({ error: "Bản kê khai xung đột lợi ích: chọn có hoặc không." }),
  note: optionalText(2000, "Ghi chú kê khai"),
});

/**
 * A paper a leader signs (decision, extension, conclusion) is drafted and numbered from the
 * agency's register when issued in the system: number and date are typed only for a paper
 * signed outside it (`issuedOutside`), and then both are required (the server says which).
 */
const issuedOutside = z.boolean({ error: "Văn bản ban hành ngoài hệ thống: chọn có hoặc không." }).optional();

export const decideInspectionBody = z.object({
  version,
  issuedOutside,
  date: blankable(date("Ngày quyết định").optional()),
  number: optionalText(60, "Số quyết định"),
  leaderId: uuid,
  memberIds: z.array(uuid).max(50, { error: "Đoàn thanh tra có tối đa 50 thành viên." }).default([]),
  supervisorId: blankable(uuid.optional()),
  declarations: z.array(declaration).max(60).default([]),
  violationSign: optionalText(4000, "Dấu hiệu vi phạm rõ ràng"),
});
export type DecideInspectionBody = z.infer<typeof decideInspectionBody>;

/** "08:30", optional. */
const clock = (label: string) =>
  blankable(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}: nhập theo dạng giờ:phút, ví dụ 08:30.` })
      .optional(),
  );

const step = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.object({ action: z.literal(action), version, ...shape });

export const inspectionStepBody = z.discriminatedUnion(
  "action",
  [
    step("approve_plan", { date: date("Ngày phê duyệt kế hoạch") }),
    step("announce", {
      date: date("Ngày công bố quyết định"),
      /** Given, the step drafts the minutes of the announcement (TTr-BBCB) for the team to sign. */
      minutes: z
        .object({
          place: required(300, "Địa điểm công bố"),
          representative: required(120, "Người đại diện đối tượng thanh tra"),
          representativePosition: required(300, "Chức vụ người đại diện"),
          startTime: clock("Giờ bắt đầu"),
          endTime: clock("Giờ kết thúc"),
          opinions: optionalText(4000, "Ý kiến của đối tượng thanh tra"),
        })
        .optional(),
    }),
    step("extend", {
      issuedOutside,
      date: blankable(date("Ngày gia hạn").optional()),
      number: optionalText(60, "Số quyết định gia hạn"),
      ground: choiceOf(EXTENSION_GROUNDS, "căn cứ gia hạn"),
      note: optionalText(2000, "Lý do gia hạn"),
    }),
    step("suspend", { date: date("Ngày tạm dừng"), reason: required(2000, "Lý do tạm dừng") }),
    step("resume", { date: date("Ngày tiếp tục") }),
    step("end_onsite", { date: date("Ngày kết thúc thanh tra trực tiếp") }),
    step("report", { date: date("Ngày báo cáo kết quả thanh tra") }),
    step("assign_draft", { date: date("Ngày giao xây dựng dự thảo kết luận") }),
    step("submit_draft", {
      date: date("Ngày trình dự thảo kết luận"),
      reservations: z
        .array(z.object({ name: required(200, "Người bảo lưu ý kiến"), text: required(4000, "Ý kiến bảo lưu") }))
        .max(50)
        .default([]),
    }),
    step("appraise", { date: date("Ngày thẩm định"), note: optionalText(4000, "Ý kiến thẩm định") }),
    step("sign", {
      issuedOutside,
      date: blankable(date("Ngày ký kết luận").optional()),
      number: optionalText(60, "Số kết luận"),
    }),
    step("publish", { date: date("Ngày công khai"), form: optionalText(500, "Hình thức công khai") }),
    step("direct", {
      issuedOutside,
      date: blankable(date("Ngày văn bản chỉ đạo").optional()),
      number: optionalText(60, "Số văn bản chỉ đạo"),
      reportBy: blankable(date("Hạn báo cáo kết quả thực hiện").optional()),
    }),
  ],
  { error: "Chọn bước thực hiện." },
);
export type InspectionStepBody = z.infer<typeof inspectionStepBody>;

const bool = (label: string) => z.stringbool({ error: `${label}: giá trị đúng/sai không hợp lệ.` });

export const inspectionListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  year: blankable(z.coerce.number().int().min(2000).max(2200).optional()),
  kind: blankable(choiceOf(INSPECTION_KINDS, "loại cuộc thanh tra").optional()),
  state: blankable(choiceOf(INSPECTION_STATE_LIST, "giai đoạn").optional()),
  overdue: blankable(bool("Quá hạn").optional()),
  /** Only those waiting for a leader to sign a drafted paper (decision, extension, conclusion, directive). */
  awaiting: blankable(bool("Chờ lãnh đạo ký").optional()),
  q: optionalText(200, "Từ khóa"),
  sort: z.enum(["decided_on", "due_on", "code"]).default("decided_on"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

// ---- Findings ------------------------------------------------------------------------------------

export const violationBody = z.object({
  version,
  subjectId: uuid,
  kind: choiceOf(VIOLATION_KINDS, "loại vi phạm"),
  description: required(8000, "Nội dung vi phạm"),
  money: dong("Số tiền sai phạm").default(0),
  landM2: area("Diện tích đất vi phạm").default(0),
});

/**
 * An administrative sanction decision (TTr-XP). By default it is drafted for the competent person
 * to sign (the violation, the rule, the sector decree and the violation record fill the paper) and
 * counts once issued, with the register's number and date; a decision signed on paper is recorded
 * with `issuedOutside`, its number and date typed (and its payment, if already paid).
 */
export const sanctionBody = z.object({
  version,
  issuedOutside,
  subjectId: uuid,
  number: optionalText(60, "Số quyết định xử phạt"),
  issuedOn: blankable(date("Ngày quyết định xử phạt").optional()),
  targetKind: choiceOf(["organisation", "individual"] as const, "tổ chức hay cá nhân bị xử phạt"),
  targetName: required(300, "Tên tổ chức, cá nhân bị xử phạt"),
  fine: dong("Số tiền phạt"),
  additionalMeasures: optionalText(2000, "Hình thức xử phạt bổ sung, biện pháp khắc phục"),
  violation: optionalText(2000, "Hành vi vi phạm hành chính"),
  rule: optionalText(500, "Quy định bị vi phạm (điểm, khoản, điều)"),
  sanctionDecree: optionalText(500, "Nghị định quy định xử phạt"),
  recordNumber: optionalText(60, "Số biên bản vi phạm hành chính"),
  recordDate: blankable(date("Ngày lập biên bản vi phạm hành chính").optional()),
  paid: z.boolean({ error: "Đã nộp phạt: chọn có hoặc không." }).default(false),
  paidOn: blankable(date("Ngày nộp phạt").optional()),
});

export const sanctionPaidBody = z.object({ version, paidOn: date("Ngày nộp phạt") });

export const recommendationBody = z.object({
  version,
  subjectId: blankable(uuid.optional()),
  type: choiceOf(RECOMMENDATION_TYPES, "loại kiến nghị"),
  content: required(8000, "Nội dung kiến nghị"),
  amount: dong("Số tiền kiến nghị").default(0),
  landM2: area("Diện tích đất kiến nghị thu hồi").default(0),
  collectives: count("Số tập thể").default(0),
  individuals: count("Số cá nhân").default(0),
  persons: z.array(required(200, "Họ tên")).max(500).default([]),
  matters: count("Số vụ việc").default(0),
  responsibleUnit: required(300, "Đơn vị chịu trách nhiệm thực hiện"),
  dueOn: blankable(date("Hạn thực hiện").optional()),
});
export type RecommendationBody = z.infer<typeof recommendationBody>;

export const removeFindingBody = z.object({ version });

// ---- Follow-up -----------------------------------------------------------------------------------

export const recoveryBody = z.object({
  version,
  recoveredOn: date("Ngày thu hồi"),
  amount: dong("Số tiền đã thu hồi").default(0),
  landM2: area("Diện tích đất đã thu hồi").default(0),
  done: z.boolean({ error: "Đã hoàn thành: chọn có hoặc không." }).default(false),
  note: optionalText(2000, "Ghi chú"),
  evidence: optionalText(500, "Chứng từ (số, ngày chứng từ nộp ngân sách …)"),
});
export type RecoveryBody = z.infer<typeof recoveryBody>;

export const followUpActionBody = z.object({
  version,
  kind: choiceOf(["urge", "check"] as const, "hình thức theo dõi"),
  onDate: date("Ngày thực hiện"),
  note: optionalText(4000, "Nội dung"),
});

export const closeRecommendationBody = z.object({
  version,
  closedOn: date("Ngày kết thúc theo dõi"),
  reason: required(4000, "Quyết định, lý do kết thúc theo dõi"),
});

export const followUpListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  overdue: blankable(bool("Quá hạn").optional()),
  status: blankable(choiceOf(FOLLOW_UP_STATUSES, "tình trạng").optional()),
  minOutstanding: blankable(z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()),
  agencyId: blankable(uuid.optional()),
  year: blankable(z.coerce.number().int().min(2000).max(2200).optional()),
  type: blankable(choiceOf(RECOMMENDATION_TYPES, "loại kiến nghị").optional()),
  inspectionId: blankable(uuid.optional()),
  sort: z.enum(["due_on", "outstanding", "concluded_on", "amount"]).default("due_on"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

export const followUpSummaryQuery = z
  .object({ from: date("Từ ngày"), to: date("Đến ngày"), agencyId: blankable(uuid.optional()) })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });

// ---- Views ---------------------------------------------------------------------------------------

const nullableText = z.string().nullable();
const nullableDate = z.string().nullable();

export const inspectionSubjectRef = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  taxCode: nullableText,
});

export const inspectionOverlapView = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  weight: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  year: z.number(),
  activity: z.string(),
  source: z.string(),
  agencyName: z.string(),
  basis: z.string(),
});

export const inspectionListItem = z.object({
  id: z.string(),
  code: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  online: z.boolean(),
  title: z.string(),
  subjects: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  decisionNumber: nullableText,
  decidedOn: nullableDate,
  signedOn: nullableDate,
  dueOn: nullableDate,
  dueRule: nullableText,
  overdue: z.boolean(),
  /** A drafted paper waits for a leader's signature ("Chờ lãnh đạo ký …" is then the state label). */
  awaiting: z.boolean(),
  version: z.number(),
});

const violationView = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  description: z.string(),
  money: z.number(),
  moneyText: z.string(),
  landM2: z.number(),
});

const sanctionView = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  targetKind: z.string(),
  targetName: z.string(),
  fine: z.number(),
  fineText: z.string(),
  additionalMeasures: nullableText,
  paid: z.boolean(),
  paidOn: nullableDate,
});

/** A sanction decision drafted and waiting for its signature (it counts once issued). */
const pendingSanctionView = z.object({
  documentId: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  targetKind: z.string(),
  targetName: z.string(),
  fine: z.number(),
  fineText: z.string(),
  additionalMeasures: nullableText,
});

export const recommendationView = z.object({
  id: z.string(),
  inspectionId: z.string(),
  subjectId: nullableText,
  subjectName: nullableText,
  type: z.string(),
  typeLabel: z.string(),
  content: z.string(),
  amount: z.number(),
  landM2: z.number(),
  collectives: z.number(),
  individuals: z.number(),
  persons: z.array(z.string()),
  matters: z.number(),
  responsibleUnit: z.string(),
  dueOn: nullableDate,
  concludedOn: nullableDate,
  recovered: z.number(),
  landRecovered: z.number(),
  outstanding: z.number(),
  outstandingText: z.string(),
  doneOn: nullableDate,
  closedOn: nullableDate,
  closedReason: nullableText,
  urged: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number(),
});

/** The procedure's facts (domain InspectionFacts), every key declared. */
export const inspectionFactsView = z.object({
  state: z.string(),
  decidedOn: nullableDate,
  decisionNumber: nullableText,
  planApprovedOn: nullableDate,
  announcedOn: nullableDate,
  extensions: z.array(
    z.object({ on: z.string(), ground: z.string(), note: nullableText, number: z.string().optional() }),
  ),
  suspensions: z.array(z.object({ from: z.string(), to: nullableDate, reason: z.string() })),
  onsiteEndedOn: nullableDate,
  reportedOn: nullableDate,
  draftAssignedOn: nullableDate,
  draftReceivedOn: nullableDate,
  reservations: z.array(z.object({ name: z.string(), text: z.string() })),
  appraisedOn: nullableDate,
  appraisalNote: nullableText,
  signedOn: nullableDate,
  conclusionNumber: nullableText,
  publishedOn: nullableDate,
  publicationForm: nullableText,
  directiveOn: nullableDate,
  directiveNumber: nullableText,
  awaiting: z
    .object({
      action: z.string(),
      documentId: z.string(),
      draftedOn: z.string(),
      ground: z.string().optional(),
      note: nullableText.optional(),
    })
    .nullable()
    .optional(),
  decisionSigner: nullableText.optional(),
  conclusionSigner: nullableText.optional(),
  publicationNumber: nullableText.optional(),
});

export const inspectionOverlapCheck = z.object({
  overlaps: z.array(inspectionOverlapView),
  /** An ad hoc decision over these subjects must record a clear sign of violation. */
  needsViolationSign: z.boolean(),
});

export const inspectionDetail = z.object({
  id: z.string(),
  code: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  trigger: nullableText,
  triggerLabel: nullableText,
  triggerCaseId: nullableText,
  triggerCaseCode: nullableText,
  triggerNote: nullableText,
  reinspectsId: nullableText,
  reinspectsCode: nullableText,
  reinspectionGround: nullableText,
  reinspectionGroundLabel: nullableText,
  planItemId: nullableText,
  online: z.boolean(),
  title: z.string(),
  content: z.string(),
  contentField: nullableText,
  periodCovered: nullableText,
  violationSign: nullableText,
  bodyLevel: z.string(),
  bodyLevelLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  decisionNumber: nullableText,
  decidedOn: nullableDate,
  signedOn: nullableDate,
  conclusionNumber: nullableText,
  dueOn: nullableDate,
  /** A paper drafted for a leader's signature that holds the record ("Chờ lãnh đạo ký …"). */
  awaiting: z
    .object({
      action: z.string(),
      label: z.string(),
      documentId: z.string(),
      status: z.string(),
      signerName: nullableText,
      returnedNote: nullableText,
    })
    .nullable(),
  facts: inspectionFactsView,
  subjects: z.array(inspectionSubjectRef),
  team: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      roleLabel: z.string(),
      conflictDeclared: z.boolean(),
      conflictNote: nullableText,
    }),
  ),
  steps: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      actor: z.string(),
      actorLabel: z.string(),
      basis: z.string(),
      doneOn: nullableDate,
      allowed: z.boolean(),
    }),
  ),
  dues: z.array(
    z.object({
      step: z.string(),
      label: z.string(),
      ruleTitle: z.string(),
      basis: z.string(),
      due: z.string(),
      open: z.boolean(),
      overdue: z.boolean(),
      configured: z.boolean(),
      metOn: nullableDate,
      explanation: z.array(z.string()),
    }),
  ),
  overlaps: z.array(inspectionOverlapView),
  violations: z.array(violationView),
  sanctions: z.array(sanctionView),
  pendingSanctions: z.array(pendingSanctionView),
  recommendations: z.array(recommendationView),
  totals: z.object({
    violationMoney: z.number(),
    violationLandM2: z.number(),
    recommendedMoney: z.number(),
    recovered: z.number(),
    outstanding: z.number(),
    fines: z.number(),
    text: z.object({
      violationMoney: z.string(),
      recommendedMoney: z.string(),
      recovered: z.string(),
      fines: z.string(),
    }),
  }),
  events: z.array(
    z.object({
      at: z.string(),
      actorName: nullableText,
      action: z.string(),
      actionLabel: z.string(),
      fromState: nullableText,
      toState: nullableText,
      data: z.record(z.string(), z.json()),
      documentId: nullableText,
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      formCode: z.string(),
      title: z.string(),
      status: z.string(),
      symbol: nullableText,
      issuedOn: nullableDate,
    }),
  ),
  me: z.object({
    decider: z.boolean(),
    teamLeader: z.boolean(),
    member: z.boolean(),
    inspector: z.boolean(),
    mayEditFindings: z.boolean(),
  }),
  allowedActions: z.array(z.object({ action: z.string(), label: z.string() })),
  /** Typed from a denunciation case's file: masked for those who may not see the denouncer. */
  identity: z.object({ protected: z.boolean(), canView: z.boolean() }),
  version: z.number(),
});

export const followUpListItem = recommendationView.extend({
  inspectionCode: z.string(),
  inspectionTitle: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  conclusionNumber: nullableText,
  overdue: z.boolean(),
});

export const followUpDetail = followUpListItem.extend({
  recoveries: z.array(
    z.object({
      id: z.string(),
      recoveredOn: z.string(),
      amount: z.number(),
      amountText: z.string(),
      landM2: z.number(),
      note: nullableText,
      evidence: nullableText,
      createdBy: nullableText,
      /** Its evidence files (attachments): download through /attachments/:id/download. */
      files: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      onDate: z.string(),
      note: nullableText,
      documentId: nullableText,
    }),
  ),
  mayWrite: z.boolean(),
});

export const followUpSummary = z.object({
  from: z.string(),
  to: z.string(),
  /** Recommended in conclusions signed in the period. */
  recommended: z.number(),
  /** Recovered in the period from those conclusions. */
  recoveredFromPeriod: z.number(),
  /** Recovered in the period from conclusions signed in earlier years. */
  recoveredFromEarlierYears: z.number(),
  /** All recovered in the period. */
  recoveredInPeriod: z.number(),
  /** Still to recover at the end of the period (all conclusions up to then). */
  outstandingAtEnd: z.number(),
  text: z.object({
    recommended: z.string(),
    recoveredFromPeriod: z.string(),
    recoveredFromEarlierYears: z.string(),
    recoveredInPeriod: z.string(),
    outstandingAtEnd: z.string(),
  }),
});

// ---- Documents (NĐ 30/2020 layout; server modules/documents/templates-inspections.ts) -------------

const docText = (max: number) => z.string().trim().min(1).max(max);
const docPerson = z.strictObject({
  honorific: z.enum(["Ông", "Bà"]).optional(),
  name: docText(120),
  /** "Thanh tra viên chính, Thanh tra tỉnh". */
  position: docText(300),
});
const docCommon = {
  recipients: z.array(docText(200)).min(1).max(30).optional(),
  signer: documentSigner.optional(),
};

/**
 * TTr-QĐ — Quyết định thanh tra (kiểm tra). deciderTitle ("Chánh Thanh tra tỉnh"), kind
 * (the kind's label), ground (what it rests on: plan, sign of violation, assignment, case,
 * re-inspection ground), subjects, content, periodCovered?, durationDays (on-site, configured),
 * online, team (leader first), supervisor?.
 */
export const inspectionDecisionFields = z.strictObject({
  deciderTitle: docText(200),
  activity: z.enum(["inspection", "check"]).default("inspection"),
  title: docText(500),
  ground: docText(2000).optional(),
  subjects: z.array(docText(300)).min(1).max(200),
  content: docText(8000),
  periodCovered: docText(200).optional(),
  durationDays: z.number().int().min(1).max(365),
  online: z.boolean().default(false),
  leader: docPerson,
  members: z.array(docPerson).max(50).default([]),
  supervisor: docPerson.optional(),
  ...docCommon,
});

/**
 * TTr-KL — Kết luận thanh tra. deciderTitle, decision (number and date of the decision),
 * title, subjects, periodCovered?, onsite (from, to), findings per subject (violations with
 * money in đồng and land in m²), sanctions, recommendations (type label, text, amount, land,
 * responsible unit, due date), reservations? (members' reservations noted).
 */
export const inspectionConclusionFields = z.strictObject({
  deciderTitle: docText(200),
  title: docText(500),
  decision: z.strictObject({ number: docText(60), date: isoDate }),
  subjects: z.array(docText(300)).min(1).max(200),
  periodCovered: docText(200).optional(),
  onsiteFrom: isoDate.optional(),
  onsiteTo: isoDate.optional(),
  reportDate: isoDate.optional(),
  violations: z
    .array(
      z.strictObject({
        subject: docText(300),
        kind: docText(200),
        text: docText(8000),
        moneyVnd: z.number().int().min(0).max(1e15).default(0),
        landM2: z.number().min(0).max(1e10).default(0),
      }),
    )
    .max(200)
    .default([]),
  sanctions: z
    .array(
      z.strictObject({
        number: docText(60),
        date: isoDate,
        target: docText(300),
        fineVnd: z.number().int().min(0).max(1e15),
        measures: docText(2000).optional(),
      }),
    )
    .max(100)
    .default([]),
  recommendations: z
    .array(
      z.strictObject({
        type: docText(200),
        text: docText(8000),
        amountVnd: z.number().int().min(0).max(1e15).default(0),
        landM2: z.number().min(0).max(1e10).default(0),
        unit: docText(300),
        dueOn: isoDate.optional(),
      }),
    )
    .max(200)
    .default([]),
  reservations: z
    .array(z.strictObject({ name: docText(200), text: docText(4000) }))
    .max(50)
    .default([]),
  ...docCommon,
});

/**
 * TTr-DD — Văn bản đôn đốc thực hiện kiến nghị. to (the responsible unit), conclusion (number,
 * date, title), recommendation text, amount, recovered, outstanding (đồng), dueOn?, urgeCount,
 * reportBy? (the date to report back).
 */
export const inspectionUrgingFields = z.strictObject({
  to: docText(300),
  conclusion: z.strictObject({ number: docText(60), date: isoDate, title: docText(500) }),
  recommendation: docText(8000),
  amountVnd: z.number().int().min(0).max(1e15).default(0),
  recoveredVnd: z.number().int().min(0).max(1e15).default(0),
  dueOn: isoDate.optional(),
  urgeCount: z.number().int().min(1).max(100).default(1),
  reportBy: isoDate.optional(),
  ...docCommon,
});

/** The decision an announcement, an extension or a publication refers to. */
const docDecisionRef = z.strictObject({ number: docText(60), date: isoDate, title: docText(500) });

/**
 * TTr-BBCB — Biên bản công bố quyết định thanh tra (kiểm tra): when and where the team announced
 * the decision to the inspected party, who attended on both sides, what the team asked of the
 * party (reports, records) and the party's views. Signed by the party's representative and the
 * team leader, not in the head's name.
 */
export const inspectionAnnouncementFields = z.strictObject({
  activity: z.enum(["inspection", "check"]).default("inspection"),
  deciderTitle: docText(200),
  decision: docDecisionRef,
  heldOn: isoDate,
  /** "08:00". */
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  place: docText(300),
  leader: docPerson,
  members: z.array(docPerson).max(50).default([]),
  subject: docText(300),
  representatives: z.array(docPerson).min(1).max(20),
  others: z.array(docPerson).max(20).default([]),
  requests: z.array(docText(2000)).max(30).default([]),
  opinions: docText(4000).optional(),
  copies: z.number().int().min(1).max(20).default(2),
  ...docCommon,
});

/**
 * TTr-GH — Quyết định gia hạn thời hạn thanh tra (kiểm tra): the decision extended, the days
 * first set and added, the new end of the on-site work, and the ground of the extension.
 */
export const inspectionExtensionFields = z.strictObject({
  activity: z.enum(["inspection", "check"]).default("inspection"),
  deciderTitle: docText(200),
  decision: docDecisionRef,
  subjects: z.array(docText(300)).min(1).max(200),
  originalDays: z.number().int().min(1).max(365),
  extensionDays: z.number().int().min(1).max(365),
  announcedOn: isoDate.optional(),
  newEndOn: isoDate.optional(),
  ground: docText(2000),
  proposal: docText(300).optional(),
  ...docCommon,
});

/**
 * TTr-CD — Văn bản chỉ đạo thực hiện kết luận thanh tra: the head of the agency directs the
 * inspected parties and the units responsible to carry out the conclusion (number, date, title),
 * recommendation by recommendation with its unit and due date, and to report back by a date.
 */
export const inspectionDirectiveFields = z.strictObject({
  activity: z.enum(["inspection", "check"]).default("inspection"),
  conclusion: docDecisionRef,
  to: z.array(docText(300)).min(1).max(50),
  recommendations: z
    .array(z.strictObject({ text: docText(8000), unit: docText(300), dueOn: isoDate.optional() }))
    .max(200),
  reportBy: isoDate.optional(),
  ...docCommon,
});

/**
 * TTr-TBCK — Thông báo công khai kết luận thanh tra: the conclusion (number, date, title), its
 * main content as published (business secrets and personal data already masked), where and from
 * when to when it is published (at least 15 consecutive days on the portal) and the other forms.
 */
export const inspectionPublicationFields = z.strictObject({
  conclusion: docDecisionRef,
  subjects: z.array(docText(300)).min(1).max(200),
  summary: z.array(docText(4000)).min(1).max(50),
  portal: docText(300),
  publishFrom: isoDate,
  publishTo: isoDate,
  otherForms: z.array(docText(500)).max(10).default([]),
  ...docCommon,
});

/**
 * TTr-XP — Quyết định xử phạt vi phạm hành chính made by an inspection (the head of the inspection
 * body or the team leader within their competence): the record of the violation, the violator
 * (organisation or individual), the acts and the rules breached, the fine in đồng, additional and
 * remedial measures, where and within how many days to pay.
 */
export const inspectionSanctionFields = z.strictObject({
  deciderTitle: docText(200),
  /** The sector decree of sanctions ("Nghị định số 99/2020/NĐ-CP …"), as a "Căn cứ" line. */
  sanctionDecree: docText(500),
  record: z.strictObject({ number: docText(60), date: isoDate }),
  violator: z.strictObject({
    kind: z.enum(["organisation", "individual"]),
    name: docText(300),
    taxCode: docText(20).optional(),
    address: docText(500).optional(),
    representative: docPerson.optional(),
    idNumber: docText(20).optional(),
  }),
  violations: z
    .array(z.strictObject({ text: docText(2000), rule: docText(500) }))
    .min(1)
    .max(20),
  fineVnd: z.number().int().min(0).max(1e13),
  additionalMeasures: z.array(docText(1000)).max(10).default([]),
  remedialMeasures: z.array(docText(1000)).max(10).default([]),
  payWithinDays: z.number().int().min(1).max(60).default(10),
  payAt: docText(300),
  ...docCommon,
});

// ---- The home page's cards ------------------------------------------------------------------------

export const inspectionDashboardQuery = z.object({
  days: z.coerce
    .number({ error: "Số ngày phải là số nguyên từ 1 đến 90." })
    .int({ error: "Số ngày phải là số nguyên từ 1 đến 90." })
    .min(1, { error: "Số ngày phải là số nguyên từ 1 đến 90." })
    .max(90, { error: "Số ngày phải là số nguyên từ 1 đến 90." })
    .default(30),
});

/**
 * For inspectors and leaders, in their inspection.read scope: inspections decided and not yet
 * concluded, those whose conclusion (assignment, draft, signature) is past its due date, and the
 * recommendations still open that are overdue or due within `dueWithinDays`.
 */
export const inspectionDashboard = z.object({
  inProgress: z.number().int(),
  overdueConclusions: z.number().int(),
  recommendationsOverdue: z.number().int(),
  recommendationsDueSoon: z.number().int(),
  dueWithinDays: z.number().int(),
});
