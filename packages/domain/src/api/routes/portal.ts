/**
 * The back office's side of the public portal (issue 20): a petition filed online, what the
 * sender said it is, and the messages exchanged with them ("Trao đổi với người gửi"). The
 * citizen's side is the portal's own server-rendered pages (/cong-dan), not this API.
 */
import { defineRoutes } from "../contract.ts";
import { uuid } from "../common.ts";
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
});
