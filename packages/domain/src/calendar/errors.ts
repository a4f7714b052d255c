/**
 * Errors of the working-day calendar, with a stable code for clients and a Vietnamese message
 * for people (one catalogue; an exhaustive switch makes a forgotten code a compile error).
 */
export type CalendarErrorCode = "INVALID_DATE" | "DATE_OUT_OF_RANGE" | "DUPLICATE_NOTICE_YEAR" | "INVALID_NOTICE";

export interface CalendarErrorParams {
  date?: string;
  year?: number;
  minYear?: number;
  maxYear?: number;
  problems?: string[];
}

export function calendarErrorMessage(code: CalendarErrorCode, p: CalendarErrorParams = {}): string {
  switch (code) {
    case "INVALID_DATE":
      return `Ngày ${String(p.date)} không hợp lệ (định dạng phải là YYYY-MM-DD và là ngày có thật).`;
    case "DATE_OUT_OF_RANGE":
      return `Ngày ${String(p.date)} nằm ngoài phạm vi lịch được hỗ trợ (${p.minYear}–${p.maxYear}).`;
    case "DUPLICATE_NOTICE_YEAR":
      return `Có hai thông báo lịch nghỉ cho cùng năm ${p.year}.`;
    case "INVALID_NOTICE":
      return `Thông báo lịch nghỉ không hợp lệ: ${(p.problems ?? []).join("; ")}`;
  }
}

export class CalendarError extends Error {
  override readonly name = "CalendarError";
  readonly code: CalendarErrorCode;
  readonly field: string | undefined;
  readonly params: CalendarErrorParams;

  constructor(code: CalendarErrorCode, params: CalendarErrorParams = {}, field?: string) {
    super(calendarErrorMessage(code, params));
    this.code = code;
    this.params = params;
    this.field = field;
  }
}
