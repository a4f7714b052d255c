/**
 * The back office's side of the public portal (issue 20): a petition filed online, what the
 * sender said it is, and the messages exchanged with them ("Trao đổi với người gửi"). The
 * citizen's side is the portal's own server-rendered pages (/cong-dan), not this API.
 */
import { defineRoutes, fileResponse } from "../contract.ts";
import { apiError, isoDate, uuid } from "../common.ts";
import { labelledDate, labelledText, requiredText, version } from "../fields.ts";
import { z } from "../zod-vi.ts";
import { recordErrors } from "./errors.ts";

const tags = ["Cổng thông tin cho công dân"];

export const portalMessage = z.object({
  id: z.string(),
  author: z.enum(["citizen", "officer"]),
  authorName: z.string().nullable(),
  /** Null when the reader may not see a protected writer's words (a denunciation's). */
  text: z.string().nullable(),
  createdAt: z.string(),
});

export const portalThread = z.object({
  /** Filed on the portal: otherwise the petition has no thread and nothing else is set. */
  online: z.boolean(),
  declaredKind: z.string().nullable(),
  declaredKindLabel: z.string().nullable(),
  filedAt: z.string().nullable(),
  /** The reader may read the messages (a protected writer's: only those who may see the identity). */
  canRead: z.boolean(),
  canAsk: z.boolean(),
  messages: z.array(portalMessage),
});
export type PortalThread = z.infer<typeof portalThread>;

export const askCitizenBody = z.strictObject({
  text: z
    .string({ error: "Nhập câu hỏi gửi người gửi đơn." })
    .trim()
    .min(1, { error: "Nhập câu hỏi gửi người gửi đơn." })
    .max(4000, { error: "Câu hỏi chỉ được tối đa 4000 ký tự." }),
});

// ---- Satisfaction survey (issue 20) ----
export const surveyCountsQuery = z.object({
  agencyId: uuid,
  from: isoDate,
  to: isoDate,
});

export const surveyCounts = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  from: z.string(),
  to: z.string(),
  answers: z.number().int(),
  /** Satisfied or very satisfied (the two top levels of the scale). */
  satisfied: z.number().int(),
  verySatisfied: z.number().int(),
  satisfiedPercent: z.number().nullable(),
  verySatisfiedPercent: z.number().nullable(),
  /** Answers per level, "1" (rất không hài lòng) to "5" (rất hài lòng). */
  byLevel: z.object({
    1: z.number().int(),
    2: z.number().int(),
    3: z.number().int(),
    4: z.number().int(),
    5: z.number().int(),
  }),
  /** Of the answers: given by petitioners with a receipt code, and by visitors of the reception. */
  fromPetitioners: z.number().int(),
  fromVisitors: z.number().int(),
});
export type SurveyCountsView = z.infer<typeof surveyCounts>;

/** The comments left with the answers (sealed at rest; phones, e-mails, identity numbers masked). */
export const surveyComments = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      answeredOn: z.string(),
      source: z.enum(["petition", "reception"]),
      rating: z.number().int(),
      comment: z.string(),
    }),
  ),
  /** More comments than shown (the newest 500 are). */
  truncated: z.boolean(),
});
export type SurveyCommentsView = z.infer<typeof surveyComments>;

// ---- Published results (issue 20) ----
export const publicationKind = z.enum(["complaint_decision", "denunciation_conclusion", "inspection_conclusion"]);

export const publicationView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  documentId: z.string(),
  kind: publicationKind,
  kindLabel: z.string(),
  title: z.string(),
  symbol: z.string(),
  issuedOn: z.string(),
  body: z.string(),
  publishedOn: z.string(),
  visibleUntil: z.string(),
  publishedByName: z.string().nullable(),
  /** "shown" on the portal today, "scheduled" (not yet), "expired" (window over), "withdrawn". */
  status: z.enum(["shown", "scheduled", "expired", "withdrawn"]),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type PublicationView = z.infer<typeof publicationView>;

