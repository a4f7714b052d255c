/**
 * Public consultation on an agency's draft regulations (issue 20, Consul's legislation module):
 * the back office's side — the consultation and its phases, the draft's versions, moderation of
 * the comments citizens post on the portal, and the handling summary. The citizen's side is the
 * portal's server-rendered pages (/cong-dan/du-thao), not this API.
 */
import { PHASES } from "../../consultations/phases.ts";
import { COMMENT_STATUSES, RESPONSE_OUTCOMES } from "../../consultations/comment.ts";
import { defineRoutes } from "../contract.ts";
import { uuid } from "../common.ts";
import { labelledDate, labelledText, requiredText } from "../fields.ts";
import { blankable, choiceOf, z } from "../zod-vi.ts";
import { listErrors, recordErrors } from "./errors.ts";

const tags = ["Lấy ý kiến dự thảo văn bản"];

const DRAFT_MAX = 200_000;

const phaseDates = {
  opensOn: labelledDate("Ngày bắt đầu lấy ý kiến"),
  closesOn: labelledDate("Ngày kết thúc lấy ý kiến"),
  summaryDueOn: blankable(labelledDate("Ngày dự kiến công bố kết quả tiếp thu").nullable().optional()),
};

export const createConsultationBody = z.strictObject({
  agencyId: uuid,
  title: requiredText(500, "Tên dự thảo"),
  field: blankable(labelledText(200, "Lĩnh vực").nullable().optional()),
  ...phaseDates,
  text: requiredText(DRAFT_MAX, "Toàn văn dự thảo"),
});

export const updateConsultationBody = z.strictObject({
  title: requiredText(500, "Tên dự thảo"),
  field: blankable(labelledText(200, "Lĩnh vực").nullable().optional()),
  ...phaseDates,
});

export const addVersionBody = z.strictObject({
  text: requiredText(DRAFT_MAX, "Toàn văn dự thảo"),
  note: blankable(labelledText(1000, "Ghi chú phiên bản").nullable().optional()),
});

export const moderateCommentBody = z.strictObject({
  decision: choiceOf(["publish", "hide"], "quyết định duyệt"),
  reason: blankable(labelledText(1000, "Lý do").nullable().optional()),
});

export const addResponseBody = z.strictObject({
  commentIds: z
    .array(uuid, { error: "Góp ý được trả lời: chọn ít nhất một góp ý." })
    .min(1, { error: "Góp ý được trả lời: chọn ít nhất một góp ý." })
    .max(500),
  outcome: choiceOf(RESPONSE_OUTCOMES, "kết quả tiếp thu"),
  explanation: requiredText(8000, "Nội dung tiếp thu, giải trình"),
});

export const consultationListQuery = z.object({
  phase: blankable(choiceOf(PHASES, "giai đoạn").optional()),
});

const passage = z.object({ anchor: z.string(), label: z.string(), kind: z.string(), text: z.string() });

export const consultationSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  summaryDueOn: z.string().nullable(),
  phase: z.enum(PHASES),
  phaseLabel: z.string(),
  currentVersion: z.number().int(),
  comments: z.number().int(),
  pending: z.number().int(),
});
export type ConsultationSummary = z.infer<typeof consultationSummary>;

export const consultationComment = z.object({
  id: z.string(),
  number: z.number().int(),
  versionNumber: z.number().int(),
  anchor: z.string(),
  passageLabel: z.string().nullable(),
  quote: z.string().nullable(),
  body: z.string(),
  authorName: z.string().nullable(),
  /** Opened for the officers of the agency only; never on the portal. */
  contact: z.string().nullable(),
  status: z.enum(COMMENT_STATUSES),
  moderationReason: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  responseId: z.string().nullable(),
  createdAt: z.string(),
});

export const consultationResponse = z.object({
  id: z.string(),
  outcome: z.enum(RESPONSE_OUTCOMES),
  outcomeLabel: z.string(),
  explanation: z.string(),
  commentNumbers: z.array(z.number().int()),
  createdAt: z.string(),
});

