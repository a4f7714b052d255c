import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import {
  createDocument,
  downloadDocument,
  getDocument,
  issueDocument,
  listDocuments,
  listSigners,
  listTemplates,
  returnDocument,
  cancelDraft,
  submitDocument,
  updateDraft,
} from "./service.ts";

const read = { config: { permission: "document.read" as const } };
const issue = { config: { permission: "document.issue" as const } };

export function documentRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["documents.list"], read, async (request) => ({
    items: await listDocuments(ctx.db, requireAuth(request), request.query),
  }));

  route(app, ROUTES["documents.templates"], read, async () => ({ items: listTemplates() }));

  route(app, ROUTES["documents.create"], issue, async (request, reply) =>
    reply.code(201).send(await createDocument(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["documents.get"], read, async (request) =>
    getDocument(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["documents.update"], issue, async (request) =>
    updateDraft(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["documents.issue"], issue, async (request) =>
    issueDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["documents.signers"], issue, async (request) => ({
    items: await listSigners(ctx.db, requireAuth(request), request.params.id),
  }));

  route(app, ROUTES["documents.submit"], issue, async (request) =>
    submitDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["documents.cancel"], issue, async (request) =>
    cancelDraft(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["documents.return"], issue, async (request) =>
    returnDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["documents.file"], read, async (request, reply) => {
    const file = await downloadDocument(ctx.db, requireAuth(request), actorOf(request), request.params.id);
    return (
      reply
        .header("content-type", file.contentType)
        .header("content-disposition", file.disposition)
        .header("cache-control", "no-store")
        // A Buffer is sent as it is, without the JSON serialiser; its table entry marks it a file.
        .send(file.bytes)
    );
  });
}