export const publicationProposal = z.object({
  documentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  kind: publicationKind,
  kindLabel: z.string(),
  title: z.string(),
  symbol: z.string(),
  issuedOn: z.string(),
  /** The document's text with the parties' personal data masked: the officer reviews and edits it. */
  body: z.string(),
  publishedOn: z.string(),
  /** The least "visible until" the rule allows (15 consecutive days, the first counted). */
  minVisibleUntil: z.string(),
  basis: z.string(),
  /** The publication now live for this document, if any. */
  live: publicationView.nullable(),
});
export type PublicationProposal = z.infer<typeof publicationProposal>;

export const createPublicationBody = z.strictObject({
  documentId: uuid,
  title: requiredText(500, "Tiêu đề công khai"),
  body: requiredText(200_000, "Nội dung công khai"),
  /** The planned first day (today when left out): today or later, the window counted from it. */
  publishedOn: labelledDate("Ngày bắt đầu công khai").optional(),
  visibleUntil: labelledDate("Công khai đến ngày"),
});

export const withdrawPublicationBody = z.strictObject({
  reason: requiredText(2000, "Lý do rút công khai"),
});

export const publicationListQuery = z.object({
  agencyId: uuid.optional(),
});

// ---- Open data (issue 20) ----
export const openDataQuery = z.object({
  coQuan: labelledText(40, "Mã cơ quan").optional(),
  from: labelledDate("Từ ngày").optional(),
  to: labelledDate("Đến ngày").optional(),
});

export const openDataRow = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  petitionsReceived: z.number().int(),
  petitionsHandled: z.number().int(),
  casesResolved: z.number().int(),
  casesResolvedOnTime: z.number().int(),
});

export const openData = z.object({
  from: z.string(),
  to: z.string(),
  /** The indicators counted, by their codes in the reports catalogue, with their names. */
  indicators: z.array(z.object({ field: z.string(), code: z.string(), name: z.string() })),
  rows: z.array(openDataRow),
});
export type OpenDataView = z.infer<typeof openData>;

const publicErrors = { 400: apiError, 404: apiError, 429: apiError } as const;

// ---- Questions and answers (issue 20) ----
export const faqView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type FaqView = z.infer<typeof faqView>;

export const faqListQuery = z.object({ agencyId: uuid.optional() });

export const createFaqBody = z.strictObject({
  agencyId: uuid,
  question: requiredText(1000, "Câu hỏi"),
  answer: requiredText(10_000, "Câu trả lời"),
  position: z
    .number({ error: "Thứ tự phải là số nguyên." })
    .int({ error: "Thứ tự phải là số nguyên." })
    .min(0, { error: "Thứ tự không được âm." })
    .max(10_000, { error: "Thứ tự tối đa 10000." })
    .optional(),
  published: z.boolean({ error: "Hiển thị trên cổng: chọn có hoặc không." }).optional(),
});

export const updateFaqBody = z.strictObject({
  question: requiredText(1000, "Câu hỏi"),
  answer: requiredText(10_000, "Câu trả lời"),
  position: z
    .number({ error: "Thứ tự phải là số nguyên." })
    .int({ error: "Thứ tự phải là số nguyên." })
    .min(0, { error: "Thứ tự không được âm." })
    .max(10_000, { error: "Thứ tự tối đa 10000." }),
  published: z.boolean({ error: "Hiển thị trên cổng: chọn có hoặc không." }),
  version,
});

