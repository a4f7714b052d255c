import { caseActionBody, caseListQuery, openCaseBody } from "@minhbach/domain/api/cases";
import {
  assignmentBody,
  caseDashboardView,
  caseDetail,
  caseListItem,
  caseReminder,
  identityDecisionBody,
  identityRequestBody,
  identityRequestItem,
  identityReveal,
} from "@minhbach/domain/api/case-views";
import { apiError, pageOf, uuid } from "@minhbach/domain/api/common";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { revealCaseWriters } from "../identity/access.ts";
import { decideIdentityRequest, listIdentityRequests, requestIdentity } from "../identity/requests.ts";
import {
  applyCaseAction,
  caseDashboard,
  getCase,
  listCases,
  myReminders,
  openCase,
  setAssignments,
} from "./service.ts";

const tags = ["Giải quyết khiếu nại, tố cáo"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });
const daysQuery = z.object({
  days: z.coerce.number().int().min(0, { error: "Số ngày không được âm." }).max(90).default(7),
});

export function caseRoutes(app: Api, ctx: AppContext): void {
  app.post(
    "/cases",
    {
      // Opening needs case.assign (a leader) or case.write (a resolver taking the case): the
      // service checks which, on the petition's agency.
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Mở vụ việc giải quyết từ đơn đã đề xuất thụ lý và giao người giải quyết",
        body: openCaseBody,
        response: { 201: caseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const created = await openCase(ctx.db, requireAuth(request), actorOf(request), request.body);
      return reply.code(201).send(created as z.infer<typeof caseDetail>);
    },
  );

  app.get(
    "/cases",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Danh sách vụ việc: lọc theo loại, trạng thái, lần giải quyết, quá hạn, sắp đến hạn, người giải quyết",
        querystring: caseListQuery,
        response: { 200: pageOf(caseListItem), ...errors },
      },
    },
    async (request) => listCases(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/cases/dashboard",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Bảng điều hành của lãnh đạo: quá hạn, sắp đến hạn, theo người giải quyết, chờ ký",
        querystring: daysQuery,
        response: { 200: caseDashboardView, ...errors },
      },
    },
    async (request) => caseDashboard(ctx.db, requireAuth(request), request.query.days),
  );

  app.get(
    "/cases/reminders",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Nhắc hạn: vụ việc được giao cho tôi sắp đến hạn hoặc đã quá hạn",
        querystring: daysQuery,
        response: { 200: z.object({ items: z.array(caseReminder) }), ...errors },
      },
    },
    async (request) => ({ items: await myReminders(ctx.db, requireAuth(request), request.query.days) }),
  );

  app.get(
    "/cases/:id",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Chi tiết vụ việc: diễn biến, văn bản, thời hạn và cách tính, người giải quyết, thao tác được phép",
        params: idParams,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) => (await getCase(ctx.db, requireAuth(request), request.params.id)) as z.infer<typeof caseDetail>,
  );

  app.post(
    "/cases/:id/actions",
    {
      config: { permission: "case.write" },
      schema: {
        tags,
        summary: "Thực hiện một bước giải quyết (chỉ người được giao); kèm số phiên bản để phát hiện sửa đồng thời",
        params: idParams,
        body: caseActionBody,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) =>
      (await applyCaseAction(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as z.infer<typeof caseDetail>,
  );

  app.put(
    "/cases/:id/assignments",
    {
      config: { permission: "case.assign" },
      schema: {
        tags,
        summary: "Giao (thay đổi) người chủ trì và thành viên giải quyết vụ việc",
        params: idParams,
        body: assignmentBody,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) =>
      (await setAssignments(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as z.infer<typeof caseDetail>,
  );

  app.get(
    "/cases/:id/identity",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Xem danh tính người tố cáo (chỉ người được giao hoặc được phê duyệt); mọi lần xem được ghi nhật ký",
        params: idParams,
        response: { 200: identityReveal, ...errors },
      },
    },
    async (request, reply) => {
      const result = await revealCaseWriters(ctx.db, requireAuth(request), actorOf(request), request.params.id);
      void reply.header("cache-control", "no-store");
      return result as unknown as z.infer<typeof identityReveal>;
    },
  );

  app.post(
    "/cases/:id/identity-requests",
    {
      config: { permission: "case.read" },
      schema: {
        tags,
        summary: "Đề nghị lãnh đạo cho xem danh tính người tố cáo của vụ việc",
        params: idParams,
        body: identityRequestBody,
        response: { 201: z.object({ id: z.string(), status: z.literal("pending") }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await requestIdentity(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body.reason,
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/identity-requests",
    {
      config: { permission: "case.approve_reveal" },
      schema: {
        tags,
        summary: "Đề nghị xem danh tính người tố cáo chờ phê duyệt (hoặc đã quyết định)",
        querystring: z.object({ status: z.enum(["pending", "approved", "refused"]).default("pending") }),
        response: { 200: z.object({ items: z.array(identityRequestItem) }), ...errors },
      },
    },
    async (request) => ({
      items: await listIdentityRequests(ctx.db, requireAuth(request), request.query.status),
    }),
  );

  app.post(
    "/identity-requests/:id/decision",
    {
      config: { permission: "case.approve_reveal" },
      schema: {
        tags,
        summary: "Phê duyệt hoặc từ chối đề nghị xem danh tính người tố cáo",
        params: idParams,
        body: identityDecisionBody,
        response: {
          200: z.object({ id: z.string(), status: z.enum(["approved", "refused"]), expiresAt: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) =>
      decideIdentityRequest(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
}
