import {
  calendarSaveResult,
  calendarYearBody,
  calendarYearView,
  deadlineChange,
  deadlineResultView,
  deadlineRuleView,
  yearParams,
} from "../calendar.ts";
import { defineRoutes } from "../contract.ts";
import { deadlineInputSchema } from "../../deadlines/input-schema.ts";
import { z } from "../zod-vi.ts";
import { listErrors as errors } from "./errors.ts";

const tags = ["Lịch và thời hạn"];

export const CALENDAR_ROUTES = defineRoutes({
  "calendar.get": {
    method: "GET",
    path: "/calendar/:year",
    tags,
    summary: "Lịch làm việc của một năm: các ngày thường nghỉ và các ngày cuối tuần phải làm",
    params: yearParams,
    response: { 200: calendarYearView, ...errors },
  },
  "calendar.save": {
    method: "PUT",
    path: "/calendar/:year",
    tags,
    summary: "Nhập hoặc sửa thông báo nghỉ lễ của một năm; tính lại mọi hạn đang mở",
    params: yearParams,
    body: calendarYearBody,
    response: { 200: calendarSaveResult, ...errors },
  },
  "deadlines.rules": {
    method: "GET",
    path: "/deadline-rules",
    tags,
    summary: "Các quy tắc thời hạn và căn cứ pháp lý",
    response: { 200: z.object({ items: z.array(deadlineRuleView) }), ...errors },
  },
  "deadlines.compute": {
    method: "POST",
    path: "/deadlines/compute",
    tags,
    summary: "Tính hạn theo quy tắc, kèm giải thích cách tính",
    body: deadlineInputSchema,
    response: { 200: deadlineResultView, ...errors },
  },
  "deadlines.changes": {
    method: "GET",
    path: "/deadlines/changes",
    tags,
    summary: "Các hạn xử lý đã thay đổi do sửa lịch làm việc",
    response: { 200: z.object({ items: z.array(deadlineChange) }), ...errors },
  },
});
