/**
 * What a downloaded document is called: its kind, the petition's or the case's code and its date,
 * as an officer would file it ("Phiếu đề xuất thụ lý đơn_LC.SCT-2026-000123_05-12-2026.docx"), a
 * draft marked "du-thao". Browsers get an ASCII name and the Vietnamese one (RFC 6266 / RFC 5987).
 */
import { todayInVietnam } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export interface DocumentNaming {
  /** The form's name ("Phiếu đề xuất thụ lý đơn"); a parenthesis is left out. */
  kind: string;
  /** The petition's or the case's code; null for a document of neither (a reception session). */
  ownerCode: string | null;
  /** The issue date, or the day of the download for a draft (ISO). */
  date: string;
  draft: boolean;
}

/** "dd-mm-yyyy": a date that sorts nowhere but reads as officers write it, without slashes. */
function dayText(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}-${m}-${y}`;
}

/** The Vietnamese file name. */
export function documentFileName(n: DocumentNaming): string {
  const kind = n.kind
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/[\\/:*?"<>|_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const parts = [n.draft ? "du-thao" : null, kind, n.ownerCode?.replace(/[\\/:*?"<>|_\s]+/g, "-"), dayText(n.date)];
  return `${parts.filter(Boolean).join("_")}.docx`;
}

/** The same name in ASCII letters, words joined by "-". */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-*_-*/g, "_")
    .replace(/^-+|-+(?=\.docx$)/g, "");
}

/** RFC 5987 value: percent-encoded UTF-8 of everything but attr-char. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition header of a download named `name`. */
export function documentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** The naming of a stored document: its owner's code read from the petition or the case. */
export async function namingOf(
  db: Kysely<DB>,
  doc: { entityType: string; entityId: string; formName: string; status: string; issuedOn: string | null },
): Promise<DocumentNaming> {
  const owner =
    doc.entityType === "petition"
      ? await db.selectFrom("petition").select("code").where("id", "=", doc.entityId).executeTakeFirst()
      : doc.entityType === "case"
        ? await db.selectFrom("resolution_case").select("code").where("id", "=", doc.entityId).executeTakeFirst()
        : undefined;
  const draft = doc.status === "draft";
  return {
    kind: doc.formName,
    ownerCode: owner?.code ?? null,
    date: !draft && doc.issuedOn ? doc.issuedOn : todayInVietnam(),
    draft,
  };
}
