/**
 * The reception register (Sổ tiếp công dân, Mẫu số 03 Thông tư 04/2021/TT-TTCP) of one agency for a
 * period: one row per visit in register order, 12 columns filled by the domain's `toRegisterRow`,
 * as JSON and as the printable Excel book. A denunciation's people and texts are masked unless the
 * caller received it or is assigned to its case (identity/visits.ts); every Excel export is audited.
 */
import {
  REGISTER_COLUMNS,
  REGISTER_FORM,
  REGISTER_TITLE,
  registerCells,
  todayInVietnam,
  toRegisterRow,
} from "@minhbach/domain";
import { formatVietnameseDate } from "@minhbach/domain/calendar/iso-date";
import type { RegisterQuery, RegisterView } from "@minhbach/domain/api/reception-views";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { banner, dataRows, headerCell, newSheet, newWorkbook } from "../../platform/excel.ts";
import { identityVisibleFor, maskedTextsOf } from "../identity/visits.ts";
import { toDomainVisit, visitQuery, type VisitRow } from "./visit-rows.ts";
import { ruleOptions } from "./visits.ts";

/** The visit as its register row may show it: the free texts masked for a caller not entitled. */
function registerVisit(row: VisitRow, visible: boolean) {
  const visit = toDomainVisit(row);
  if (visible) return visit;
  const masked = maskedTextsOf(
    {
      contentSummary: visit.contentSummary,
      notes: visit.notes ?? null,
      followUp: visit.followUp ?? null,
      documentsReceived: visit.documentsReceived,
    },
    visit,
  );
  return { ...visit, contentSummary: masked.contentSummary, notes: masked.notes, followUp: masked.followUp };
}

/** The period asked for; a missing end takes the calendar year of the other one (default: this year). */
function periodOf(query: RegisterQuery): { from: string; to: string } {
  const year = (query.from ?? query.to ?? todayInVietnam()).slice(0, 4);
  return { from: query.from ?? `${year}-01-01`, to: query.to ?? `${year}-12-31` };
}

export async function registerOf(db: Kysely<DB>, auth: AuthContext, query: RegisterQuery): Promise<RegisterView> {
  const agencyId = query.agencyId ?? auth.agencyId;
  await assertAgencyInScope(db, auth, "reception.read", agencyId, "agencyId");
  const agency = await db.selectFrom("agency").select("name").where("id", "=", agencyId).executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  const { from, to } = periodOf(query);
  const options = await ruleOptions(db);
  const rows = await visitQuery(db)
    .where("v.agency_id", "=", agencyId)
    .where("v.received_on", ">=", from)
    .where("v.received_on", "<=", to)
    .orderBy("v.register_year")
    .orderBy("v.seq_no")
    .execute();
  const visible = await identityVisibleFor(db, auth, rows);
  return {
    agencyId,
    agencyName: agency.name,
    from,
    to,
    columns: REGISTER_COLUMNS.map((c) => ({
      number: c.number,
      key: c.key,
      header: c.header,
      ...(c.group ? { group: c.group } : {}),
    })),
    rows: rows.map((row) => ({
      visitId: row.id,
      ...toRegisterRow(registerVisit(row, visible.has(row.id)), row.seq_no, {
        maskDenouncerIdentity: !visible.has(row.id),
        crowdThreshold: options.threshold,
      }),
    })),
  };
}

const WIDTHS = [6, 11, 28, 16, 40, 14, 20, 10, 24, 24, 24, 20];
const HEADER_TOP = 5;

/** The register as an .xlsx in the layout of Mẫu số 03. */
export async function registerWorkbook(register: RegisterView): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = newSheet(workbook, "Sổ tiếp công dân", `${HEADER_TOP}:${HEADER_TOP + 2}`);
  const last = REGISTER_COLUMNS.length;
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });

  banner(sheet, 1, 1, 5, register.agencyName.toUpperCase(), { bold: true, align: "left" });
  banner(sheet, 1, 8, last, REGISTER_FORM, { italic: true, size: 11, align: "right" });
  banner(sheet, 2, 1, last, REGISTER_TITLE, { bold: true, size: 14 });
  banner(
    sheet,
    3,
    1,
    last,
    `Từ ngày ${formatVietnameseDate(register.from)} đến ngày ${formatVietnameseDate(register.to)}`,
    { italic: true },
  );

  // Two header rows: a column without a group spans both; columns 8–10 sit under "Hướng xử lý".
  const top = sheet.getRow(HEADER_TOP);
  const bottom = sheet.getRow(HEADER_TOP + 1);
  let c = 0;
  while (c < last) {
    const column = REGISTER_COLUMNS[c]!;
    if (!column.group) {
      headerCell(top.getCell(c + 1), column.header);
      headerCell(bottom.getCell(c + 1), "");
      sheet.mergeCells(HEADER_TOP, c + 1, HEADER_TOP + 1, c + 1);
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < last && REGISTER_COLUMNS[end + 1]!.group === column.group) end++;
    for (let g = c; g <= end; g++) {
      headerCell(top.getCell(g + 1), column.group);
      headerCell(bottom.getCell(g + 1), REGISTER_COLUMNS[g]!.header);
    }
    sheet.mergeCells(HEADER_TOP, c + 1, HEADER_TOP, end + 1);
    c = end + 1;
  }
  top.height = 24;
  bottom.height = 60;
  // The forms' column numbers, (1)…(12), under the headers.
  const numbers = sheet.getRow(HEADER_TOP + 2);
  REGISTER_COLUMNS.forEach((column, i) => {
    headerCell(numbers.getCell(i + 1), `(${column.number})`);
    numbers.getCell(i + 1).font = { name: "Times New Roman", size: 10, italic: true };
  });

  dataRows(
    sheet,
    HEADER_TOP + 3,
    register.rows.map((row) => registerCells(row)),
  );
  sheet.views = [{ state: "frozen", ySplit: HEADER_TOP + 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** GET /reception/register.xlsx: the book and an audit event (it carries personal data). */
export async function exportRegister(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  query: RegisterQuery,
): Promise<{ fileName: string; bytes: Buffer }> {
  const register = await registerOf(db, auth, query);
  const bytes = await registerWorkbook(register);
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "reception.register.exported",
      entityType: "agency",
      entityId: register.agencyId,
      summary: { from: register.from, to: register.to, rows: register.rows.length },
    }),
  );
  return { fileName: `So-tiep-cong-dan_${register.from}_${register.to}.xlsx`, bytes };
}
