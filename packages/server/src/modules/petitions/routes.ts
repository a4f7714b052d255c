import { apiError, pageOf, uuid } from "@minhbach/domain/api/common";
import {
  awaitingItem,
  duplicateMatch,
  petitionDetail,
  petitionListItem,
  searchedAs,
  petitionOverviewView,
} from "@minhbach/domain/api/petition-views";
import {
  applyOutcomeBody,
  classifyPetitionBody,
  createPetitionBody,
  destroyPetitionBody,
  dispatchPetitionBody,
  petitioner,
  petitionListQuery,
  recordFeedbackBody,
  respondent,
  urgePetitionBody,
} from "@minhbach/domain/api/petitions";
import { fieldCatalog } from "@minhbach/domain";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { petitionOverview } from "./overview.ts";
import { revealWriters } from "../identity/access.ts";
import { petitionFollowUpRoutes } from "./follow-up-routes.ts";
import { createPetition } from "./intake.ts";
import { listPetitions } from "./list.ts";
import { getPetition } from "./read.ts";
import { applyOutcome, classifyPetition, joinMatter, listAwaiting, petitionStep } from "./workflow.ts";
import { findDuplicates, duplicatesOfPetition } from "./duplicates.ts";

const tags = ["Xử lý đơn"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });
const stepResult = z.object({
  petition: petitionDetail,
  transferredTo: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** The draft the step wrote: the urging letter (DD), the destruction decision (QD-HUY). */
  documentId: z.string().nullable(),
});

const duplicateQuery = z.strictObject({
  petitioners: z.array(petitioner).max(500).default([]),
  respondents: z.array(respondent).max(50).default([]),
  content: z.string().trim().min(1, { error: "Nhập nội dung đơn để tìm đơn trùng." }).max(50000),
  fieldCode: z.string().nullish(),
});

