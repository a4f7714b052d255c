/**
 * What the letterhead, the symbol and the date line say about the issuing agency. An agency may
 * set each item (`doc_parent_name`, `doc_abbreviation`, `doc_place`); otherwise it is derived
 * from the agency tree the way clerks write it (NĐ 30/2020, Phụ lục I and III).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { fail } from "../../platform/errors.ts";
import type { IssuingAgency } from "./templates.ts";

export interface AgencyFacts {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  docAbbreviation: string | null;
  docPlace: string | null;
  docParentName: string | null;
}

const COMMITTEES = new Set(["province_committee", "commune_committee", "district_committee"]);
const PLACE_WORDS = "tỉnh|thành phố|thị xã|thị trấn|huyện|quận|xã|phường|đặc khu";
const PLACE = new RegExp(`(?:^|\\s)(?:${PLACE_WORDS})\\s+(.+)$`, "iu");
const PLACE_SUFFIX = new RegExp(`\\s+(?:${PLACE_WORDS})\\s+.+$`, "iu");

/** The name without a note in brackets ("… (trước sáp nhập)"). */
function bare(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/u, "").trim();
}

/** "UBND" and "HĐND" are written out in the agency line of the letterhead. */
function spelledOut(name: string): string {
  return name.replace(/^UBND\b/u, "Ủy ban nhân dân").replace(/^HĐND\b/u, "Hội đồng nhân dân");
}

/** "Lào Cai" from "Sở Công Thương tỉnh Lào Cai", "Bắc Hà" from "UBND xã Bắc Hà". */
export function placeInName(name: string): string | null {
  const match = PLACE.exec(bare(name));
  return match?.[1]?.trim() || null;
}

/** "SCT" from "Sở Công Thương", "SNNMT" from "Sở Nông nghiệp và Môi trường". */
export function initials(name: string): string {
  const words = bare(name).replace(PLACE_SUFFIX, "").split(/\s+/u).filter(Boolean);
  return words
    .filter((w) => w.toLocaleLowerCase("vi") !== "và")
    .map((w) => (w.length > 1 && w === w.toLocaleUpperCase("vi") ? w : w[0]!.toLocaleUpperCase("vi")))
    .join("")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function abbreviationOf(agency: AgencyFacts): string {
  if (agency.docAbbreviation) return agency.docAbbreviation;
  if (COMMITTEES.has(agency.kind)) return "UBND";
  if (agency.kind === "province_inspectorate") return "TTr";
  if (agency.kind === "government_inspectorate") return "TTCP";
  return initials(agency.shortName ?? agency.name) || "CQ";
}

/**
 * @param agency the issuing agency
 * @param ancestors its parents, nearest first
 */
export function issuingAgencyOf(agency: AgencyFacts, ancestors: AgencyFacts[]): IssuingAgency {
  const parent = ancestors[0] ?? null;
  // People's committees carry no line above their name; other bodies carry their parent's.
  const parentName = agency.docParentName ?? (parent && !COMMITTEES.has(agency.kind) ? bare(parent.name) : null);
  const name = spelledOut(bare(agency.name));
  // Under the parent's line the agency's own short name suffices ("UBND TỈNH LÀO CAI" above
  // "SỞ CÔNG THƯƠNG"); without it the full name stands alone.
  const headerName = parentName && agency.shortName ? agency.shortName : name;
  const place =
    agency.docPlace ??
    [agency, ...ancestors].map((a) => a.docPlace ?? placeInName(a.name)).find((p): p is string => Boolean(p)) ??
    "";
  return {
    name,
    shortName: spelledOut(agency.shortName ?? name),
    headerName: spelledOut(headerName),
    parentName,
    abbreviation: abbreviationOf(agency),
    place,
  };
}

/** Loads the agency and its ancestors and derives its letterhead. */
export async function loadIssuingAgency(db: Kysely<DB>, agencyId: string): Promise<IssuingAgency> {
  const adb = db;
  const own = await adb.selectFrom("agency").select(["path"]).where("id", "=", agencyId).executeTakeFirst();
  if (!own) fail("AGENCY_NOT_FOUND", "agencyId");
  const chain = own.path.split("/").filter(Boolean);
  const rows = await adb
    .selectFrom("agency")
    .select(["id", "name", "short_name", "kind", "doc_abbreviation", "doc_place", "doc_parent_name"])
    .where("id", "in", chain)
    .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        shortName: r.short_name,
        kind: r.kind,
        docAbbreviation: r.doc_abbreviation,
        docPlace: r.doc_place,
        docParentName: r.doc_parent_name,
      } satisfies AgencyFacts,
    ]),
  );
  const ordered = chain
    .reverse()
    .map((id) => byId.get(id))
    .filter((a): a is AgencyFacts => a !== undefined);
  const [agency, ...ancestors] = ordered;
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  return issuingAgencyOf(agency, ancestors);
}
