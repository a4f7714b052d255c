import { apiError, uuid } from "@minhbach/domain/api/common";
import {
  createDocumentBody,
  documentListQuery,
  documentSummary,
  documentTemplate,
  issueDocumentBody,
  officialDocument,
  updateDocumentBody,
} from "@minhbach/domain/api/documents";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import {
  createDocument,
  DOCX_MIME,
  downloadDocument,
  getDocument,
  issueDocument,
  listDocuments,
  listTemplates,
  updateDraft,
} from "./service.ts";

const tags = ["Văn bản"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });

export function documentRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/documents",
    {
      config: { permission: "document.read" },
      schema: {
        tags,
        summary: "Các văn bản của một hồ sơ (đơn, vụ việc…)",
        querystring: documentListQuery,
        response: { 200: z.object({ items: z.array(documentSummary) }), ...errors },
      },
    },
    async (request) => ({ items: await listDocuments(ctx.db, requireAuth(request), request.query) }),
  );

  app.get(
    "/documents/templates",
    {
      config: { permission: "document.read" },
      schema: {
        tags,
        summary: "Danh mục mẫu văn bản: mã, tên, căn cứ pháp lý, sổ đăng ký, các trường",
        response: { 200: z.object({ items: z.array(documentTemplate) }), ...errors },
      },
    },
    async () => ({ items: listTemplates() }),
  );

  app.post(
    "/documents",
    {
      config: { permission: "document.issue" },
      schema: {
        tags,
        summary: "Lập dự thảo văn bản từ một mẫu",
        body: createDocumentBody,
        response: { 201: officialDocument, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createDocument(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  app.get(
    "/documents/:id",
    {
      config: { permission: "document.read" },
      schema: { tags, summary: "Một văn bản", params: idParams, response: { 200: officialDocument, ...errors } },
    },
    async (request) => getDocument(ctx.db, requireAuth(request), request.params.id),
  );

  app.patch(
    "/documents/:id",
    {
      config: { permission: "document.issue" },
      schema: {
        tags,
        summary: "Sửa dự thảo (kèm version để phát hiện sửa đồng thời)",
        params: idParams,
        body: updateDocumentBody,
        response: { 200: officialDocument, ...errors },
      },
    },
    async (request) => updateDraft(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/documents/:id/issue",
    {
      config: { permission: "document.issue" },
      schema: {
        tags,
        summary: "Ban hành: lấy số trong sổ đăng ký, tạo và lưu tệp văn bản chính thức",
        params: idParams,
        body: issueDocumentBody,
        response: { 200: officialDocument, ...errors },
      },
    },
    async (request) => issueDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    "/documents/:id/file",
    {
      config: { permission: "document.read" },
      schema: {
        tags,
        summary: "Tải tệp .docx (bản đã ban hành, hoặc bản dự thảo)",
        params: idParams,
        response: {
          200: { description: "Tệp Word", content: { [DOCX_MIME]: { schema: z.string().meta({ format: "binary" }) } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await downloadDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id);
      return (
        reply
          .header("content-type", file.contentType)
          .header("content-disposition", file.disposition)
          .header("cache-control", "no-store")
          // A Buffer is sent as it is, without the JSON serialiser; the schema above documents it.
          .send(file.bytes as unknown as string)
      );
    },
  );
}
