/**
 * What is shown in place of a protected writer: the labels lists carry for a denouncer and for a
 * letter not yet classified, the list row each caller reads, and a letter's texts with the
 * writers' personal data masked for those who may not see them (access.ts).
 */
import {
  petitionerName,
  redactorFor,
  type PetitionKind,
  type Petitioner,
  type RedactionSubject,
} from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import { handlesLettersOf } from "./access.ts";

/** What lists show for the writer of a denunciation: the identity stays with the case. */
export const DENOUNCER_MASK = "Người tố cáo (thông tin được bảo mật)";
export const ANONYMOUS_LABEL = "Đơn nặc danh";
/** A letter not yet classified may be a denunciation: shown like one to all but its handlers. */
export const UNCLASSIFIED_WRITER_MASK = "Người viết đơn (bảo mật cho đến khi đơn được phân loại)";
export const UNCLASSIFIED_TEXT_MASK = "(Nội dung được che cho đến khi đơn được phân loại)";

/** The writer and text a list row shows to the caller (`revealed`: see revealUnclassified). */
export function listedTexts(
  auth: { agencyId: string; grants: readonly { permission: string }[] },
  row: {
    id: string;
    agency_id: string;
    kind: string | null;
    petitioner_display: string;
    excerpt: string | null;
    summary?: string | null;
    content: string;
  },
  revealed?: ReadonlyMap<string, { petitioner: string; excerpt: string }>,
): { petitioner: string; excerpt: string } {
  if (row.kind === null) {
    const shown = handlesLettersOf(auth, row.agency_id) ? revealed?.get(row.id) : undefined;
    return shown ?? { petitioner: UNCLASSIFIED_WRITER_MASK, excerpt: UNCLASSIFIED_TEXT_MASK };
  }
  return { petitioner: row.petitioner_display, excerpt: (row.excerpt ?? excerptOf(row)).slice(0, 200) };
}

export function petitionerDisplay(
  body: Pick<CreatePetitionBody, "anonymous" | "petitioners">,
  kind: PetitionKind | null,
): string {
  if (body.anonymous) return ANONYMOUS_LABEL;
  if (kind === "denunciation") return DENOUNCER_MASK;
  // Stored as the column lists read: an unclassified letter's writer is shown to its handlers
  // from the sealed writers (writerShown), never from a column in clear.
  if (kind === null) return UNCLASSIFIED_WRITER_MASK;
  return writerShown(body);
}

/** The writer as a list shows it to one who may see the writers: name, address, co-signers. */
export function writerShown(body: Pick<CreatePetitionBody, "anonymous" | "petitioners">): string {
  if (body.anonymous) return ANONYMOUS_LABEL;
  const [first, ...rest] = body.petitioners;
  if (!first) return "";
  const name = petitionerName(first);
  const where = first.address ? `, ${first.address}` : "";
  return rest.length ? `${name}${where} và ${rest.length} người khác` : `${name}${where}`;
}

/** What the redaction looks for in a letter's text: every writer's name, address, numbers, contacts. */
export function redactionSubjects(petitioners: readonly Petitioner[]): RedactionSubject[] {
  return petitioners.flatMap((p) => {
    const any = p as unknown as Record<string, unknown>;
    const contact = { phone: any.phone as string | null, email: any.email as string | null };
    if (p.kind === "person")
      return [{ name: p.fullName, address: p.address, numbers: [p.identity?.number], ...contact }];
    // An organisation that denounces: its name, address, tax code and its representative.
    const rep = any.representativeIdentity as { number?: string } | null | undefined;
    return [
      { name: p.name, address: p.address, numbers: [p.taxCode], ...contact },
      { name: any.representativeName as string | null, numbers: [rep?.number] },
    ];
  });
}

/**
 * A letter's texts as someone who may not see a denouncer reads them: the writers' personal data
 * masked. Texts of other petitions are returned as they are.
 */
export function publicTexts<T extends { title?: string | null; summary?: string | null; content: string }>(
  texts: T,
  kind: PetitionKind | null,
  petitioners: readonly Petitioner[],
): T {
  if (kind !== "denunciation") return texts;
  const redact = redactorFor(redactionSubjects(petitioners));
  const mask = (t: string | null | undefined) => (t ? redact(t) : t);
  return { ...texts, title: mask(texts.title), summary: mask(texts.summary), content: mask(texts.content) ?? "" };
}

/** The short text lists, duplicate matches and exports show. */
export function excerptOf(texts: { summary?: string | null; content: string }): string {
  return (texts.summary || texts.content).slice(0, 300);
}
