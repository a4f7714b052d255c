import { ROLE_CODES, ROLES } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./service.ts";

export function userRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["users.list"], { config: { permission: "user.read" } }, async (request) =>
    listUsers(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["users.get"], { config: { permission: "user.read" } }, async (request) =>
    getUser(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["users.create"], { config: { permission: "user.manage" } }, async (request, reply) =>
    reply.code(201).send(await createUser(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["users.update"], { config: { permission: "user.manage" } }, async (request) =>
    updateUser(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["users.resetPassword"], { config: { permission: "user.manage" } }, async (request, reply) => {
    await resetPassword(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body.newPassword);
    return reply.code(204).send(null);
  });

  route(app, ROUTES["roles.list"], { config: { permission: "user.read" } }, async () => ({
    items: ROLE_CODES.map((code) => ({ ...ROLES[code], permissions: [...ROLES[code].permissions] })),
  }));
}
