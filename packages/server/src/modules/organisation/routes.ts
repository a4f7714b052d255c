import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { agencyDirectory, createAgency, getAgency, listAgencies, listGroups, updateAgency } from "./service.ts";

export function organisationRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["agencies.list"], { config: { permission: "agency.read" } }, async (request) => ({
    items: await listAgencies(ctx.db, requireAuth(request), {
      at: request.query.at,
      includeEnded: request.query.includeEnded,
    }),
  }));

  route(app, ROUTES["agencies.directory"], { config: { permission: "agency.read" } }, async () => ({
    items: await agencyDirectory(ctx.db),
  }));

  route(app, ROUTES["agencies.get"], { config: { permission: "agency.read" } }, async (request) =>
    getAgency(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["agencies.create"], { config: { permission: "agency.manage" } }, async (request, reply) => {
    const created = await createAgency(ctx.db, requireAuth(request), actorOf(request), request.body);
    return reply.code(201).send(created);
  });

  route(app, ROUTES["agencies.update"], { config: { permission: "agency.manage" } }, async (request) =>
    updateAgency(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["agencyGroups.list"], { config: { permission: "agency.read" } }, async () => ({
    items: await listGroups(ctx.db),
  }));
}
