/** Vietnamese formats: dd/mm/yyyy dates, '.' thousands separators, Viet Nam time for timestamps. */

const TIME_ZONE = "Asia/Ho_Chi_Minh";

const numberFormat = new Intl.NumberFormat("vi-VN");

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "2026-02-17" → "17/02/2026". Calendar dates are never shifted through a time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partsOf(value: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(value)) parts[part.type] = part.value;
  return parts;
}

/** A timestamp as "dd/mm/yyyy HH:mm" in Viet Nam time. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.day}/${p.month}/${p.year} ${time}`;
}

/** Today's date in Viet Nam as YYYY-MM-DD. */
export function todayIso(): string {
  const p = partsOf(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

export const WEEKDAY_NAMES = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;
/** Column headers of a Monday-first week. */
export const WEEKDAY_SHORT_MONDAY_FIRST = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] as const;
export const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function dayOfWeek(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function weekdayName(iso: string): string {
  return WEEKDAY_NAMES[dayOfWeek(iso)] ?? "";
}

export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses what an officer types: "17/2/2026", "17-02-2026", "17.02.2026" or "2026-02-17". */
export function parseVietnameseDate(text: string): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}
