/**
 * From request bodies and stored rows to the facts the handling rules read, and to the derived
 * columns lists and searches use (display names, search text, duplicate keys).
 */
import {
  contentFingerprint,
  normalizeForMatch,
  personKey,
  petitionerName,
  redactorFor,
  respondentKey,
  type PetitionFacts,
  type RedactionSubject,
  type PetitionKind,
  type Petitioner,
  type PersonLike,
} from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import { keyRing } from "../../platform/vault.ts";

/** What lists show for the writer of a denunciation: the identity stays with the case. */
export const DENOUNCER_MASK = "Người tố cáo (thông tin được bảo mật)";
export const ANONYMOUS_LABEL = "Đơn nặc danh";
/** A letter not yet classified may be a denunciation: shown like one to all but its handlers. */
export const UNCLASSIFIED_WRITER_MASK = "Người viết đơn (bảo mật cho đến khi đơn được phân loại)";
export const UNCLASSIFIED_TEXT_MASK = "(Nội dung được che cho đến khi đơn được phân loại)";

/**
 * Whether the caller handles the letters of an agency (petition.write there): the only people who
 * read a letter before it is classified, since it may turn out to be a denunciation.
 */
export function handlesLettersOf(
  auth: { agencyId: string; grants: readonly { permission: string }[] },
  agencyId: string,
) {
  return auth.agencyId === agencyId && auth.grants.some((g) => g.permission === "petition.write");
}

/**
 * Whether a letter of this kind may be, or is, a denunciation: not yet classified, or classified
 * as one. Its writer is protected (Điều 9 khoản 1 Luật Tố cáo 2018) and its texts sealed.
 */
export function mayBeDenunciation(kind: string | null): boolean {
  return kind === null || kind === "denunciation";
}

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

export function personOf(p: Petitioner): PersonLike {
  if (p.kind === "person") return { fullName: p.fullName, address: p.address, idNumber: p.identity?.number ?? null };
  return { fullName: p.name, address: p.address, idNumber: p.taxCode ?? null };
}

/**
 * Both keys of each writer (identity number and name + address), so letters with and without the
 * number meet. Stored and compared as keyed hashes: the index finds "the same person" without the
 * database holding who that person is (a writer may be a denouncer).
 */
export function personKeys(petitioners: readonly Petitioner[]): string[] {
  const ring = keyRing();
  const keys = new Set<string>();
  for (const p of petitioners) {
    const person = personOf(p);
    for (const key of [personKey(person), personKey({ fullName: person.fullName, address: person.address })]) {
      // The kind of key stays readable ("id:" = an identity number), the person does not.
      if (key) keys.add(key.startsWith("id:") ? `id:${ring.blind(key)}` : ring.blind(key));
    }
  }
  return [...keys];
}

export function respondentKeys(respondents: readonly { name: string }[]): string[] {
  return [...new Set(respondents.map((r) => respondentKey(r.name)).filter(Boolean))];
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
  const person = personOf(first);
  const name = petitionerName(first);
  const where = person.address ? `, ${person.address}` : "";
  return rest.length ? `${name}${where} và ${rest.length} người khác` : `${name}${where}`;
}

/**
 * Accent-free text of everything a handler searches by. The writer of a letter that is, or may
 * yet be, a denunciation is left out, so a search by name cannot reveal who denounced (an
 * unclassified letter's handlers find it by its writer through letter-texts.ts writerKeys).
 */
export function searchTextOf(
  code: string,
  body: Pick<CreatePetitionBody, "petitioners" | "respondents" | "title" | "summary" | "content" | "forwardedBy">,
  kind: PetitionKind | null,
): string {
  const parts: string[] = [code];
  if (kind !== null && kind !== "denunciation") {
    for (const p of body.petitioners) {
      const person = personOf(p);
      parts.push(person.fullName ?? "", person.address ?? "", person.idNumber ?? "");
    }
  }
  for (const r of body.respondents) parts.push(r.name, r.address ?? "");
  if (body.forwardedBy) parts.push(body.forwardedBy.agencyName, body.forwardedBy.documentNumber);
  // The first 1,000 characters: enough for the matter and the names in it, and it keeps the
  // trigram index of a million petitions to a size one server holds in memory.
  parts.push(body.title ?? "", body.summary ?? "", body.content.slice(0, 1000));
  return normalizeForMatch(parts.filter(Boolean).join(" \u2022 "));
}

/** Names, respondents, codes and document numbers, accent-free: the short text names are searched in. */
export function searchNamesOf(
  code: string,
  body: Pick<CreatePetitionBody, "petitioners" | "respondents" | "forwardedBy">,
  kind: PetitionKind | null,
): string {
  const parts: string[] = [code];
  if (kind !== null && kind !== "denunciation") {
    for (const p of body.petitioners) {
      const person = personOf(p);
      parts.push(person.fullName ?? "", person.idNumber ?? "");
    }
  }
  for (const r of body.respondents) parts.push(r.name);
  if (body.forwardedBy) parts.push(body.forwardedBy.documentNumber);
  return normalizeForMatch(parts.filter(Boolean).join(" \u2022 "));
}

export function simhashOf(content: string): string {
  return contentFingerprint(content).simhash;
}

export function initialFacts(body: CreatePetitionBody): PetitionFacts {
  return {
    status: "REGISTERED",
    channel: body.channel,
    receivedOn: body.receivedOn,
    forwardedBy: body.forwardedBy ?? null,
    anonymous: body.anonymous,
    impersonated: body.impersonated,
    language: body.language,
    notarisedTranslation: body.notarisedTranslation ?? null,
    classification: null,
    eligibility: null,
    outcome: null,
    urgedOn: [],
  };
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