export function petitionRoutes(app: Api, ctx: AppContext): void {
  // Retention and destruction, the Excel export, the field catalogue.
  petitionFollowUpRoutes(app, ctx);

  app.get(
    "/petitions/:id/identity",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary:
          "Xem danh tính người viết đơn. Với đơn tố cáo: chỉ người được giao giải quyết hoặc được lãnh đạo phê duyệt; mọi lần xem được ghi nhật ký",
        params: idParams,
        response: {
          200: z.object({ petitioners: z.array(z.looseObject({ kind: z.string() })), ground: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const result = await revealWriters(ctx.db, requireAuth(request), actorOf(request), request.params.id, "petition");
      void reply.header("cache-control", "no-store");
      return result as unknown as { petitioners: { kind: string }[]; ground: string };
    },
  );

  app.post(
    "/petitions",
    {
      config: { permission: "petition.write" },
      schema: {
        tags,
        summary: "Tiếp nhận đơn từ mọi nguồn vào sổ của cơ quan",
        body: createPetitionBody,
        response: { 201: z.object({ id: z.string(), code: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await createPetition(ctx.db, requireAuth(request), actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/petitions",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary:
          "Danh sách đơn: lọc theo trạng thái, loại, lĩnh vực, nguồn, thời gian, sắp đến hạn, quá hạn; tìm không dấu",
        querystring: petitionListQuery,
        response: {
          200: pageOf(petitionListItem).extend({ totalCapped: z.boolean(), searchedAs: searchedAs.nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listPetitions(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/petitions/overview",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Số liệu đơn cho trang tổng quan (đang xử lý, quá hạn, sắp đến hạn, mới trong tuần)",
        response: { 200: petitionOverviewView, ...errors },
      },
    },
    async (request) => petitionOverview(ctx.db, requireAuth(request)),
  );

  app.get(
    "/petitions/awaiting",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Đơn đã chuyển, đã hướng dẫn đang chờ trả lời (để đôn đốc)",
        response: { 200: z.object({ items: z.array(awaitingItem) }), ...errors },
      },
    },
    async (request) => ({ items: await listAwaiting(ctx.db, requireAuth(request)) }),
  );

  app.post(
    "/petitions/duplicates",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Tìm đơn trùng trước khi lưu: cùng người, cùng đối tượng, nội dung tương tự (toàn hệ thống)",
        body: duplicateQuery,
        response: { 200: z.object({ items: z.array(duplicateMatch) }), ...errors },
      },
    },
    async (request) => ({ items: await findDuplicates(ctx.db, requireAuth(request), request.body) }),
  );

  app.get(
    "/petitions/fields",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Danh mục lĩnh vực",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                group: z.enum(["industry_trade", "administrative"]),
                reportGroup: z.enum(["administrative", "judicial", "corruption", "other"]),
                active: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    // Retired fields too: lists still name them; pickers offer only the active ones.
    async () => ({
      items: fieldCatalog().map((f) => ({
        code: f.code,
        name: f.name,
        group: f.group,
        reportGroup: f.reportGroup,
        active: !f.retired,
      })),
    }),
  );

  app.get(
    "/petitions/:id",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Hồ sơ đơn: diễn biến, thời hạn, văn bản, hướng xử lý được phép",
        params: idParams,
        response: { 200: petitionDetail, ...errors },
      },
    },
    async (request) => getPetition(ctx.db, requireAuth(request), request.params.id),
  );

  app.get(
    "/petitions/:id/duplicates",
    {
      config: { permission: "petition.read" },
      schema: {
        tags,
        summary: "Đơn có thể trùng với đơn này",
        params: idParams,
        response: { 200: z.object({ items: z.array(duplicateMatch) }), ...errors },
      },
    },
    async (request) => {
      return { items: await duplicatesOfPetition(ctx.db, requireAuth(request), request.params.id) };
    },
  );

  app.post(
    "/petitions/:id/matter",
    {
      config: { permission: "petition.write" },
      schema: {
        tags,
        summary: "Xác nhận đơn trùng: ghép vào cùng vụ việc với đơn khác",
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), petitionId: uuid }),
        response: { 200: petitionDetail, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await joinMatter(
        ctx.db,
        auth,
        actorOf(request),
        request.params.id,
        request.body.petitionId,
        request.body.version,
      );
      return getPetition(ctx.db, auth, request.params.id);
    },
  );

  app.post(
    "/petitions/:id/classify",
    {
      config: { permission: "petition.write" },
      schema: {
        tags,
        summary: "Phân loại đơn theo nội dung và đánh giá điều kiện xử lý (Điều 6 Thông tư 05/2021/TT-TTCP)",
        params: idParams,
        body: classifyPetitionBody,
        response: { 200: petitionDetail, ...errors },
      },
    },
    async (request) =>
      classifyPetition(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/petitions/:id/outcome",
    {
      config: { permission: "petition.write" },
      schema: {
        tags,
        summary: "Quyết định hướng xử lý đơn; tạo dự thảo văn bản theo mẫu",
        params: idParams,
        body: applyOutcomeBody,
        response: { 200: z.object({ petition: petitionDetail, documentId: z.string().nullable() }), ...errors },
      },
    },
    async (request) => applyOutcome(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  const steps = [
    [
      "dispatch",
      "dispatch",
      dispatchPetitionBody,
      "Gửi phiếu chuyển đơn (chuyển vào hộp đơn của cơ quan nhận nếu dùng chung hệ thống)",
    ],
    ["urge", "urge", urgePetitionBody, "Đôn đốc trả lời đơn đã chuyển, đã hướng dẫn"],
    ["feedback", "record_feedback", recordFeedbackBody, "Ghi nhận phản hồi kết quả của cơ quan nhận đơn"],
    [
      "close",
      "close_guided",
      z.strictObject({ version: z.number().int().min(1), note: z.string().max(2000).nullish() }),
      "Kết thúc theo dõi đơn đã hướng dẫn",
    ],
    ["destroy", "destroy", destroyPetitionBody, "Tiêu hủy đơn đã hết thời hạn lưu theo quyết định"],
  ] as const;
  for (const [path, action, body, summary] of steps) {
    app.post(
      `/petitions/:id/${path}`,
      {
        config: { permission: "petition.write" },
        schema: { tags, summary, params: idParams, body, response: { 200: stepResult, ...errors } },
      },
      async (request) =>
        petitionStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, {
          action,
          body: request.body,
        } as never),
    );
  }
}
