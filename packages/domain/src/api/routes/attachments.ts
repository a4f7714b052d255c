import { attachmentList, attachmentView } from "../attachments.ts";
import { apiError, uuid } from "../common.ts";
import { defineRoutes, fileResponse } from "../contract.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Tệp đính kèm"];
const idParams = z.object({ id: uuid });
const uploaded = { 201: z.object({ items: z.array(attachmentView) }), 413: apiError, 415: apiError, ...errors };

/**
 * The records that hold files: a petition (the letter, its scans) and a case (evidence, plans,
 * minutes). An upload is multipart/form-data, read by the server as a stream: no body schema.
 * Its description (limits from the configuration) is written by the server.
 */
export const ATTACHMENT_ROUTES = defineRoutes({
  "petitions.attachments.upload": {
    method: "POST",
    path: "/petitions/:id/attachments",
    tags,
    summary: "Tải tệp đính kèm lên hồ sơ đơn (multipart/form-data)",
    params: idParams,
    response: uploaded,
  },
  "petitions.attachments.list": {
    method: "GET",
    path: "/petitions/:id/attachments",
    tags,
    summary: "Danh sách tệp đính kèm của đơn, giới hạn tải lên và thao tác được phép",
    params: idParams,
    response: { 200: attachmentList, ...errors },
  },
  "cases.attachments.upload": {
    method: "POST",
    path: "/cases/:id/attachments",
    tags,
    summary: "Tải tệp đính kèm lên hồ sơ vụ việc (multipart/form-data)",
    params: idParams,
    response: uploaded,
  },
  "cases.attachments.list": {
    method: "GET",
    path: "/cases/:id/attachments",
    tags,
    summary: "Danh sách tệp đính kèm của vụ việc, giới hạn tải lên và thao tác được phép",
    params: idParams,
    response: { 200: attachmentList, ...errors },
  },
  "attachments.download": {
    method: "GET",
    path: "/attachments/:id/download",
    tags,
    summary: "Tải xuống tệp đính kèm (kiểm tra quyền theo hồ sơ chứa tệp, ghi nhật ký)",
    params: idParams,
    response: { 200: fileResponse("application/octet-stream", "Nội dung tệp"), ...errors },
  },
  "attachments.delete": {
    method: "DELETE",
    path: "/attachments/:id",
    tags,
    summary: "Xóa tệp đính kèm (khi đơn chưa kết thúc; ghi nhật ký)",
    params: idParams,
    response: { 204: z.null(), ...errors },
  },
});
