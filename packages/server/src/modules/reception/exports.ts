/**
 * Excel exports of the reception lists (visits, schedule): the rows the list shows with the same
 * filters, masked the same way, and an audit event per export (they carry personal data).
 */
import {
  HANDLING_ROUTES,
  PETITION_KINDS,
  VISIT_KINDS,
  VISIT_STATES,
  fieldByCode,
  type HandlingRoute,
  type PetitionKind,
} from "@minhbach/domain";
import { formatVietnameseDate } from "@minhbach/domain/calendar/iso-date";
import type { VisitListQuery } from "@minhbach/domain/api/reception";
import { SCHEDULE_KINDS, SCHEDULE_STATUSES, type ScheduleListQuery } from "@minhbach/domain/api/reception-views";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { tableWorkbook } from "../../platform/excel.ts";
import { allSchedule } from "./schedule.ts";
import { allVisits } from "./visits.ts";

/** More rows than this belong in the register export by period, not in a list export. */
export const EXPORT_LIMIT = 10_000;

const vnTime = (isoInstant: string) => {
  const shifted = new Date(Date.parse(isoInstant) + 7 * 3600_000).toISOString();
  return `${shifted.slice(11, 16)} ${formatVietnameseDate(shifted.slice(0, 10))}`;
};

function periodLine(from: string | undefined, to: string | undefined): string {
  if (from && to) return `Từ ngày ${formatVietnameseDate(from)} đến ngày ${formatVietnameseDate(to)}`;
  if (from) return `Từ ngày ${formatVietnameseDate(from)}`;
  if (to) return `Đến ngày ${formatVietnameseDate(to)}`;
  return "Toàn bộ thời gian";
}

async function agencyName(db: Kysely<DB>, auth: AuthContext): Promise<string> {
  const row = await db.selectFrom("agency").select("name").where("id", "=", auth.agencyId).executeTakeFirst();
  return row?.name ?? "";
}

export async function exportVisits(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  query: VisitListQuery,
): Promise<{ fileName: string; bytes: Buffer }> {
  const visits = await allVisits(db, auth, query, EXPORT_LIMIT);
  const bytes = await tableWorkbook({
    sheetName: "Lượt tiếp công dân",
    agencyName: await agencyName(db, auth),
    title: "DANH SÁCH LƯỢT TIẾP CÔNG DÂN",
    subtitle: periodLine(query.from, query.to),
    columns: [
      { header: "Số TT trong sổ", width: 9 },
      { header: "Ngày tiếp", width: 11 },
      { header: "Hình thức tiếp", width: 18 },
      { header: "Người đến", width: 30 },
      { header: "Số người", width: 8 },
      { header: "Nội dung vụ việc", width: 45 },
      { header: "Phân loại", width: 12 },
      { header: "Lĩnh vực", width: 16 },
      { header: "Hướng xử lý", width: 20 },
      { header: "Trạng thái", width: 14 },
      { header: "Người tiếp", width: 20 },
      { header: "Cơ quan", width: 24 },
    ],
    rows: visits.map((v) => [
      `${v.seqNo}/${v.registerYear}`,
      formatVietnameseDate(v.receivedOn),
      VISIT_KINDS[v.kind].label,
      v.visitors
        .map((p) => p.fullName)
        .slice(0, 5)
        .join("; ") + (v.visitors.length > 5 ? "…" : ""),
      v.peopleCount,
      v.contentSummary,
      v.contentKind ? PETITION_KINDS[v.contentKind as PetitionKind] : "",
      v.fieldCode ? (fieldByCode(v.fieldCode)?.name ?? v.fieldCode) : "",
      v.handling ? HANDLING_ROUTES[v.handling.route as HandlingRoute] : "",
      VISIT_STATES[v.status],
      v.receiverName,
      v.agencyName,
    ]),
  });
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "reception.visits.exported",
      entityType: "reception_visit",
      summary: { rows: visits.length, filters: { ...query, q: query.q ? "(có)" : undefined } },
    }),
  );
  return { fileName: "Danh-sach-luot-tiep-cong-dan.xlsx", bytes };
}

export async function exportSchedule(
  db: Kysely<DB>,
  auth: AuthContext,
  query: ScheduleListQuery,
): Promise<{ fileName: string; bytes: Buffer }> {
  const entries = await allSchedule(db, auth, query, EXPORT_LIMIT);
  const bytes = await tableWorkbook({
    sheetName: "Lịch tiếp công dân",
    agencyName: await agencyName(db, auth),
    title: "LỊCH TIẾP CÔNG DÂN CỦA LÃNH ĐẠO",
    subtitle: periodLine(query.from, query.to),
    columns: [
      { header: "STT", width: 6 },
      { header: "Bắt đầu", width: 17 },
      { header: "Kết thúc", width: 17 },
      { header: "Lãnh đạo tiếp", width: 24 },
      { header: "Chức vụ", width: 28 },
      { header: "Hình thức", width: 11 },
      { header: "Địa điểm", width: 32 },
      { header: "Trạng thái", width: 13 },
      { header: "Ghi chú", width: 30 },
    ],
    rows: entries.map((e, i) => [
      i + 1,
      vnTime(e.startsAt),
      vnTime(e.endsAt),
      e.leaderName,
      e.leaderTitle,
      SCHEDULE_KINDS[e.kind],
      e.place,
      SCHEDULE_STATUSES[e.status],
      e.note ?? "",
    ]),
  });
  return { fileName: "Lich-tiep-cong-dan.xlsx", bytes };
}
