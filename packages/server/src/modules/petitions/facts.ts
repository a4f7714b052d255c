/**
 * From request bodies and stored rows to the facts the handling rules read, and to the derived
 * columns lists and searches use (display names, search text, duplicate keys).
 */
import {
  contentFingerprint,
  normalizeForMatch,
  personKey,
  respondentKey,
  type PetitionFacts,
  type PetitionKind,
  type Petitioner,
  type PersonLike,
} from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import { keyRing } from "../../platform/vault.ts";
import { clearLetterTexts, sealedLetterTexts, writerKeys } from "../identity/letter-texts.ts";
import { excerptOf, petitionerDisplay } from "../identity/masks.ts";

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

/**
 * Accent-free text of everything a handler searches by. The writer of a letter that is, or may
 * yet be, a denunciation is left out, so a search by name cannot reveal who denounced (an
 * unclassified letter's handlers find it by its writer through identity/letter-texts.ts writerKeys).
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

/**
 * The columns derived from a letter's texts for its kind: the clear texts (masked when it may be
 * a denunciation), their sealed original, the list excerpt, the search texts and the writer keys
 * of its handlers' search.
 */
export function letterColumns(
  row: { id: string; code: string; forwarded_by: unknown; anonymous: boolean },
  raw: { title: string | null; summary: string | null; content: string },
  kind: PetitionKind | null,
  parties: { petitioners: Petitioner[]; respondents: CreatePetitionBody["respondents"] },
) {
  const clear = clearLetterTexts(raw, kind, parties.petitioners);
  const body = { ...parties, ...clear, forwardedBy: row.forwarded_by as CreatePetitionBody["forwardedBy"] };
  return {
    title: clear.title,
    summary: clear.summary,
    content: clear.content,
    texts_sealed: sealedLetterTexts(row.id, raw, kind),
    writer_keys: kind === null ? writerKeys(parties.petitioners) : [],
    petitioner_display: petitionerDisplay({ anonymous: row.anonymous, petitioners: parties.petitioners }, kind),
    search_names: searchNamesOf(row.code, body, kind),
    search_text: searchTextOf(row.code, body, kind),
    excerpt: excerptOf(clear),
  };
}
