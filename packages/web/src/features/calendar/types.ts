/**
 * The working-calendar API types come from the domain's shared schemas; this file adds the
 * editor's own checks (friendlier, per-field messages) on top of the body schema.
 */
import { calendarYearBody } from "@minhbach/domain/api/calendar";
import type { calendarSaveResult, calendarYearView, movedDeadline } from "@minhbach/domain/api/calendar";
import { NOTICE_DAY_KINDS, type NoticeDayKind } from "@minhbach/domain/calendar/notice-schema";
import { z } from "@minhbach/domain/api/zod-vi";
import { isoDate } from "@minhbach/domain/api/common";
import { dayOfWeek } from "../../ui/format.ts";
import { CALENDAR_TEXT } from "./text.ts";

export const DAY_KINDS = NOTICE_DAY_KINDS;
export type DayKind = NoticeDayKind;

export type CalendarYear = z.infer<typeof calendarYearView>;
export type CalendarDay = CalendarYear["noticeDays"][number];
export type SavedCalendar = z.infer<typeof calendarSaveResult>;
export type MovedDeadline = z.infer<typeof movedDeadline>;
export type CalendarBody = z.infer<typeof calendarYearBody>;

/** The body schema plus the notice rules, with messages that sit beside the field. */
export function calendarSchema(year: number) {
  return calendarYearBody
    .extend({ days: z.array(calendarYearBody.shape.days.element.extend({ date: isoDate })).max(60) })
    .superRefine((value, ctx) => {
      const seen = new Set<string>();
      value.days.forEach((day, index) => {
        if (!day.date.startsWith(`${year}-`)) {
          ctx.addIssue({ code: "custom", path: ["days", index, "date"], message: CALENDAR_TEXT.dateOutsideYear(year) });
        }
        const dow = dayOfWeek(day.date);
        const weekend = dow === 0 || dow === 6;
        if (day.kind === "makeup_workday" && !weekend) {
          ctx.addIssue({ code: "custom", path: ["days", index, "kind"], message: CALENDAR_TEXT.makeupOnWeekday });
        }
        if ((day.kind === "compensatory" || day.kind === "swap_off") && weekend) {
          ctx.addIssue({ code: "custom", path: ["days", index, "kind"], message: CALENDAR_TEXT.offOnWeekend });
        }
        if (seen.has(day.date)) {
          ctx.addIssue({ code: "custom", path: ["days", index, "date"], message: CALENDAR_TEXT.duplicateDate });
        }
        seen.add(day.date);
      });
    });
}
