/**
 * A letter's own texts (title, summary, content) at rest. A letter that may be a denunciation —
 * not yet classified, or classified as one — may carry its writer's name, ID number, address,
 * phone or e-mail anywhere in its text (Điều 9 khoản 1 Luật Tố cáo 2018 keeps them secret). Such a
 * letter keeps its texts sealed by the key ring (`texts_sealed`), and its clear columns (title,
 * summary, content, excerpt, search text) hold the texts with the writers' data masked: lists,
 * searches, exports and documents built for anyone read only those, and a copy of the database
 * alone reveals no writer. Those entitled to the writer (the handlers before classification, the
 * assigned resolvers after) get the original through `openLetterTexts`.
 *
 * Once a letter is classified as anything else, its texts go back to the clear columns and the
 * sealed copy is dropped: a complaint's writer is not secret.
 */
import { normalizeForMatch, type PetitionKind, type Petitioner } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";
import { handlesLettersOf, mayBeDenunciation } from "./access.ts";
import { excerptOf, publicTexts, writerShown } from "./masks.ts";
import { readWritersOf } from "./parties.ts";

export interface LetterTexts {
  title: string | null;
  summary: string | null;
  content: string;
}

const context = SEALED.letterTexts.context;

export function sealLetterTexts(petitionId: string, texts: LetterTexts): string {
  const { title, summary, content } = texts;
  return keyRing().seal(JSON.stringify({ title, summary, content }), context(petitionId));
}

/** The letter's original texts: unsealed when sealed, else the clear columns (which are then it). */
export function openLetterTexts(row: {
  id: string;
  texts_sealed: string | null;
  title: string | null;
  summary: string | null;
  content: string;
}): LetterTexts {
  if (!row.texts_sealed) return { title: row.title, summary: row.summary, content: row.content };
  return JSON.parse(keyRing().open(row.texts_sealed, context(row.id))) as LetterTexts;
}

/**
 * The texts stored in clear for a letter of this kind: as they are when it is not a possible
 * denunciation, else with its writers' data masked, and any phone number, e-mail address or
 * identity number (which a writer may give in the text alone) masked by its shape too.
 */
export function clearLetterTexts(
  texts: LetterTexts,
  kind: PetitionKind | null,
  writers: readonly Petitioner[],
): LetterTexts {
  return mayBeDenunciation(kind) ? publicTexts(texts, "denunciation", writers) : texts;
}

/** The sealed copy for the clear columns' texts: only when they were masked. */
export function sealedLetterTexts(petitionId: string, raw: LetterTexts, kind: PetitionKind | null): string | null {
  return mayBeDenunciation(kind) ? sealLetterTexts(petitionId, raw) : null;
}

/**
 * Keyed hashes of what a handler may search an unclassified letter's writer by: the full name
 * (accent-free), the identity number, the phone (as 0xxxxxxxxx) and the e-mail. The letter's
 * search text leaves its writers out until it is classified; these let its handlers still find
 * it by a writer, without the database holding who wrote it.
 */
export function writerKeys(writers: readonly Petitioner[]): string[] {
  const ring = keyRing();
  const keys = new Set<string>();
  for (const p of writers) {
    const any = p as unknown as Record<string, string | null | undefined>;
    const name = p.kind === "person" ? p.fullName : p.name;
    const number = p.kind === "person" ? p.identity?.number : p.taxCode;
    for (const key of [nameKey(name), numberKey(number), numberKey(any.phone), mailKey(any.email)]) {
      if (key) keys.add(ring.blind(key));
    }
    if (p.kind !== "person") {
      const rep = any.representativeName;
      if (rep) keys.add(ring.blind(nameKey(rep)!));
    }
  }
  return [...keys];
}

/** The keys a search needle would match, hashed like writerKeys (empty when it cannot be one). */
export function writerNeedleKeys(q: string): string[] {
  const ring = keyRing();
  const keys = [nameKey(q), numberKey(q), mailKey(q)].filter((k): k is string => !!k);
  return [...new Set(keys)].map((k) => ring.blind(k));
}

function nameKey(name: string | null | undefined): string | null {
  const folded = name ? normalizeForMatch(name) : "";
  return folded.includes(" ") ? `name:${folded}` : null;
}

/** An identity number or a phone, by its digits; a phone in +84 form as 0 and nine digits. */
function numberKey(value: string | null | undefined): string | null {
  if (!value || /[a-z]/i.test(value.replace(/^\s*\+/, ""))) return null;
  let digits = value.replace(/\D/g, "");
  if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 9 ? `number:${digits}` : null;
}

function mailKey(value: string | null | undefined): string | null {
  const mail = value?.trim().toLowerCase();
  return mail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mail) ? `mail:${mail}` : null;
}

/**
 * The writer and excerpt a list shows an unclassified letter's handlers, from its sealed writers
 * and texts: one query for the page's rows. Rows the caller does not handle are left out (the
 * list masks them).
 */
export async function revealUnclassified(
  db: Kysely<DB> | Transaction<DB>,
  auth: AuthContext,
  rows: readonly {
    id: string;
    agency_id: string;
    kind: string | null;
    anonymous: boolean;
    texts_sealed: string | null;
    title: string | null;
    summary: string | null;
    content: string;
  }[],
): Promise<Map<string, { petitioner: string; excerpt: string }>> {
  const handled = rows.filter((r) => r.kind === null && handlesLettersOf(auth, r.agency_id));
  const writers = await readWritersOf(
    db,
    handled.map((r) => r.id),
  );
  return new Map(
    handled.map((r) => [
      r.id,
      {
        petitioner: writerShown({ anonymous: r.anonymous, petitioners: writers.get(r.id) ?? [] }),
        excerpt: excerptOf(openLetterTexts(r)).slice(0, 200),
      },
    ]),
  );
}
