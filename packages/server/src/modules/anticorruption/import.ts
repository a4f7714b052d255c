/**
 * Officials from an Excel sheet (the template of importTemplate): one row per position held, rows
 * of one official share his code. Every row is checked; a row refused is reported with its number,
 * the field and a Vietnamese message. Nothing is saved unless every row passes (one transaction):
 * an officer fixes the file and imports it again, never half of it. Imported again, a file adds
 * to each official's position history and closes what it supersedes; it never deletes history.
 */
import { normalizeForMatch } from "@minhbach/domain";
import { officialBody, type OfficialBody } from "@minhbach/domain/api/anticorruption";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import { addDays } from "@minhbach/domain/legal-clock";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { banner, headerCell, newSheet, newWorkbook } from "../../platform/excel.ts";
import { ensurePositionCatalogue } from "./positions.ts";

export const IMPORT_COLUMNS = [
  { key: "code", header: "Mã cán bộ", width: 14 },
  { key: "fullName", header: "Họ và tên", width: 28 },
  { key: "unit", header: "Mã đơn vị công tác", width: 18 },
  { key: "birthDate", header: "Ngày sinh (dd/mm/yyyy)", width: 16 },
  { key: "rank", header: "Ngạch, chức danh", width: 22 },
  { key: "expectedRetirement", header: "Ngày dự kiến nghỉ hưu", width: 16 },
  { key: "position", header: "Mã vị trí (danh mục)", width: 20 },
  { key: "from", header: "Giữ vị trí từ ngày", width: 16 },
  { key: "to", header: "Đến ngày", width: 14 },
  { key: "declaredBefore", header: "Đã kê khai trước đây (Có/Không)", width: 16 },
  { key: "verifiedYears", header: "Năm đã được xác minh (cách nhau dấu phẩy)", width: 20 },
  // The official's own contact, for the declaration reminders when he has no account (optional).
  { key: "email", header: "Thư điện tử", width: 26 },
  { key: "phone", header: "Điện thoại", width: 16 },
] as const;
type Key = (typeof IMPORT_COLUMNS)[number]["key"];
const HEADER_ROW = 3;

export async function importTemplate(): Promise<{ bytes: Buffer; fileName: string }> {
  const workbook = newWorkbook();
  const sheet = newSheet(workbook, "Cán bộ", `${HEADER_ROW}:${HEADER_ROW}`);
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  banner(sheet, 1, 1, IMPORT_COLUMNS.length, "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC (mỗi dòng một vị trí đã giữ)", {
    bold: true,
    size: 13,
  });
  const header = sheet.getRow(HEADER_ROW);
  IMPORT_COLUMNS.forEach((c, i) => headerCell(header.getCell(i + 1), c.header));
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: "Mau-nhap-can-bo.xlsx" };
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates come as UTC midnight of the typed day.
    return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  }
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

/** "05/03/1975" → "1975-03-05"; an ISO date passes; anything else is left for the schema to refuse. */
export function isoOf(text: string): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return text;
}

interface Refused {
  row: number;
  code: string;
  field: string;
  message: string;
}

const LABEL: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

interface Held {
  id: string | null;
  positionId: string;
  from: string;
  to: string | null;
}

/**
 * A file imported again adds to an official's position history, never replaces it: a row already
 * recorded (same position, same start) is kept, taking the end the file gives; a new row is added;
 * then each position left open before a later one is closed the day before the later one starts
 * (as a rotation closes it, LAW.md §10.4). Returns the rows to add and the recorded rows whose end
 * changed.
 */
export function mergeHistory(
  recorded: readonly Held[],
  incoming: ReadonlyArray<{ positionId: string; from: string; to?: string | undefined }>,
): { added: Held[]; closed: { id: string; to: string }[] } {
  const all: Held[] = recorded.map((h) => ({ ...h }));
  const changed = new Set<Held>();
  for (const p of incoming) {
    const same = all.find((h) => h.positionId === p.positionId && h.from === p.from);
    if (!same) all.push({ id: null, positionId: p.positionId, from: p.from, to: p.to ?? null });
    else if (p.to && p.to !== same.to) {
      same.to = p.to;
      changed.add(same);
    }
  }
  all.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  all.forEach((h, i) => {
    const next = all[i + 1];
    if (h.to !== null || !next) return;
    const dayBefore = addDays(next.from, -1);
    h.to = dayBefore < h.from ? h.from : dayBefore;
    changed.add(h);
  });
  return {
    added: all.filter((h) => h.id === null),
    closed: [...changed].filter((h): h is Held & { id: string; to: string } => h.id !== null && h.to !== null),
  };
}

