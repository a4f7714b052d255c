import fastifyMultipart from "@fastify/multipart";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { fail } from "../../platform/errors.ts";
import { route, type Api } from "../../platform/http.ts";
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
      {
        upload: ROUTES["petitions.attachments.upload"],
        list: ROUTES["petitions.attachments.list"],
        entityType: "petition",
        read: "petition.read",
        write: "petition.write",
      },
      {
        upload: ROUTES["cases.attachments.upload"],
        list: ROUTES["cases.attachments.list"],
        entityType: "case",
        read: "case.read",
        write: "case.write",
      },
      // An inspection's file: minutes of the work, documents gathered, issue 17.
      {
        upload: ROUTES["inspections.attachments.upload"],
        list: ROUTES["inspections.attachments.list"],
        entityType: "inspection",
        read: "inspection.read",
        write: "inspection.write",
      },
      // An inspection's partial recovery: its evidence (receipts, bank slips), issue 17.
      {
        upload: ROUTES["inspectionFollowUp.recoveries.attachments.upload"],
        list: ROUTES["inspectionFollowUp.recoveries.attachments.list"],
        entityType: "inspection_recovery",
        read: "inspection.read",
        write: "inspection.write",
      },
    ] as const) {
      route(
        api,
        owner.upload,
        {
          config: { permission: owner.write },
          description: `Trường "files": một hoặc nhiều tệp (tối đa ${MAX_FILES} tệp, mỗi tệp tối đa ${Math.round(deps.maxUploadBytes / 1048576)} MB); trường "description" (không bắt buộc): mô tả chung. Loại tệp được xác định theo nội dung: PDF, ảnh JPEG/PNG/TIFF, Word, Excel, văn bản thuần, âm thanh MP3/M4A, video MP4. Tất cả hoặc không: một tệp bị từ chối thì không tệp nào được lưu.`,
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

      route(api, owner.list, { config: { permission: owner.read } }, async (request) =>
        listAttachments(deps, requireAuth(request), { entityType: owner.entityType, entityId: request.params.id }),
      );
    }

    // The permission depends on the record holding the file; the service checks it.
    route(api, ROUTES["attachments.download"], { config: { permission: "session" } }, async (request, reply) => {
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
          // A stream is sent as it is, without the JSON serialiser; its table entry marks it a file.
          .send(file.stream)
      );
    });

    route(api, ROUTES["attachments.delete"], { config: { permission: "session" } }, async (request, reply) => {
      const result = await deleteAttachment(deps, requireAuth(request), actorOf(request), request.params.id);
      if (!result.fileRemoved) request.log.warn({ attachment: request.params.id }, "attachment file not removed");
      return reply.code(204).send(null);
    });
  });
}