export const PORTAL_ROUTES = defineRoutes({
  "petitions.portal.thread": {
    method: "GET",
    path: "/petitions/:id/portal",
    tags,
    summary: "Đơn gửi qua cổng trực tuyến: loại đơn người gửi chọn và trao đổi với người gửi",
    params: z.object({ id: uuid }),
    response: { 200: portalThread, ...recordErrors },
  },
  "petitions.portal.ask": {
    method: "POST",
    path: "/petitions/:id/portal/messages",
    tags,
    summary: "Gửi câu hỏi, đề nghị bổ sung thông tin cho người gửi đơn qua cổng (họ trả lời bằng mã tra cứu)",
    params: z.object({ id: uuid }),
    body: askCitizenBody,
    response: { 201: portalThread, ...recordErrors },
  },
  // satisfaction survey (issue 20)
  "portal.survey.counts": {
    method: "GET",
    path: "/portal/survey/counts",
    tags,
    summary: "Kết quả khảo sát mức độ hài lòng của một cơ quan trong một khoảng thời gian (hài lòng, rất hài lòng)",
    query: surveyCountsQuery,
    response: { 200: surveyCounts, ...recordErrors },
  },
  "portal.survey.comments": {
    method: "GET",
    path: "/portal/survey/comments",
    tags,
    summary:
      "Ý kiến ghi trong phiếu khảo sát mức độ hài lòng của một cơ quan trong một khoảng thời gian (đã che số điện thoại, thư điện tử, số giấy tờ; có ghi nhật ký)",
    query: surveyCountsQuery,
    response: { 200: surveyComments, ...recordErrors },
  },
  // published results (issue 20)
  "portal.publications.list": {
    method: "GET",
    path: "/portal/publications",
    tags,
    summary:
      "Kết quả giải quyết khiếu nại, tố cáo và kết luận thanh tra đã công khai trên cổng (của các cơ quan trong phạm vi)",
    query: publicationListQuery,
    response: { 200: z.array(publicationView), ...recordErrors },
  },
  "portal.publications.proposal": {
    method: "GET",
    path: "/portal/publications/documents/:documentId/proposal",
    tags,
    summary: "Đề xuất nội dung công khai của một văn bản đã ban hành: thông tin cá nhân của các bên đã được che",
    params: z.object({ documentId: uuid }),
    response: { 200: publicationProposal, ...recordErrors },
  },
  "portal.publications.create": {
    method: "POST",
    path: "/portal/publications",
    tags,
    summary: "Công khai kết quả trên cổng sau khi đã rà soát nội dung (ít nhất 15 ngày liên tục)",
    body: createPublicationBody,
    response: { 201: publicationView, ...recordErrors },
  },
  "portal.publications.withdraw": {
    method: "POST",
    path: "/portal/publications/:id/withdraw",
    tags,
    summary: "Rút kết quả khỏi cổng, có lý do",
    params: z.object({ id: uuid }),
    body: withdrawPublicationBody,
    response: { 200: publicationView, ...recordErrors },
  },
  // open data (issue 20)
  "public.openData.statistics": {
    method: "GET",
    path: "/public/open-data/petitions",
    tags,
    summary:
      "Dữ liệu mở: số đơn tiếp nhận, đã giải quyết, giải quyết đúng hạn theo cơ quan và kỳ (không có dữ liệu từng đơn)",
    query: openDataQuery,
    response: { 200: openData, ...publicErrors },
  },
  "public.openData.statistics.csv": {
    method: "GET",
    path: "/public/open-data/petitions.csv",
    tags,
    summary: "Dữ liệu mở về đơn theo cơ quan và kỳ, định dạng CSV (UTF-8)",
    query: openDataQuery,
    response: { 200: fileResponse("text/csv", "Số liệu đơn theo cơ quan", { text: true }), ...publicErrors },
  },
  // questions and answers (issue 20)
  "portal.faq.list": {
    method: "GET",
    path: "/portal/faq",
    tags,
    summary: "Câu hỏi thường gặp của các cơ quan trong phạm vi (kể cả câu đang ẩn)",
    query: faqListQuery,
    response: { 200: z.array(faqView), ...recordErrors },
  },
  "portal.faq.create": {
    method: "POST",
    path: "/portal/faq",
    tags,
    summary: "Thêm câu hỏi thường gặp và câu trả lời của một cơ quan",
    body: createFaqBody,
    response: { 201: faqView, ...recordErrors },
  },
  "portal.faq.update": {
    method: "PUT",
    path: "/portal/faq/:id",
    tags,
    summary: "Sửa, ẩn hoặc hiện một câu hỏi thường gặp",
    params: z.object({ id: uuid }),
    body: updateFaqBody,
    response: { 200: faqView, ...recordErrors },
  },
});
