import { fieldCatalog } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { petitionOverview } from "./overview.ts";
import { revealWriters } from "../identity/access.ts";
import { petitionFollowUpRoutes } from "./follow-up-routes.ts";
import { createPetition } from "./intake.ts";
import { listPetitions } from "./list.ts";
import { getPetition } from "./read.ts";
import { destroyPetitions } from "./retention.ts";
import { applyOutcome, classifyPetition, joinMatter, listAwaiting, petitionStep } from "./workflow.ts";
import { findDuplicates, duplicatesOfPetition } from "./duplicates.ts";

const read = { config: { permission: "petition.read" as const } };
const write = { config: { permission: "petition.write" as const } };

export function petitionRoutes(app: Api, ctx: AppContext): void {
  // Retention and destruction, the Excel export, the field catalogue.
  petitionFollowUpRoutes(app, ctx);

  route(app, ROUTES["petitions.identity"], read, async (request, reply) => {
    const result = await revealWriters(ctx.db, requireAuth(request), actorOf(request), request.params.id, "petition");
    void reply.header("cache-control", "no-store");
    return result;
  });

  route(app, ROUTES["petitions.create"], write, async (request, reply) => {
    const created = await createPetition(ctx.db, requireAuth(request), actorOf(request), request.body);
    return reply.code(201).send(created);
  });

  route(app, ROUTES["petitions.list"], read, async (request) =>
    listPetitions(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["petitions.overview"], read, async (request) => petitionOverview(ctx.db, requireAuth(request)));

  route(app, ROUTES["petitions.awaiting"], read, async (request) => ({
    items: await listAwaiting(ctx.db, requireAuth(request)),
  }));

  route(app, ROUTES["petitions.findDuplicates"], read, async (request) => ({
    items: await findDuplicates(ctx.db, requireAuth(request), request.body),
  }));

  // Retired fields too: lists still name them; pickers offer only the active ones.
  route(app, ROUTES["petitions.fields"], read, async () => ({
    items: fieldCatalog().map((f) => ({
      code: f.code,
      name: f.name,
      group: f.group,
      reportGroup: f.reportGroup,
      active: !f.retired,
    })),
  }));

  route(app, ROUTES["petitions.get"], read, async (request) =>
    getPetition(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["petitions.duplicates"], read, async (request) => ({
    items: await duplicatesOfPetition(ctx.db, requireAuth(request), request.params.id),
  }));

  route(app, ROUTES["petitions.joinMatter"], write, async (request) => {
    const auth = requireAuth(request);
    await joinMatter(ctx.db, auth, actorOf(request), request.params.id, request.body.petitionId, request.body.version);
    return getPetition(ctx.db, auth, request.params.id);
  });

  route(app, ROUTES["petitions.classify"], write, async (request) =>
    classifyPetition(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["petitions.outcome"], write, async (request) =>
    applyOutcome(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["petitions.dispatch"], write, async (request) =>
    petitionStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, {
      action: "dispatch",
      body: request.body,
    }),
  );
  route(app, ROUTES["petitions.urge"], write, async (request) =>
    petitionStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, {
      action: "urge",
      body: request.body,
    }),
  );
  route(app, ROUTES["petitions.feedback"], write, async (request) =>
    petitionStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, {
      action: "record_feedback",
      body: request.body,
    }),
  );
  route(app, ROUTES["petitions.close"], write, async (request) =>
    petitionStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, {
      action: "close_guided",
      body: request.body,
    }),
  );
  // One petition's destruction is a batch of one: drafted for signature, or typed if issued outside.
  route(app, ROUTES["petitions.destroy"], write, async (request) => {
    const auth = requireAuth(request);
    const { version, ...decision } = request.body;
    const result = await destroyPetitions(
      ctx.db,
      auth,
      actorOf(request),
      { ids: [request.params.id], ...decision },
      version,
    );
    return {
      petition: await getPetition(ctx.db, auth, request.params.id),
      transferredTo: null,
      documentId: result.documentId,
    };
  });
}
