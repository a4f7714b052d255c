import fastifyMultipart from "@fastify/multipart";
import { apiError, uuid } from "@minhbach/domain/api/common";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { fail } from "../../platform/errors.ts";
import type { Api } from "../../platform/http.ts";
import {
  deleteAttachment,
  listAttachments,
  MAX_FILES,
  openDownload,
  uploadAttachments,
  type AttachmentDeps,
  type UploadPart,
} from "./service.ts";
import { LocalFileStorage, type FileStorage, type KeyProvider } from "./storage.ts";

const tags = ["Tệp đính kèm"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });

const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  encrypted: z.boolean(),
  actions: z.array(z.enum(["download", "delete"])),
});

export interface AttachmentOptions {
  /** Another store (S3 later); default: the local folder `config.storageDir`. */
  storage?: FileStorage;
  /**
   * Keys for encrypting new files (AES-256-GCM), e.g. the vault's key ring. Without it files
   * are stored as they are.
   */
  keys?: KeyProvider;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266, RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "tep-dinh-kem";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function attachmentRoutes(app: Api, ctx: AppContext, options: AttachmentOptions = {}): void {
  const deps: AttachmentDeps = {
    db: ctx.db,
    storage: options.storage ?? new LocalFileStorage(ctx.config.storageDir, options.keys ?? null),
    maxUploadBytes: ctx.config.maxUploadBytes,
    encrypt: options.keys !== undefined,
  };

  // Multipart parsing only for these routes; files are streamed, never buffered whole.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: {
        // One byte over the limit is enough for the inspector to refuse the file.
        fileSize: deps.maxUploadBytes + 1,
        files: MAX_FILES,
        fields: 10,
        fieldSize: 8 * 1024,
        parts: MAX_FILES + 10,
      },
    });
    const api = scope.withTypeProvider<ZodTypeProvider>() as unknown as Api;

    // The records that hold files: a petition (the letter, its scans) and a case (evidence,
    // plans, minutes). The service checks the owner's agency scope — and, for a case, that the
    // uploader is assigned to it — every time.
    for (const owner of [
      { path: "petitions", entityType: "petition", read: "petition.read", write: "petition.write", name: "đơn" },
      { path: "cases", entityType: "case", read: "case.read", write: "case.write", name: "vụ việc" },
    ] as const) {
      api.post(
        `/${owner.path}/:id/attachments`,
        {
          config: { permission: owner.write },
          schema: {
            tags,
            summary: `Tải tệp đính kèm lên hồ sơ ${owner.name} (multipart/form-data)`,
            description: `Trường "files": một hoặc nhiều tệp (tối đa ${MAX_FILES} tệp, mỗi tệp tối đa ${Math.round(deps.maxUploadBytes / 1048576)} MB); trường "description" (không bắt buộc): mô tả chung. Loại tệp được xác định theo nội dung: PDF, ảnh JPEG/PNG/TIFF, Word, Excel, văn bản thuần, âm thanh MP3/M4A, video MP4. Tất cả hoặc không: một tệp bị từ chối thì không tệp nào được lưu.`,
            params: idParams,
            response: { 201: z.object({ items: z.array(attachmentView) }), 413: apiError, 415: apiError, ...errors },
          },
        },
        async (request, reply) => {
          const auth = requireAuth(request);
          if (!request.isMultipart())
            fail("UNSUPPORTED_MEDIA_TYPE", "body", "Gửi tệp đính kèm dưới dạng multipart/form-data.");
          const items = await uploadAttachments(
            deps,
            auth,
            actorOf(request),
            { entityType: owner.entityType, entityId: request.params.id },
            request.parts() as AsyncIterable<UploadPart>,
          );
          return reply.code(201).send({ items });
        },
      );

      api.get(
        `/${owner.path}/:id/attachments`,
        {
          config: { permission: owner.read },
          schema: {
            tags,
            summary: `Danh sách tệp đính kèm của ${owner.name}, giới hạn tải lên và thao tác được phép`,
            params: idParams,
            response: {
              200: z.object({
                items: z.array(attachmentView),
                canUpload: z.boolean(),
                maxUploadBytes: z.number(),
                maxFiles: z.number(),
                accept: z.array(z.string()),
              }),
              ...errors,
            },
          },
        },
        async (request) =>
          listAttachments(deps, requireAuth(request), { entityType: owner.entityType, entityId: request.params.id }),
      );
    }

    api.get(
      "/attachments/:id/download",
      {
        // The permission depends on the record holding the file; the service checks it.
        config: { permission: "session" },
        schema: {
          tags,
          summary: "Tải xuống tệp đính kèm (kiểm tra quyền theo hồ sơ chứa tệp, ghi nhật ký)",
          params: idParams,
          response: {
            200: {
              description: "Nội dung tệp",
              content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
            },
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const file = await openDownload(deps, requireAuth(request), actorOf(request), request.params.id);
        file.stream.on("error", (error) => request.log.error({ err: error }, "attachment stream failed"));
        return (
          reply
            .header("content-type", file.mimeType)
            .header("content-length", String(file.size))
            .header("content-disposition", contentDisposition(file.fileName))
            .header("x-content-type-options", "nosniff")
            .header("content-security-policy", "default-src 'none'; sandbox")
            .header("cache-control", "private, no-store")
            // A stream is sent as it is, without the JSON serialiser; the schema above documents it.
            .send(file.stream as unknown as string)
        );
      },
    );

    api.delete(
      "/attachments/:id",
      {
        config: { permission: "session" },
        schema: {
          tags,
          summary: "Xóa tệp đính kèm (khi đơn chưa kết thúc; ghi nhật ký)",
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const result = await deleteAttachment(deps, requireAuth(request), actorOf(request), request.params.id);
        if (!result.fileRemoved) request.log.warn({ attachment: request.params.id }, "attachment file not removed");
        return reply.code(204).send(null);
      },
    );
  });
}
