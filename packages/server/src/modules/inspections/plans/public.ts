/**
 * The public feed of issued plans (Nghị quyết 198/2025/QH15: inspection and check plans
 * concerning enterprises, business households and individuals are made public), as JSON, Excel
 * and CSV, without signing in. It reads each plan's last issued version as its decision issued it
 * (a draft adjustment is not public until issued), lists only the items with a subject that is
 * not a state body, and of those subjects prints the name, and the tax code only of an enterprise
 * or household (never an individual's, never a personal identification number).
 */
import { PLAN_BASIS } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { fail } from "../../../platform/errors.ts";
import { tableWorkbook } from "../../../platform/excel.ts";

interface SnapshotItem {
  seq: number;
  activity: string;
  kind: string;
  content: string;
  field: string | null;
  period: string;
  time: string;
  leadingUnit: string | null;
  cancelled: boolean;
  subjectList?: { name: string; taxCode: string | null; kind: string }[];
}

export interface PublicPlanItem {
  agencyName: string;
  decision: string | null;
  seq: number;
  activity: string;
  kind: string;
  subjects: { name: string; taxCode: string | null; kind: string }[];
  content: string;
  field: string | null;
  period: string;
  time: string;
  leadingUnit: string | null;
}

const NQ198_PUBLICATION = PLAN_BASIS.publication;

const KIND_WORDS: Record<string, string> = {
  enterprise: "Doanh nghiệp",
  household: "Hộ kinh doanh",
  individual: "Cá nhân",
};

export async function publicPlanItems(
  db: Kysely<DB>,
  query: { year: number; agency?: string | undefined },
): Promise<{ year: number; basis: string; items: PublicPlanItem[] }> {
  let q = db
    .selectFrom("inspection_plan_version as v")
    .innerJoin("inspection_plan as p", "p.id", "v.plan_id")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .select(["a.name as agency_name", "v.decision_symbol", "v.items"])
    .where("p.year", "=", query.year)
    .where("v.status", "=", "issued");
  if (query.agency) {
    const agency = await db.selectFrom("agency").select("id").where("code", "=", query.agency).executeTakeFirst();
    if (!agency) fail("AGENCY_NOT_FOUND", "agency");
    q = q.where("p.agency_id", "=", agency.id);
  }
  const rows = await q.orderBy("a.name").execute();
  const items: PublicPlanItem[] = [];
  for (const r of rows) {
    const snapshot = (typeof r.items === "string" ? JSON.parse(r.items) : r.items) as SnapshotItem[] | null;
    for (const i of snapshot ?? []) {
      if (i.cancelled) continue;
      const subjects = (i.subjectList ?? [])
        .filter((s) => s.kind !== "state_body")
        .map((s) => ({
          name: s.name,
          taxCode: s.kind === "individual" || (s.taxCode && /^\d{12}$/.test(s.taxCode)) ? null : s.taxCode,
          kind: KIND_WORDS[s.kind] ?? s.kind,
        }));
      if (subjects.length === 0) continue;
      items.push({
        agencyName: r.agency_name,
        decision: r.decision_symbol,
        seq: i.seq,
        activity: i.activity,
        kind: i.kind,
        subjects,
        content: i.content,
        field: i.field,
        period: i.period,
        time: i.time,
        leadingUnit: i.leadingUnit,
      });
    }
  }
  return { year: query.year, basis: NQ198_PUBLICATION, items };
}

const HEADERS = [
  "Cơ quan",
  "Quyết định",
  "STT",
  "Hoạt động",
  "Loại cuộc",
  "Đối tượng",
  "Mã số thuế",
  "Nội dung",
  "Lĩnh vực",
  "Thời kỳ",
  "Thời gian",
  "Đơn vị chủ trì",
];

function rowsOf(items: readonly PublicPlanItem[]): string[][] {
  return items.map((i) => [
    i.agencyName,
    i.decision ?? "",
    String(i.seq),
    i.activity,
    i.kind,
    i.subjects.map((s) => s.name).join("; "),
    i.subjects
      .map((s) => s.taxCode ?? "")
      .filter(Boolean)
      .join("; "),
    i.content,
    i.field ?? "",
    i.period,
    i.time,
    i.leadingUnit ?? "",
  ]);
}

export async function publicPlansWorkbook(year: number, items: readonly PublicPlanItem[]): Promise<Buffer> {
  return tableWorkbook({
    sheetName: `Ke hoach ${year}`,
    agencyName: "Danh mục công khai",
    title: `KẾ HOẠCH THANH TRA, KIỂM TRA NĂM ${year} ĐỐI VỚI DOANH NGHIỆP, HỘ KINH DOANH, CÁ NHÂN`,
    subtitle: `Công khai theo ${NQ198_PUBLICATION}`,
    columns: HEADERS.map((header, i) => ({ header, width: [28, 16, 6, 16, 12, 36, 16, 44, 20, 24, 16, 24][i]! })),
    rows: rowsOf(items),
  });
}

function csvField(value: string): string {
  // A leading =, +, -, @ would run as a formula in a spreadsheet: quoted with an apostrophe.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function publicPlansCsv(items: readonly PublicPlanItem[]): string {
  const lines = [HEADERS, ...rowsOf(items)].map((r) => r.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