export async function importOfficials(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  input: { fileName: string; contentBase64: string; dryRun: boolean },
) {
  await assertAgencyInScope(db, auth, "anticorruption.write", auth.agencyId);
  await ensurePositionCatalogue(db);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input.contentBase64, "base64") as unknown as ArrayBuffer);
  } catch {
    fail("AC_IMPORT_FILE_INVALID", "contentBase64");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) fail("AC_IMPORT_FILE_INVALID", "contentBase64");
  const agencyId = auth.agencyId;
  const [units, positions, existing] = await Promise.all([
    db
      .selectFrom("agency as u")
      .innerJoin("agency as a", (j) => j.onTrue())
      .select(["u.id", "u.code"])
      .where("a.id", "=", agencyId)
      .where(sql<boolean>`u.path like a.path || '%'`)
      .execute(),
    db.selectFrom("ac_position").select(["id", "code"]).execute(),
    db.selectFrom("ac_official").select(["id", "code"]).where("agency_id", "=", agencyId).execute(),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code.toUpperCase(), u.id]));
  const positionByCode = new Map(positions.map((p) => [p.code.toUpperCase(), p.id]));
  const refused: Refused[] = [];
  const people = new Map<string, { body: Record<string, unknown>; rows: number[]; positionRows: number[] }>();
  let rows = 0;
  sheet.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    const v = {} as Record<Key, string>;
    IMPORT_COLUMNS.forEach((c, i) => {
      v[c.key] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(v).every((x) => !x)) return;
    rows++;
    const refuse = (field: Key, message: string) =>
      refused.push({ row: n, code: v.code, field: LABEL[field] ?? field, message });
    if (!v.code) return refuse("code", "Nhập mã cán bộ.");
    const unitId = unitByCode.get(v.unit.toUpperCase());
    if (!unitId) return refuse("unit", `Không có đơn vị mã “${v.unit}” trong cơ quan.`);
    let positionId: string | undefined;
    if (v.position) {
      positionId = positionByCode.get(v.position.toUpperCase());
      if (!positionId) return refuse("position", `Không có vị trí mã “${v.position}” trong danh mục.`);
    }
    const years = v.verifiedYears
      ? v.verifiedYears
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map((y) => (/^\d{4}$/.test(y) ? Number(y) : y))
      : [];
    const person = people.get(v.code) ?? {
      body: {
        code: v.code,
        fullName: v.fullName,
        unitAgencyId: unitId,
        birthDate: isoOf(v.birthDate),
        rank: v.rank || undefined,
        expectedRetirement: isoOf(v.expectedRetirement),
        declaredBefore: /^(có|co|x|1|true)$/i.test(v.declaredBefore),
        verifiedYears: years,
        email: v.email || undefined,
        phone: v.phone || undefined,
        positions: [] as unknown[],
      },
      rows: [],
      positionRows: [],
    };
    person.rows.push(n);
    if (positionId) {
      (person.body.positions as unknown[]).push({ positionId, from: isoOf(v.from), to: isoOf(v.to) });
      person.positionRows.push(n);
    }
    people.set(v.code, person);
  });
  const valid: OfficialBody[] = [];
  const FIELD_KEY: Record<string, Key> = {
    code: "code",
    fullName: "fullName",
    birthDate: "birthDate",
    rank: "rank",
    expectedRetirement: "expectedRetirement",
    verifiedYears: "verifiedYears",
    declaredBefore: "declaredBefore",
    email: "email",
    phone: "phone",
  };
  for (const [code, person] of people) {
    const parsed = officialBody.safeParse(person.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String);
      let row = person.rows[0]!;
      let field: string = LABEL[FIELD_KEY[path[0] ?? ""] ?? "code"] ?? path.join(".");
      if (path[0] === "positions") {
        row = person.positionRows[Number(path[1])] ?? row;
        field = path[2] === "to" ? LABEL.to! : LABEL.from!;
      }
      refused.push({ row, code, field, message: firstIssue(parsed.error).message.replace(/^[\w.]+: /, "") });
      continue;
    }
    valid.push(parsed.data);
  }
  refused.sort((a, b) => a.row - b.row);
  const known = new Map(existing.map((e) => [e.code, e.id]));
  const created = valid.filter((b) => !known.has(b.code)).length;
  const updated = valid.length - created;
  if (refused.length || input.dryRun)
    return {
      rows,
      created: refused.length ? 0 : created,
      updated: refused.length ? 0 : updated,
      refused,
      saved: false,
    };
  await db.transaction().execute(async (trx) => {
    for (const body of valid) {
      const columns = {
        code: body.code,
        full_name: body.fullName,
        search_text: normalizeForMatch(`${body.code} ${body.fullName}`),
        unit_agency_id: body.unitAgencyId,
        birth_date: body.birthDate ?? null,
        rank: body.rank ?? null,
        expected_retirement: body.expectedRetirement ?? null,
        declared_before: body.declaredBefore,
        verified_years: [...new Set(body.verifiedYears)].sort(),
        // A blank cell keeps the address or phone already recorded.
        ...(body.email ? { email: body.email } : {}),
        ...(body.phone ? { phone: body.phone } : {}),
      };
      let id = known.get(body.code);
      if (id) {
        await trx
          .updateTable("ac_official")
          .set((eb) => ({ ...columns, version: eb("version", "+", 1), updated_at: new Date() }))
          .where("id", "=", id)
          .execute();
      } else {
        id = (
          await trx
            .insertInto("ac_official")
            .values({ ...columns, agency_id: agencyId, created_by: actor.userId })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      }
      const history = known.has(body.code)
        ? await trx
            .selectFrom("ac_official_position")
            .select(["id", "position_id", "from_date", "to_date"])
            .where("official_id", "=", id)
            .execute()
        : [];
      const merged = mergeHistory(
        history.map((h) => ({ id: h.id, positionId: h.position_id, from: h.from_date, to: h.to_date })),
        body.positions,
      );
      for (const h of merged.closed)
        await trx.updateTable("ac_official_position").set({ to_date: h.to }).where("id", "=", h.id).execute();
      const officialId = id;
      if (merged.added.length)
        await trx
          .insertInto("ac_official_position")
          .values(
            merged.added.map((p) => ({
              official_id: officialId,
              position_id: p.positionId,
              from_date: p.from,
              to_date: p.to,
            })),
          )
          .execute();
    }
    await recordAudit(trx, actor, {
      action: "anticorruption.officials.imported",
      entityType: "ac_official",
      summary: { fileName: input.fileName, rows, created, updated },
    });
  });
  return { rows, created, updated, refused, saved: true };
}
