import { apiError, pageOf, uuid } from "@minhbach/domain/api/common";
import { officialDocument } from "@minhbach/domain/api/documents";
import { followUpVisitBody, handleVisitBody, visitListQuery } from "@minhbach/domain/api/reception";
import {
  createScheduleBody,
  createVisitRequest,
  publicSchedule as publicScheduleView,
  publicScheduleQuery,
  publishScheduleBody,
  registerQuery,
  registerView,
  scheduleConclusionBody,
  scheduleListQuery,
  scheduleView,
  updateScheduleBody,
  updateVisitRequest,
  visitPetitionBody,
  visitView,
  receptionOverviewView,
} from "@minhbach/domain/api/reception-views";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { receptionOverview } from "./overview.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { exportSchedule, exportVisits } from "./exports.ts";
import { exportRegister, registerOf } from "./register.ts";
import {
  concludeSchedule,
  createSchedule,
  getSchedule,
  listSchedule,
  publicSchedule,
  publicScheduleICal,
  publishSchedule,
  updateSchedule,
} from "./schedule.ts";
import { visitToPetition } from "./visit-petition.ts";
import { createVisit, followUpVisit, getVisit, handleVisit, listVisits, updateVisit } from "./visits.ts";

const tags = ["Tiếp công dân"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });
const xlsxResponse = {
  200: { description: "Tệp Excel", content: { [XLSX_MIME]: { schema: z.string().meta({ format: "binary" }) } } },
  ...errors,
};
/** The public pages are read by anyone: a per-address limit keeps them cheap. */
const publicLimit = { max: 120, timeWindow: "1 minute" };

/**
 * zod fills the defaults of a partial schema in (an absent `representatives` becomes []), so a
 * PATCH keeps only the keys the client actually sent: they are noted before validation.
 */
const sentKeys = new WeakMap<FastifyRequest, Set<string>>();

async function rememberSentKeys(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (body && typeof body === "object" && !Array.isArray(body)) sentKeys.set(request, new Set(Object.keys(body)));
}

function onlySent<T extends object>(request: FastifyRequest, body: T): T {
  const keys = sentKeys.get(request);
  if (!keys) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => keys.has(key))) as T;
}

function sendXlsx(reply: FastifyReply, file: { fileName: string; bytes: Buffer }) {
  return (
    reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      // A Buffer is sent as it is, without the JSON serialiser; the schema above documents it.
      .send(file.bytes as unknown as string)
  );
}

