import { defineRoutes, fileResponse, XLSX_MIME } from "../contract.ts";
import {
  createPetitionFieldBody,
  destroyBatchBody,
  destroyBatchResult,
  petitionFieldView,
  retentionDueItem,
  updatePetitionFieldBody,
} from "../petition-follow-up.ts";
import { petitionListQuery } from "../petitions.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Xử lý đơn"];
const codeParams = z.object({ code: z.string().trim().min(1).max(60) });

/** Retention and destruction, the Excel export of the list, the field catalogue. */
export const PETITION_FOLLOW_UP_ROUTES = defineRoutes({
  "petitions.retentionDue": {
    method: "GET",
    path: "/petitions/retention-due",
    tags,
    summary: "Đơn đã lưu hết thời hạn lưu 01 năm, chờ quyết định tiêu hủy (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP)",
    response: { 200: z.object({ items: z.array(retentionDueItem) }), ...errors },
  },
  "petitions.destroyBatch": {
    method: "POST",
    path: "/petitions/destroy",
    tags,
    summary:
      "Tiêu hủy nhiều đơn đã hết thời hạn lưu theo một quyết định: lập dự thảo quyết định, chuyển trạng thái tất cả hoặc không đơn nào",
    body: destroyBatchBody,
    response: { 200: destroyBatchResult, ...errors },
  },
  "petitions.export": {
    method: "GET",
    path: "/petitions/export.xlsx",
    tags,
    // The summary names the row limit: the server writes it (EXPORT_LIMIT).
    summary: "Xuất Excel toàn bộ đơn theo bộ lọc của danh sách",
    // The list's own query: paging is ignored, every matching row is exported up to the limit.
    query: petitionListQuery,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  "petitionFields.list": {
    method: "GET",
    path: "/petition-fields",
    tags,
    summary: "Danh mục lĩnh vực (cả lĩnh vực đã ngừng sử dụng), số đơn đang dùng",
    response: { 200: z.object({ items: z.array(petitionFieldView) }), ...errors },
  },
  "petitionFields.create": {
    method: "POST",
    path: "/petition-fields",
    tags,
    summary: "Thêm lĩnh vực vào danh mục (quản trị viên)",
    body: createPetitionFieldBody,
    response: { 201: petitionFieldView, ...errors },
  },
  "petitionFields.update": {
    method: "PATCH",
    path: "/petition-fields/:code",
    tags,
    summary: "Sửa tên, nhóm, nhóm báo cáo, thứ tự hoặc ngừng sử dụng một lĩnh vực (mã không đổi)",
    params: codeParams,
    body: updatePetitionFieldBody,
    response: { 200: petitionFieldView, ...errors },
  },
  "petitionFields.delete": {
    method: "DELETE",
    path: "/petition-fields/:code",
    tags,
    summary: "Xóa lĩnh vực chưa dùng, không có sẵn trong chương trình (lĩnh vực đã dùng chỉ được ngừng sử dụng)",
    params: codeParams,
    response: { 204: z.null(), ...errors },
  },
});
