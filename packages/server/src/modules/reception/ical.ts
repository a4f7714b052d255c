/**
 * The public reception schedule as an iCalendar feed (RFC 5545), written by hand: CRLF line
 * endings, lines folded at 75 octets without splitting a UTF-8 character, times in UTC ("Z"),
 * one VEVENT per entry with a stable UID, TEXT values escaped (§3.3.11).
 */
import { SCHEDULE_KINDS, type ScheduleKind } from "@minhbach/domain/api/reception-views";

export interface ICalEntry {
  id: string;
  leaderName: string;
  leaderTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  kind: ScheduleKind;
  status: "published" | "held" | "cancelled";
  version: number;
  updatedAt: Date;
}

/** "20260310T010000Z". */
export function icalTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > 75) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

/** "Giám đốc Sở Công Thương Nguyễn Văn Thành tiếp công dân định kỳ". */
export function summaryOf(entry: Pick<ICalEntry, "leaderName" | "leaderTitle" | "kind">): string {
  return `${entry.leaderTitle} ${entry.leaderName} tiếp công dân ${SCHEDULE_KINDS[entry.kind]}`;
}

export function buildICalendar(input: {
  agencyCode: string;
  agencyName: string;
  entries: readonly ICalEntry[];
  now?: Date;
}): string {
  const stamp = icalTime(input.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Minh Bach//Lich tiep cong dan//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`Lịch tiếp công dân - ${input.agencyName}`)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
  ];
  for (const e of input.entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:reception-schedule-${e.id}@minhbach`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icalTime(e.startsAt)}`,
      `DTEND:${icalTime(e.endsAt)}`,
      `SUMMARY:${escapeText(summaryOf(e))}`,
      `LOCATION:${escapeText(e.place)}`,
      `DESCRIPTION:${escapeText(`${input.agencyName}: ${summaryOf(e)}.`)}`,
      `STATUS:${e.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
      `SEQUENCE:${e.version - 1}`,
      `LAST-MODIFIED:${icalTime(e.updatedAt)}`,
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