export function receptionRoutes(app: Api, ctx: AppContext): void {
  // -------------------------------------------------------------------------------------------
  // Visits.

  app.post(
    "/reception/visits",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Ghi một lượt tiếp công dân vào sổ (cơ quan của người ghi)",
        body: createVisitRequest,
        response: { 201: visitView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createVisit(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  app.get(
    "/reception/overview",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Số liệu tiếp công dân cho trang tổng quan (tuần này, đang tiếp, đoàn đông người)",
        response: { 200: receptionOverviewView, ...errors },
      },
    },
    async (request) => receptionOverview(ctx.db, requireAuth(request)),
  );

  app.get(
    "/reception/visits",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Danh sách lượt tiếp (lọc, tìm không dấu, sắp xếp, phân trang)",
        querystring: visitListQuery,
        response: { 200: pageOf(visitView), ...errors },
      },
    },
    async (request) => listVisits(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/reception/visits.xlsx",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Xuất danh sách lượt tiếp ra Excel (cùng bộ lọc với danh sách)",
        querystring: visitListQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportVisits(ctx.db, requireAuth(request), actorOf(request), request.query)),
  );

  app.get(
    "/reception/visits/:id",
    {
      config: { permission: "reception.read" },
      schema: { tags, summary: "Một lượt tiếp công dân", params: idParams, response: { 200: visitView, ...errors } },
    },
    async (request) => getVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id),
  );

  app.patch(
    "/reception/visits/:id",
    {
      config: { permission: "reception.write" },
      preValidation: rememberSentKeys,
      schema: {
        tags,
        summary: "Sửa lượt tiếp (kèm version để phát hiện sửa đồng thời)",
        params: idParams,
        body: updateVisitRequest,
        response: { 200: visitView, ...errors },
      },
    },
    async (request) =>
      updateVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, onlySent(request, request.body)),
  );

  app.post(
    "/reception/visits/:id/handle",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Xử lý lượt tiếp: thụ lý, hướng dẫn, chuyển đơn hoặc từ chối tiếp (Điều 9 Luật Tiếp công dân)",
        params: idParams,
        body: handleVisitBody,
        response: { 200: visitView, ...errors },
      },
    },
    async (request) => handleVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/reception/visits/:id/follow-up",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Ghi kết quả theo dõi (cột 11 sổ tiếp công dân)",
        params: idParams,
        body: followUpVisitBody,
        response: { 200: visitView, ...errors },
      },
    },
    async (request) => followUpVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/reception/visits/:id/petition",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Chuyển đơn công dân nộp tại buổi tiếp thành đơn (nguồn: trực tiếp), mang theo người đến và nội dung",
        params: idParams,
        body: visitPetitionBody,
        response: {
          201: z.object({ visit: visitView, petition: z.object({ id: z.string(), code: z.string() }) }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await visitToPetition(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );

  // -------------------------------------------------------------------------------------------
  // The register.

  app.get(
    "/reception/register",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Sổ tiếp công dân (Mẫu số 03 Thông tư 04/2021/TT-TTCP) của một cơ quan trong một khoảng thời gian",
        querystring: registerQuery,
        response: { 200: registerView, ...errors },
      },
    },
    async (request) => registerOf(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/reception/register.xlsx",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Sổ tiếp công dân dạng Excel để in (A4 ngang)",
        querystring: registerQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportRegister(ctx.db, requireAuth(request), actorOf(request), request.query)),
  );

  // -------------------------------------------------------------------------------------------
  // The heads' reception schedule.

  app.post(
    "/reception/schedule",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Lập lịch tiếp công dân của lãnh đạo (dự kiến)",
        body: createScheduleBody,
        response: { 201: scheduleView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSchedule(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  app.get(
    "/reception/schedule",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Lịch tiếp công dân (lọc theo khoảng ngày cho lịch tháng, trạng thái, hình thức)",
        querystring: scheduleListQuery,
        response: { 200: pageOf(scheduleView), ...errors },
      },
    },
    async (request) => listSchedule(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/reception/schedule.xlsx",
    {
      config: { permission: "reception.read" },
      schema: {
        tags,
        summary: "Xuất lịch tiếp công dân ra Excel",
        querystring: scheduleListQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => sendXlsx(reply, await exportSchedule(ctx.db, requireAuth(request), request.query)),
  );

  app.get(
    "/reception/schedule/:id",
    {
      config: { permission: "reception.read" },
      schema: { tags, summary: "Một buổi tiếp công dân", params: idParams, response: { 200: scheduleView, ...errors } },
    },
    async (request) => getSchedule(ctx.db, requireAuth(request), request.params.id),
  );

  app.patch(
    "/reception/schedule/:id",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Sửa lịch tiếp, hoặc ghi đã tiếp / hủy (kèm version)",
        params: idParams,
        body: updateScheduleBody,
        response: { 200: scheduleView, ...errors },
      },
    },
    async (request) => updateSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/reception/schedule/:id/publish",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Công bố lịch tiếp (hiện trên trang công khai và lịch iCal)",
        params: idParams,
        body: publishScheduleBody,
        response: { 200: scheduleView, ...errors },
      },
    },
    async (request) => publishSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/reception/schedule/:id/conclusion",
    {
      config: { permission: "reception.write" },
      schema: {
        tags,
        summary: "Lập dự thảo Thông báo kết luận tiếp công dân (mẫu TCD-KL) cho buổi tiếp",
        params: idParams,
        body: scheduleConclusionBody,
        response: { 201: z.object({ schedule: scheduleView, document: officialDocument }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await concludeSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );

  // -------------------------------------------------------------------------------------------
  // Public: the published schedule, without a session (the portal links here).

  app.get(
    "/public/reception-schedule",
    {
      config: { public: true, rateLimit: publicLimit },
      schema: {
        tags,
        summary: "Lịch tiếp công dân đã công bố của một cơ quan (công khai)",
        querystring: publicScheduleQuery,
        response: { 200: publicScheduleView, 400: apiError, 404: apiError, 429: apiError },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return publicSchedule(ctx.db, request.query);
    },
  );

  app.get(
    "/public/reception-schedule.ics",
    {
      config: { public: true, rateLimit: publicLimit },
      schema: {
        tags,
        summary: "Lịch tiếp công dân đã công bố, định dạng iCalendar (RFC 5545)",
        querystring: publicScheduleQuery,
        response: {
          200: { description: "Lịch iCalendar", content: { "text/calendar": { schema: z.string() } } },
          400: apiError,
          404: apiError,
          429: apiError,
        },
      },
    },
    async (request, reply) => {
      const ics = await publicScheduleICal(ctx.db, request.query);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="lich-tiep-cong-dan.ics"')
        .header("cache-control", "public, max-age=300")
        .send(ics);
    },
  );
}
