import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../../platform/access.ts";
import type { AppContext } from "../../../platform/context.ts";
import { attachmentHeader, XLSX_MIME } from "../../../platform/excel.ts";
import { route, type Api } from "../../../platform/http.ts";
import {
  createSubject,
  getSubject,
  importReportFile,
  importSubjects,
  listSubjects,
  mergeSubject,
  updateSubject,
} from "./service.ts";

export function inspectionSubjectRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["inspectionSubjects.list"], { config: { permission: "inspection.read" } }, async (request) =>
    listSubjects(ctx.db, requireAuth(request), request.query),
  );

  route(
    app,
    ROUTES["inspectionSubjects.create"],
    { config: { permission: "inspection.write" } },
    async (request, reply) =>
      reply.code(201).send(await createSubject(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["inspectionSubjects.get"], { config: { permission: "inspection.read" } }, async (request) =>
    getSubject(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["inspectionSubjects.update"], { config: { permission: "inspection.write" } }, async (request) =>
    updateSubject(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["inspectionSubjects.merge"], { config: { permission: "inspection.write" } }, async (request) =>
    mergeSubject(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(
    app,
    ROUTES["inspectionSubjects.import"],
    { config: { permission: "inspection.write" } },
    async (request, reply) =>
      reply.code(201).send(await importSubjects(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(
    app,
    ROUTES["inspectionSubjects.importReport"],
    { config: { permission: "inspection.read" } },
    async (request, reply) => {
      const { file, fileName } = await importReportFile(ctx.db, requireAuth(request), request.params.id);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", attachmentHeader(fileName))
        .send(file);
    },
  );
}
