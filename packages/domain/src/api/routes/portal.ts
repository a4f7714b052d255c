/**
 * The back office's side of the public portal (issue 20): a petition filed online, what the
 * sender said it is, and the messages exchanged with them ("Trao đổi với người gửi"). The
 * citizen's side is the portal's own server-rendered pages (/cong-dan), not this API.
 */
import { defineRoutes } from "../contract.ts";
import { isoDate, uuid } from "../common.ts";
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
});
