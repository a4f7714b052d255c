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
} from "../case-views.ts";
import { caseActionBody, caseListQuery, openCaseBody } from "../cases.ts";
import { pageOf, uuid } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";
import {
  enforcementPlanBody,
  enforcementStepBody,
  enforcementUpdateBody,
  enforcementView,
} from "../case-enforcement.ts";

const tags = ["Giải quyết khiếu nại, tố cáo"];
const idParams = z.object({ id: uuid });
const daysQuery = z.object({
  days: z.coerce.number().int().min(0, { error: "Số ngày không được âm." }).max(90).default(7),
});

export const CASE_ROUTES = defineRoutes({
  "cases.open": {
    method: "POST",
    path: "/cases",
    tags,
    summary: "Mở vụ việc giải quyết từ đơn đã đề xuất thụ lý và giao người giải quyết",
    body: openCaseBody,
    response: { 201: caseDetail, ...errors },
  },
  "cases.list": {
    method: "GET",
    path: "/cases",
    tags,
    summary: "Danh sách vụ việc: lọc theo loại, trạng thái, lần giải quyết, quá hạn, sắp đến hạn, người giải quyết",
    query: caseListQuery,
    response: { 200: pageOf(caseListItem), ...errors },
  },
  "cases.dashboard": {
    method: "GET",
    path: "/cases/dashboard",
    tags,
    summary: "Bảng điều hành của lãnh đạo: quá hạn, sắp đến hạn, theo người giải quyết, chờ ký",
    query: daysQuery,
    response: { 200: caseDashboardView, ...errors },
  },
  "cases.reminders": {
    method: "GET",
    path: "/cases/reminders",
    tags,
    summary: "Nhắc hạn: vụ việc được giao cho tôi sắp đến hạn hoặc đã quá hạn",
    query: daysQuery,
    response: { 200: z.object({ items: z.array(caseReminder) }), ...errors },
  },
  "cases.get": {
    method: "GET",
    path: "/cases/:id",
    tags,
    summary: "Chi tiết vụ việc: diễn biến, văn bản, thời hạn và cách tính, người giải quyết, thao tác được phép",
    params: idParams,
    response: { 200: caseDetail, ...errors },
  },
  "cases.action": {
    method: "POST",
    path: "/cases/:id/actions",
    tags,
    summary: "Thực hiện một bước giải quyết (chỉ người được giao); kèm số phiên bản để phát hiện sửa đồng thời",
    params: idParams,
    body: caseActionBody,
    response: { 200: caseDetail, ...errors },
  },
  "cases.assignments": {
    method: "PUT",
    path: "/cases/:id/assignments",
    tags,
    summary: "Giao (thay đổi) người chủ trì và thành viên giải quyết vụ việc",
    params: idParams,
    body: assignmentBody,
    response: { 200: caseDetail, ...errors },
  },
  "cases.identity": {
    method: "GET",
    path: "/cases/:id/identity",
    tags,
    summary: "Xem danh tính người tố cáo (chỉ người được giao hoặc được phê duyệt); mọi lần xem được ghi nhật ký",
    params: idParams,
    response: { 200: identityReveal, ...errors },
  },
  "cases.identityRequests.create": {
    method: "POST",
    path: "/cases/:id/identity-requests",
    tags,
    summary: "Đề nghị lãnh đạo cho xem danh tính người tố cáo của vụ việc",
    params: idParams,
    body: identityRequestBody,
    response: { 201: z.object({ id: z.string(), status: z.literal("pending") }), ...errors },
  },
  "identityRequests.list": {
    method: "GET",
    path: "/identity-requests",
    tags,
    summary: "Đề nghị xem danh tính người tố cáo chờ phê duyệt (hoặc đã quyết định)",
    query: z.object({ status: z.enum(["pending", "approved", "refused"]).default("pending") }),
    response: { 200: z.object({ items: z.array(identityRequestItem) }), ...errors },
  },
  "identityRequests.decide": {
    method: "POST",
    path: "/identity-requests/:id/decision",
    tags,
    summary: "Phê duyệt hoặc từ chối đề nghị xem danh tính người tố cáo",
    params: idParams,
    body: identityDecisionBody,
    response: {
      200: z.object({ id: z.string(), status: z.enum(["approved", "refused"]), expiresAt: z.string().nullable() }),
      ...errors,
    },
  },
  // enforcement of the decision (issue 19, 05/KQTH)
  "cases.enforcement.get": {
    method: "GET",
    path: "/cases/:id/enforcement",
    tags,
    summary: "Tổ chức thi hành quyết định giải quyết khiếu nại, quyết định xử lý tố cáo của vụ việc",
    params: idParams,
    response: { 200: enforcementView, ...errors },
  },
  "cases.enforcement.create": {
    method: "POST",
    path: "/cases/:id/enforcement",
    tags,
    summary: "Lập hồ sơ tổ chức thi hành: nội dung phải thi hành (tiền, đất, xử lý kỷ luật, chuyển điều tra)",
    params: idParams,
    body: enforcementPlanBody,
    response: { 200: enforcementView, ...errors },
  },
  "cases.enforcement.update": {
    method: "PUT",
    path: "/cases/:id/enforcement",
    tags,
    summary: "Sửa nội dung phải thi hành của quyết định (không nhỏ hơn số đã thực hiện)",
    params: idParams,
    body: enforcementUpdateBody,
    response: { 200: enforcementView, ...errors },
  },
  "cases.enforcement.step": {
    method: "POST",
    path: "/cases/:id/enforcement/steps",
    tags,
    summary: "Ghi một bước thi hành (bắt đầu, một phần, xong) với số tiền, đất đã thu hồi, trả lại",
    params: idParams,
    body: enforcementStepBody,
    response: { 200: enforcementView, ...errors },
  },
});
