/**
 * Routes of the follow-up of petitions (retention, destruction by decision, Excel export of the
 * list) and of the field catalogue administration. Registered by petitionRoutes.
 */
import { apiError } from "@minhbach/domain/api/common";
import {
  createPetitionFieldBody,
  destroyBatchBody,
  destroyBatchResult,
  petitionFieldView,
  retentionDueItem,
  updatePetitionFieldBody,
} from "@minhbach/domain/api/petition-follow-up";
import { petitionListQuery } from "@minhbach/domain/api/petitions";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { EXPORT_LIMIT, exportPetitions } from "./export.ts";
import { createField, deleteField, listFieldCatalog, updateField } from "./field-catalog.ts";
import { destroyPetitions, listRetentionDue } from "./retention.ts";

const tags = ["Xử lý đơn"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const codeParams = z.object({ code: z.string().trim().min(1).max(60) });

export function petitionFollowUpRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/petitions/retention-due",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary:
          "Đơn đã lưu hết thời hạn lưu 01 năm, chờ quyết định tiêu hủy (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP)",
        response: { 200: z.object({ items: z.array(retentionDueItem) }), ...errors },
      },
    },
    async (request) => ({ items: await listRetentionDue(ctx.db, requireAuth(request)) }),
  );

  app.post(
    "/petitions/destroy",
    {
      config: { permission: "petition.write" },
      schema: {
        tags,
        summary:
          "Tiêu hủy nhiều đơn đã hết thời hạn lưu theo một quyết định: lập dự thảo quyết định, chuyển trạng thái tất cả hoặc không đơn nào",
        body: destroyBatchBody,
        response: { 200: destroyBatchResult, ...errors },
      },
    },
    async (request) => destroyPetitions(ctx.db, requireAuth(request), actorOf(request), request.body),
  );

  app.get(
    "/petitions/export.xlsx",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: `Xuất Excel toàn bộ đơn theo bộ lọc của danh sách (tối đa ${EXPORT_LIMIT.toLocaleString("vi-VN")} dòng)`,
        // The list's own query: paging is ignored, every matching row is exported up to the limit.
        querystring: petitionListQuery,
        response: {
          200: {
            description: "Tệp Excel",
            content: { [XLSX_MIME]: { schema: z.string().meta({ format: "binary" }) } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await exportPetitions(ctx.db, requireAuth(request), actorOf(request), request.query);
      return (
        reply
          .header("content-type", XLSX_MIME)
          .header("content-disposition", attachmentHeader(file.fileName))
          .header("cache-control", "no-store")
          .header("x-total-rows", String(file.rows))
          // A stream is sent as it is, without the JSON serialiser; the schema above documents it.
          .send(file.stream as unknown as string)
      );
    },
  );

  app.get(
    "/petition-fields",
    {
      // petition.read, or agency.manage for the administrators who keep it (checked in the service).
      config: { permission: "session" },
      schema: {
        tags,
        summary: "Danh mục lĩnh vực (cả lĩnh vực đã ngừng sử dụng), số đơn đang dùng",
        response: { 200: z.object({ items: z.array(petitionFieldView) }), ...errors },
      },
    },
    async (request) => ({ items: await listFieldCatalog(ctx.db, requireAuth(request)) }),
  );

  app.post(
    "/petition-fields",
    {
      config: { permission: "agency.manage" },
      schema: {
        tags,
        summary: "Thêm lĩnh vực vào danh mục (quản trị viên)",
        body: createPetitionFieldBody,
        response: { 201: petitionFieldView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createField(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  app.patch(
    "/petition-fields/:code",
    {
      config: { permission: "agency.manage" },
      schema: {
        tags,
        summary: "Sửa tên, nhóm, nhóm báo cáo, thứ tự hoặc ngừng sử dụng một lĩnh vực (mã không đổi)",
        params: codeParams,
        body: updatePetitionFieldBody,
        response: { 200: petitionFieldView, ...errors },
      },
    },
    async (request) => updateField(ctx.db, requireAuth(request), actorOf(request), request.params.code, request.body),
  );

  app.delete(
    "/petition-fields/:code",
    {
      config: { permission: "agency.manage" },
      schema: {
        tags,
        summary: "Xóa lĩnh vực chưa dùng, không có sẵn trong chương trình (lĩnh vực đã dùng chỉ được ngừng sử dụng)",
        params: codeParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteField(ctx.db, requireAuth(request), actorOf(request), request.params.code);
      return reply.code(204).send(null);
    },
  );
}
