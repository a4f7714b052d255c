import { auditEvent, auditQuery, auditVerifyResult } from "../audit.ts";
import { pageOf } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import { listErrors as errors } from "./errors.ts";

const tags = ["Nhật ký"];

export const AUDIT_ROUTES = defineRoutes({
  "audit.list": {
    method: "GET",
    path: "/audit",
    tags,
    summary: "Nhật ký hệ thống (lọc, phân trang)",
    query: auditQuery,
    response: { 200: pageOf(auditEvent), ...errors },
  },
  "audit.verify": {
    method: "GET",
    path: "/audit/verify",
    tags,
    summary: "Kiểm tra chuỗi băm của nhật ký (phát hiện sửa, xóa)",
    response: { 200: auditVerifyResult, ...errors },
  },
});