export const consultationView = consultationSummary.extend({
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  summaryPublishedAt: z.string().nullable(),
  versions: z.array(z.object({ number: z.number().int(), note: z.string().nullable(), createdAt: z.string() })),
  text: z.string(),
  passages: z.array(passage),
  commentList: z.array(consultationComment),
  responses: z.array(consultationResponse),
  /** What the reader may do now (the web app hides the other buttons). */
  actions: z.object({
    edit: z.boolean(),
    addVersion: z.boolean(),
    open: z.boolean(),
    close: z.boolean(),
    moderate: z.boolean(),
    respond: z.boolean(),
    publishSummary: z.boolean(),
  }),
});
export type ConsultationView = z.infer<typeof consultationView>;

const idParams = z.object({ id: uuid });

export const CONSULTATION_ROUTES = defineRoutes({
  "consultations.list": {
    method: "GET",
    path: "/consultations",
    tags,
    summary: "Danh sách dự thảo văn bản lấy ý kiến trong phạm vi cơ quan",
    query: consultationListQuery,
    response: { 200: z.object({ items: z.array(consultationSummary) }), ...listErrors },
  },
  "consultations.create": {
    method: "POST",
    path: "/consultations",
    tags,
    summary: "Tạo dự thảo lấy ý kiến (giai đoạn soạn thảo) với phiên bản 1 của toàn văn",
    body: createConsultationBody,
    response: { 201: consultationView, ...recordErrors },
  },
  "consultations.get": {
    method: "GET",
    path: "/consultations/:id",
    tags,
    summary: "Một dự thảo: giai đoạn, phiên bản, góp ý (kể cả chờ duyệt), kết quả tiếp thu",
    params: idParams,
    response: { 200: consultationView, ...recordErrors },
  },
  "consultations.update": {
    method: "PUT",
    path: "/consultations/:id",
    tags,
    summary: "Sửa tên, lĩnh vực và ngày của các giai đoạn (trước khi công bố kết quả)",
    params: idParams,
    body: updateConsultationBody,
    response: { 200: consultationView, ...recordErrors },
  },
  "consultations.versions.add": {
    method: "POST",
    path: "/consultations/:id/versions",
    tags,
    summary: "Đăng phiên bản mới của toàn văn dự thảo (đánh số tiếp theo)",
    params: idParams,
    body: addVersionBody,
    response: { 201: consultationView, ...recordErrors },
  },
  "consultations.open": {
    method: "POST",
    path: "/consultations/:id/open",
    tags,
    summary: "Đăng dự thảo lên cổng để lấy ý kiến (nhận góp ý từ ngày bắt đầu)",
    params: idParams,
    response: { 200: consultationView, ...recordErrors },
  },
  "consultations.close": {
    method: "POST",
    path: "/consultations/:id/close",
    tags,
    summary: "Kết thúc lấy ý kiến (không nhận thêm góp ý)",
    params: idParams,
    response: { 200: consultationView, ...recordErrors },
  },
  "consultations.comments.moderate": {
    method: "POST",
    path: "/consultations/:id/comments/:commentId/moderation",
    tags,
    summary: "Duyệt đăng hoặc ẩn một góp ý (ẩn phải nêu lý do)",
    params: z.object({ id: uuid, commentId: uuid }),
    body: moderateCommentBody,
    response: { 200: consultationView, ...recordErrors },
  },
  "consultations.responses.add": {
    method: "POST",
    path: "/consultations/:id/responses",
    tags,
    summary: "Tiếp thu, giải trình một góp ý hoặc một nhóm góp ý",
    params: idParams,
    body: addResponseBody,
    response: { 201: consultationView, ...recordErrors },
  },
  "consultations.summary.publish": {
    method: "POST",
    path: "/consultations/:id/summary",
    tags,
    summary: "Công bố kết quả tiếp thu, giải trình trên cổng (sau khi kết thúc lấy ý kiến)",
    params: idParams,
    response: { 200: consultationView, ...recordErrors },
  },
});
