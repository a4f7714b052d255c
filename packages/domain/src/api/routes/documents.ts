import { uuid } from "../common.ts";
import { defineRoutes, DOCX_MIME, fileResponse } from "../contract.ts";
import {
  createDocumentBody,
  documentListQuery,
  documentSummary,
  documentTemplate,
  issueDocumentBody,
  officialDocument,
  returnDocumentBody,
  cancelDocumentBody,
  signerCandidate,
  submitDocumentBody,
  updateDocumentBody,
} from "../documents.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Văn bản"];
const idParams = z.object({ id: uuid });

export const DOCUMENT_ROUTES = defineRoutes({
  "documents.list": {
    method: "GET",
    path: "/documents",
    tags,
    summary: "Các văn bản của một hồ sơ (đơn, vụ việc…)",
    query: documentListQuery,
    response: { 200: z.object({ items: z.array(documentSummary) }), ...errors },
  },
  "documents.templates": {
    method: "GET",
    path: "/documents/templates",
    tags,
    summary: "Danh mục mẫu văn bản: mã, tên, căn cứ pháp lý, sổ đăng ký, các trường",
    response: { 200: z.object({ items: z.array(documentTemplate) }), ...errors },
  },
  "documents.create": {
    method: "POST",
    path: "/documents",
    tags,
    summary: "Lập dự thảo văn bản từ một mẫu",
    body: createDocumentBody,
    response: { 201: officialDocument, ...errors },
  },
  "documents.get": {
    method: "GET",
    path: "/documents/:id",
    tags,
    summary: "Một văn bản",
    params: idParams,
    response: { 200: officialDocument, ...errors },
  },
  "documents.update": {
    method: "PATCH",
    path: "/documents/:id",
    tags,
    summary: "Sửa dự thảo (kèm version để phát hiện sửa đồng thời)",
    params: idParams,
    body: updateDocumentBody,
    response: { 200: officialDocument, ...errors },
  },
  "documents.issue": {
    method: "POST",
    path: "/documents/:id/issue",
    tags,
    summary: "Ban hành: lấy số trong sổ đăng ký, tạo và lưu tệp văn bản chính thức",
    params: idParams,
    body: issueDocumentBody,
    response: { 200: officialDocument, ...errors },
  },
  "documents.signers": {
    method: "GET",
    path: "/documents/:id/signers",
    tags,
    summary: "Lãnh đạo cơ quan ban hành có thể ký văn bản (thủ trưởng, cấp phó)",
    params: idParams,
    response: { 200: z.object({ items: z.array(signerCandidate) }), ...errors },
  },
  "documents.submit": {
    method: "POST",
    path: "/documents/:id/submit",
    tags,
    summary: "Trình ký: chọn người ký trong lãnh đạo cơ quan; văn bản không sửa được nữa",
    params: idParams,
    body: submitDocumentBody,
    response: { 200: officialDocument, ...errors },
  },
  "documents.return": {
    method: "POST",
    path: "/documents/:id/return",
    tags,
    summary: "Người ký trả lại văn bản trình ký, kèm lý do",
    params: idParams,
    body: returnDocumentBody,
    response: { 200: officialDocument, ...errors },
  },
  "documents.cancel": {
    method: "POST",
    path: "/documents/:id/cancel",
    tags,
    summary: "Hủy dự thảo không ban hành, kèm lý do (giữ trong hồ sơ, không lấy số)",
    params: idParams,
    body: cancelDocumentBody,
    response: { 200: officialDocument, ...errors },
  },
  "documents.file": {
    method: "GET",
    path: "/documents/:id/file",
    tags,
    summary: "Tải tệp .docx (bản đã ban hành, hoặc bản dự thảo)",
    params: idParams,
    response: { 200: fileResponse(DOCX_MIME, "Tệp Word"), ...errors },
  },
});
