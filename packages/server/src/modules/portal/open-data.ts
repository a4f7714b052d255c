/**
 * Open data (issue 20): per agency and period, how many petitions were received and handled, and
 * how many complaints and denunciations were resolved, on time or not — counted by the reports
 * engine's own indicator definitions (domain reports/indicators.ts, their SQL from
 * reports/compute.ts `indicatorWhere`), so the portal and the periodic reports never disagree.
 * Only counts per agency leave the server: no petition, no name, no code.
 */
import type { OpenDataView } from "@minhbach/domain/api/routes/portal";
import { INDICATORS, type Indicator } from "@minhbach/domain/reports/index";
import { todayInVietnam } from "@minhbach/domain";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { fail } from "../../platform/errors.ts";
import { indicatorWhere } from "../reports/aggregate.ts";

/** Each published figure: the indicators it adds up. */
const FIGURES = [
  { field: "petitionsReceived", codes: ["petitions_received"] },
  { field: "petitionsHandled", codes: ["petitions_handled"] },
  { field: "casesResolved", codes: ["complaints_resolved", "denunciations_resolved"] },
  { field: "casesResolvedOnTime", codes: ["complaints_on_time", "denunciations_on_time"] },
] as const;

type Field = (typeof FIGURES)[number]["field"];

/** The longest period asked at once: a few years of counts, not a scan of the whole history. */
const MAX_DAYS = 3 * 366;

const TABLES = { petition: { table: "petition", alias: "p" }, case: { table: "case_figures", alias: "c" } } as const;

function indicator(code: string): Indicator {
  const ind = INDICATORS[code];
  if (!ind || ind.measure !== "count" || (ind.source !== "petition" && ind.source !== "case"))
    throw new Error(`open data: indicator ${code} is not a count of petitions or cases`);
  return ind;
}

export async function openData(
  db: Kysely<DB>,
  query: { coQuan?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<OpenDataView> {
  const today = todayInVietnam();
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) fail("VALIDATION_FAILED", "from", "Từ ngày phải trước hoặc bằng Đến ngày.");
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS)
    fail("VALIDATION_FAILED", "from", "Kỳ số liệu dài tối đa 3 năm.");
  let agencies = db
    .selectFrom("agency")
    .select(["id", "code", "name"])
    .where("kind", "<>", "department_unit")
    .where("valid_from", "<=", to)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", from)]));
  if (query.coQuan) agencies = agencies.where("code", "=", query.coQuan);
  const list = await agencies.orderBy("path").execute();
  if (query.coQuan && !list.length) fail("AGENCY_NOT_FOUND", "coQuan", "Mã cơ quan (coQuan) không có trong danh sách.");
  const values = new Map<string, Record<Field, number>>(
    list.map((a) => [a.id, { petitionsReceived: 0, petitionsHandled: 0, casesResolved: 0, casesResolvedOnTime: 0 }]),
  );
  if (list.length) {
    for (const source of ["petition", "case"] as const) {
      const { table, alias } = TABLES[source];
      const wanted = FIGURES.flatMap((f) =>
        f.codes.map((code) => ({ field: f.field, ind: indicator(code) })).filter((w) => w.ind.source === source),
      );
      if (!wanted.length) continue;
      const columns = wanted.map(
        (w, i) => sql`count(*) filter (where ${indicatorWhere(w.ind, from, to)}) as ${sql.ref(`i${i}`)}`,
      );
      const result = await sql<Record<string, unknown>>`
        select ${sql.ref(`${alias}.agency_id`)} as agency_id, ${sql.join(columns)}
        from ${sql.table(table)} as ${sql.table(alias)}
        where ${sql.ref(`${alias}.agency_id`)} in (${sql.join(list.map((a) => sql`${a.id}`))})
        group by ${sql.ref(`${alias}.agency_id`)}`.execute(db);
      for (const row of result.rows) {
        const v = values.get(String(row.agency_id));
        if (!v) continue;
        wanted.forEach((w, i) => (v[w.field] += Number(row[`i${i}`] ?? 0)));
      }
    }
  }
  return {
    from,
    to,
    indicators: FIGURES.flatMap((f) => f.codes.map((code) => ({ field: f.field, code, name: indicator(code).name }))),
    rows: list.map((a) => ({ agencyCode: a.code, agencyName: a.name, ...values.get(a.id)! })),
  };
}

const CSV_HEADER = [
  "Mã cơ quan",
  "Tên cơ quan",
  "Từ ngày",
  "Đến ngày",
  "Đơn tiếp nhận trong kỳ",
  "Đơn đã xử lý trong kỳ",
  "Vụ việc khiếu nại, tố cáo đã giải quyết",
  "Trong đó giải quyết đúng thời hạn",
];

function cell(value: string | number): string {
  const s = String(value);
  // A text cell starting like a formula is quoted with a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so a spreadsheet opens the Vietnamese right; CRLF lines. */
export function openDataCsv(data: OpenDataView): string {
  const lines = [CSV_HEADER.map(cell).join(",")];
  for (const r of data.rows) {
    lines.push(
      [
        r.agencyCode,
        r.agencyName,
        data.from,
        data.to,
        r.petitionsReceived,
        r.petitionsHandled,
        r.casesResolved,
        r.casesResolvedOnTime,
      ]
        .map(cell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
