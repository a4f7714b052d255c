/**
 * Routes of the follow-up of petitions (retention, destruction by decision, Excel export of the
 * list) and of the field catalogue administration. Registered by petitionRoutes.
 */
import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { EXPORT_LIMIT, exportPetitions } from "./export.ts";
import { createField, deleteField, listFieldCatalog, updateField } from "./field-catalog.ts";
import { destroyPetitions, listRetentionDue } from "./retention.ts";

export function petitionFollowUpRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["petitions.retentionDue"], { config: { permission: "petition.read" } }, async (request) => ({
    items: await listRetentionDue(ctx.db, requireAuth(request)),
  }));

  route(app, ROUTES["petitions.destroyBatch"], { config: { permission: "petition.write" } }, async (request) =>
    destroyPetitions(ctx.db, requireAuth(request), actorOf(request), request.body),
  );

  route(
    app,
    ROUTES["petitions.export"],
    {
      config: { permission: "petition.read" },
      summary: `Xuất Excel toàn bộ đơn theo bộ lọc của danh sách (tối đa ${EXPORT_LIMIT.toLocaleString("vi-VN")} dòng)`,
    },
    async (request, reply) => {
      const file = await exportPetitions(ctx.db, requireAuth(request), actorOf(request), request.query);
      return (
        reply
          .header("content-type", XLSX_MIME)
          .header("content-disposition", attachmentHeader(file.fileName))
          .header("cache-control", "no-store")
          .header("x-total-rows", String(file.rows))
          // A stream is sent as it is, without the JSON serialiser; the entry marks it a file.
          .send(file.stream)
      );
    },
  );

  route(
    app,
    ROUTES["petitionFields.list"],
    // petition.read, or agency.manage for the administrators who keep it (checked in the service).
    { config: { permission: "session" } },
    async (request) => ({ items: await listFieldCatalog(ctx.db, requireAuth(request)) }),
  );

  route(app, ROUTES["petitionFields.create"], { config: { permission: "agency.manage" } }, async (request, reply) =>
    reply.code(201).send(await createField(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["petitionFields.update"], { config: { permission: "agency.manage" } }, async (request) =>
    updateField(ctx.db, requireAuth(request), actorOf(request), request.params.code, request.body),
  );

  route(app, ROUTES["petitionFields.delete"], { config: { permission: "agency.manage" } }, async (request, reply) => {
    await deleteField(ctx.db, requireAuth(request), actorOf(request), request.params.code);
    return reply.code(204).send(null);
  });
}
