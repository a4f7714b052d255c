import {
  calendarSaveResult,
  calendarYearBody,
  calendarYearView,
  deadlineChange,
  deadlineResultView,
  deadlineRuleView,
  yearParams,
} from "@minhbach/domain/api/calendar";
import { apiError } from "@minhbach/domain/api/common";
import { DEFAULT_RULES, deadlineInputSchema } from "@minhbach/domain/legal-clock";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { calendarYear, compute, listDeadlineChanges, saveYearNotice } from "./service.ts";

const tags = ["Lịch và thời hạn"];
const errors = { 400: apiError, 401: apiError, 403: apiError };

export function calendarRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/calendar/:year",
    {
      config: { permission: "calendar.read" },
      schema: {
        tags,
        summary: "Lịch làm việc của một năm: các ngày thường nghỉ và các ngày cuối tuần phải làm",
        params: yearParams,
        response: { 200: calendarYearView, ...errors },
      },
    },
    async (request) => calendarYear(ctx.db, request.params.year),
  );

  app.put(
    "/calendar/:year",
    {
      config: { permission: "calendar.manage" },
      schema: {
        tags,
        summary: "Nhập hoặc sửa thông báo nghỉ lễ của một năm; tính lại mọi hạn đang mở",
        params: yearParams,
        body: calendarYearBody,
        response: { 200: calendarSaveResult, ...errors },
      },
    },
    async (request) => {
      const { year } = request.params;
      const result = await saveYearNotice(ctx.db, actorOf(request), year, { year, ...request.body });
      return {
        ...(await calendarYear(ctx.db, year)),
        movedDeadlines: result.moved,
        failedDeadlines: result.failed,
        changedDays: result.changedDays,
      };
    },
  );

  app.get(
    "/deadline-rules",
    {
      config: { permission: "deadline.compute" },
      schema: {
        tags,
        summary: "Các quy tắc thời hạn và căn cứ pháp lý",
        response: { 200: z.object({ items: z.array(deadlineRuleView) }), ...errors },
      },
    },
    async () => ({
      items: DEFAULT_RULES.map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        basis: r.basis,
        unit: r.unit,
        length: r.length,
        startEvent: r.startEvent,
        variants: { ...r.variants },
        extensions: r.extensions ? { length: r.extensions.length, max: r.extensions.max } : null,
        suspensionStopsClock: r.suspensionStopsClock,
        validFrom: r.validFrom,
        validTo: r.validTo,
        probable: r.probable ?? false,
        note: r.note ?? null,
      })),
    }),
  );

  app.post(
    "/deadlines/compute",
    {
      config: { permission: "deadline.compute" },
      schema: {
        tags,
        summary: "Tính hạn theo quy tắc, kèm giải thích cách tính",
        body: deadlineInputSchema,
        response: { 200: deadlineResultView, ...errors },
      },
    },
    async (request) => compute(ctx.db, request.body),
  );

  app.get(
    "/deadlines/changes",
    {
      config: { permission: "calendar.read" },
      schema: {
        tags,
        summary: "Các hạn xử lý đã thay đổi do sửa lịch làm việc",
        response: { 200: z.object({ items: z.array(deadlineChange) }), ...errors },
      },
    },
    async (request) => ({ items: await listDeadlineChanges(ctx.db, requireAuth(request)) }),
  );
}
