import {
  agency,
  agencyGroup,
  agencyTreeQuery,
  createAgencyBody,
  updateAgencyBody,
} from "@minhbach/domain/api/agencies";
import { apiError, uuid } from "@minhbach/domain/api/common";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { agencyDirectory, createAgency, getAgency, listAgencies, listGroups, updateAgency } from "./service.ts";

const tags = ["Tổ chức"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });

export function organisationRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/agencies",
    {
      config: { permission: "agency.read" },
      schema: {
        tags,
        summary: "Cây cơ quan, đơn vị trong phạm vi của người dùng (danh sách phẳng có parentId)",
        querystring: agencyTreeQuery,
        response: { 200: z.object({ items: z.array(agency) }), ...errors },
      },
    },
    async (request) => ({
      items: await listAgencies(ctx.db, requireAuth(request), {
        at: request.query.at,
        includeEnded: request.query.includeEnded,
      }),
    }),
  );

  app.get(
    "/agencies/directory",
    {
      config: { permission: "agency.read" },
      schema: {
        tags,
        summary: "Danh bạ các cơ quan đang hoạt động trong hệ thống (chọn nơi chuyển đơn…)",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                name: z.string(),
                kind: z.string(),
                parentId: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async () => ({ items: await agencyDirectory(ctx.db) }),
  );

  app.get(
    "/agencies/:id",
    {
      config: { permission: "agency.read" },
      schema: { tags, summary: "Một cơ quan, đơn vị", params: idParams, response: { 200: agency, ...errors } },
    },
    async (request) => getAgency(ctx.db, requireAuth(request), request.params.id),
  );

  app.post(
    "/agencies",
    {
      config: { permission: "agency.manage" },
      schema: { tags, summary: "Tạo cơ quan, đơn vị", body: createAgencyBody, response: { 201: agency, ...errors } },
    },
    async (request, reply) => {
      const created = await createAgency(ctx.db, requireAuth(request), actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/agencies/:id",
    {
      config: { permission: "agency.manage" },
      schema: {
        tags,
        summary: "Sửa tên, ngày kết thúc hiệu lực của cơ quan, đơn vị",
        params: idParams,
        body: updateAgencyBody,
        response: { 200: agency, ...errors },
      },
    },
    async (request) => updateAgency(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    "/agency-groups",
    {
      config: { permission: "agency.read" },
      schema: {
        tags,
        summary: "Nhóm cơ quan ngoài cây tổ chức (cụm, khối thi đua)",
        response: { 200: z.object({ items: z.array(agencyGroup) }), ...errors },
      },
    },
    async () => ({ items: await listGroups(ctx.db) }),
  );
}
