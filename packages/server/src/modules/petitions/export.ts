/**
 * GET /petitions/export.xlsx: every petition matching the list's filters (up to 50,000), written
 * row by row with exceljs' streaming writer so a large export never sits whole in memory. The
 * writer column shows what the list shows — a denouncer stays masked (petitioner_display), the
 * parties are never read — and the export is audited with its filters and row count.
 */
import { PassThrough, type Readable } from "node:stream";
import {
  CHANNELS,
  fieldByCode,
  PETITION_KINDS,
  PETITION_STATES,
  todayInVietnam,
  type ChannelCode,
  type PetitionKind,
  type PetitionState,
} from "@minhbach/domain";
import type { PetitionListQuery } from "@minhbach/domain/api/petitions";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { FONT } from "../../platform/excel.ts";
import { revealUnclassified } from "../identity/letter-texts.ts";
import { listedTexts } from "../identity/masks.ts";
import { filteredPetitions } from "./list.ts";
import { orderedIds } from "./list-rows.ts";

export const EXPORT_LIMIT = 50_000;
const BATCH = 1000;

const COLUMNS = [
  { header: "Mã đơn", width: 24 },
  { header: "Ngày nhận", width: 12, date: true },
  { header: "Nguồn đơn", width: 22 },
  { header: "Người viết đơn", width: 32 },
  { header: "Người bị khiếu nại, tố cáo", width: 28 },
  { header: "Nội dung (trích)", width: 60 },
  { header: "Loại đơn", width: 14 },
  { header: "Lĩnh vực", width: 20 },
  { header: "Trạng thái", width: 22 },
  { header: "Hạn xử lý", width: 12, date: true },
  { header: "Cơ quan", width: 30 },
] as const;

/** A calendar date as Excel keeps it (UTC midnight, so no time zone moves the day). */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export interface PetitionExport {
  fileName: string;
  rows: number;
  stream: Readable;
}

export async function exportPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  query: Omit<PetitionListQuery, "page" | "pageSize">,
): Promise<PetitionExport> {
  const today = todayInVietnam();
  const plan = await filteredPetitions(db, auth, query, today);
  const ids = (await orderedIds(plan.rows, query).limit(EXPORT_LIMIT).execute()).map((r) => r.id);
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "petition.exported",
      entityType: "petition",
      // The search words may hold a name: only whether there were any is kept.
      summary: { rows: ids.length, format: "xlsx", filters: { ...query, q: query.q ? "(có)" : undefined } },
    }),
  );

  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Minh Bạch";
  const sheet = workbook.addWorksheet("Danh sách đơn", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({
    width: c.width,
    style: {
      font: { name: FONT, size: 11 },
      alignment: { vertical: "top", wrapText: true },
      ...("date" in c ? { numFmt: "dd/mm/yyyy" } : {}),
    },
  }));
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { name: FONT, size: 11, bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.commit();

  // Written after the response has started: rows are read a thousand at a time, in list order.
  void (async () => {
    try {
      for (let at = 0; at < ids.length; at += BATCH) {
        const slice = ids.slice(at, at + BATCH);
        const rows = await db
          .selectFrom("petition as p")
          .innerJoin("agency as a", "a.id", "p.agency_id")
          .select([
            "p.id",
            "p.code",
            "p.agency_id",
            "p.received_on",
            "p.channel",
            "p.petitioner_display",
            "p.respondent_display",
            "p.summary",
            "p.content",
            "p.excerpt",
            "p.kind",
            "p.anonymous",
            "p.title",
            "p.texts_sealed",
            "p.field_code",
            "p.state",
            "p.due_on",
            "a.name as agency_name",
          ])
          .where("p.id", "in", slice)
          .execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        const revealed = await revealUnclassified(db, auth, rows);
        for (const id of slice) {
          const r = byId.get(id);
          if (!r) continue;
          sheet
            .addRow([
              r.code,
              excelDate(r.received_on),
              CHANNELS[r.channel as ChannelCode]?.label ?? r.channel,
              listedTexts(auth, r, revealed).petitioner,
              r.respondent_display,
              // A denunciation's excerpt has the denouncer's data masked; an unclassified letter's
              // text is for its handlers only.
              listedTexts(auth, r, revealed).excerpt,
              r.kind ? (PETITION_KINDS[r.kind as PetitionKind] ?? r.kind) : "",
              r.field_code ? (fieldByCode(r.field_code)?.name ?? r.field_code) : "",
              PETITION_STATES[r.state as PetitionState] ?? r.state,
              excelDate(r.due_on),
              r.agency_name,
            ])
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { fileName: `Danh-sach-don-${today}.xlsx`, rows: ids.length, stream };
}
