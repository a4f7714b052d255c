import { randomUUID } from "node:crypto";
/**
 * Petition handling (xử lý đơn, Thông tư 05/2021/TT-TTCP): intake from every channel into the
 * agency's yearly register, duplicate detection across the installation, classification and the
 * eligibility checklist, each outcome with its guard and its official document, the transfer to
 * another agency of the installation, follow-up and urging. The rules are the domain's
 * (petitionTransition and friends); this file loads facts, applies them and stores the result,
 * each change with its timeline event, its tracked deadline and its audit event in one
 * transaction.
 */
import {
  allowedOutcomes,
  awaitingAnswers,
  DomainError,
  formFor,
  fieldByCode,
  installFieldCatalog,
  normalizeForMatch,
  PETITION_FIELDS,
  PETITION_STATES,
  petitionDeadlines,
  petitionTransition,
  todayInVietnam,
  type PetitionActionInput,
  type PetitionFacts,
  type FieldGroup,
  type PetitionKind,
  type PetitionState,
  type ReportFieldGroup,
} from "@minhbach/domain";
import type {
  acceptPetitionBody,
  ApplyOutcomeBody,
  ClassifyPetitionBody,
  CreatePetitionBody,
  PetitionListQuery,
} from "@minhbach/domain/api/petitions";
import type { SearchedAs } from "@minhbach/domain/api/petition-views";
import { sql, type Kysely, type RawBuilder, type Transaction, type Updateable } from "kysely";
import type { z } from "zod";
import type { DB, PetitionTable } from "../../db/schema.ts";
import { assertAgencyInScope, can, inScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { takeRegisterNumber } from "../../platform/registers.ts";
import { RuleViolation, throwProblems } from "../../platform/problems.ts";
import { currentCalendar, listDueStatus, trackDeadline } from "../calendar/service.ts";
import { DEFAULT_DUE_SOON_DAYS } from "@minhbach/domain/legal-clock";
import { createDraft } from "../documents/service.ts";
import { initialFacts, letterColumns, personKeys, respondentKeys, simhashOf } from "./facts.ts";
import { identityAccess, mayBeDenunciation } from "../identity/access.ts";
import { openLetterTexts, revealUnclassified, writerNeedleKeys } from "../identity/letter-texts.ts";
import { ANONYMOUS_LABEL, DENOUNCER_MASK, listedTexts, writerShown } from "../identity/masks.ts";
import { readParties, readRespondents, writeParties } from "../identity/parties.ts";
import {
  destructionDocumentFields,
  documentTextMasker,
  URGE_REPORT_WORKING_DAYS,
  urgeDocumentFields,
} from "./follow-up-documents.ts";

export { RuleViolation };

// ---- Field catalogue ------------------------------------------------------------------------

/** Inserts the fields (lĩnh vực) shipped with the program that the catalogue does not have yet. */
export async function ensureFieldCatalog(db: Kysely<DB>): Promise<void> {
  const rows = PETITION_FIELDS.map((f, i) => ({
    code: f.code,
    name: f.name,
    field_group: f.group,
    report_group: f.reportGroup,
    active: !f.retired,
    sort: i,
  }));
  await db
    .insertInto("field_catalog")
    .values(rows)
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  await loadFieldCatalog(db);
}

/** Installs the installation's catalogue (as administrators keep it) for every check and label. */
export async function loadFieldCatalog(db: Kysely<DB> | Transaction<DB>): Promise<void> {
  const rows = await db.selectFrom("field_catalog").selectAll().orderBy("sort").orderBy("code").execute();
  installFieldCatalog(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      group: r.field_group as FieldGroup,
      reportGroup: r.report_group as ReportFieldGroup,
      ...(r.active ? {} : { retired: true }),
    })),
  );
}

// ---- Intake ---------------------------------------------------------------------------------

/**
 * Demo and import path: receives many petitions for one agency in one transaction, exactly as
 * intake does (register numbers, clocks, timeline, audit), without a signed-in user.
 */
export async function receiveMany(
  db: Kysely<DB>,
  actor: Actor,
  agencyId: string,
  bodies: readonly CreatePetitionBody[],
) {
  return db.transaction().execute(async (trx) => {
    const created: { id: string; code: string }[] = [];
    for (const body of bodies) created.push(await insertPetition(trx, actor, agencyId, body, null));
    return created;
  });
}

export interface CreateOptions {
  /** Intake into another agency's register (transfer inside the installation). */
  agencyId?: string;
  transferredFromId?: string;
}

/** Receives a petition into the agency's register: REGISTERED, with its handling deadline. */
export async function createPetition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: CreatePetitionBody,
  options: CreateOptions = {},
): Promise<{ id: string; code: string }> {
  const agencyId = options.agencyId ?? auth.agencyId;
  if (!options.agencyId) await assertAgencyInScope(db, auth, "petition.write", agencyId);
  if (body.receivedOn > todayInVietnam()) {
    fail("VALIDATION_FAILED", "receivedOn", "receivedOn: Ngày nhận đơn không được sau ngày hôm nay.");
  }
  return db
    .transaction()
    .execute((trx) => insertPetition(trx, actor, agencyId, body, options.transferredFromId ?? null));
}

async function insertPetition(
  trx: Transaction<DB>,
  actor: Actor,
  agencyId: string,
  body: CreatePetitionBody,
  transferredFromId: string | null,
): Promise<{ id: string; code: string }> {
  const year = Number(body.receivedOn.slice(0, 4));
  const agency = await trx.selectFrom("agency").select(["code"]).where("id", "=", agencyId).executeTakeFirstOrThrow();
  const seq = await takeRegisterNumber(trx, "petition", { agencyId, year });
  const code = `${agency.code}-${year}-${String(seq).padStart(6, "0")}`;
  const matter = await trx
    .insertInto("matter")
    .values({ agency_id: agencyId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const facts = initialFacts(body);
  const simhash = simhashOf(body.content);
  // Unclassified, the letter may be a denunciation: its texts are sealed, its columns masked.
  const id = randomUUID();
  const columns = letterColumns(
    { id, code, forwarded_by: body.forwardedBy ?? null, anonymous: body.anonymous },
    lettersOf(body),
    null,
    body,
  );
  const row = await trx
    .insertInto("petition")
    .values({
      id,
      agency_id: agencyId,
      code,
      seq_no: seq,
      received_on: body.receivedOn,
      written_on: body.writtenOn ?? null,
      channel: body.channel,
      visit_id: body.visitId ?? null,
      forwarded_by: body.forwardedBy ? JSON.stringify(body.forwardedBy) : null,
      transferred_from_id: transferredFromId,
      anonymous: body.anonymous,
      impersonated: body.impersonated,
      ...columns,
      language: body.language,
      field_code: body.fieldCode ?? null,
      state: facts.status,
      facts: JSON.stringify({ ...facts, intake: intakeExtras(body) }),
      matter_id: matter.id,
      respondent_display: body.respondents.map((r) => r.name).join("; "),
      signer_count: body.petitioners.length,
      person_keys: personKeys(body.petitioners),
      respondent_keys: respondentKeys(body.respondents),
      content_simhash: simhash,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await rememberWords(trx, columns.search_text);
  await writeParties(trx, row.id, body.petitioners, body.respondents);
  await syncDeadlines(trx, row.id, agencyId, code, { ...facts, id: row.id });
  await event(trx, actor, row.id, "received", null, facts.status, { channel: body.channel, transferredFromId });
  await recordAudit(trx, actor, {
    action: "petition.received",
    entityType: "petition",
    entityId: row.id,
    summary: { code, channel: body.channel, receivedOn: body.receivedOn, transferredFromId },
  });
  return { id: row.id, code };
}

/** Recomputes the duplicate keys of petitions from their (unsealed) writers: after sealing or a new index key. */
export async function refreshPersonKeys(db: Kysely<DB>, petitionIds: readonly string[]): Promise<void> {
  for (const id of petitionIds) {
    const { petitioners } = await readParties(db, id);
    await db
      .updateTable("petition")
      .set({ person_keys: personKeys(petitioners) })
      .where("id", "=", id)
      .execute();
  }
}

/** A letter's texts as typed, in the shape letter-texts.ts keeps them. */
function lettersOf(body: Pick<CreatePetitionBody, "title" | "summary" | "content">) {
  return { title: body.title ?? null, summary: body.summary ?? null, content: body.content };
}

/**
 * Seals the texts of letters an earlier version left in clear (and fills a missing list text):
 * every letter that is, or may be, a denunciation ends with its texts sealed and its columns
 * masked. Needs the key ring. Returns how many letters were rewritten.
 */
export async function sealClearLetters(db: Kysely<DB>, batch = 200): Promise<number> {
  await db
    .updateTable("petition")
    .set({ excerpt: sql<string>`left(coalesce(nullif(summary, ''), content), 300)` })
    .where("excerpt", "is", null)
    .where("kind", "is not", null)
    .where("kind", "<>", "denunciation")
    .execute();
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom("petition")
      .selectAll()
      .where("texts_sealed", "is", null)
      .where((eb) => eb.or([eb("kind", "is", null), eb("kind", "=", "denunciation")]))
      .limit(batch)
      .execute();
    if (!rows.length) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const parties = await readParties(trx, row.id);
        const raw = { title: row.title, summary: row.summary, content: row.content };
        await trx
          .updateTable("petition")
          .set(letterColumns(row, raw, row.kind as PetitionKind | null, parties))
          .where("id", "=", row.id)
          .execute();
      }
    });
    done += rows.length;
  }
}

/** Adds the words of a search text to the vocabulary used to correct typos. */
export async function rememberWords(trx: Transaction<DB>, text: string): Promise<void> {
  const words = [...new Set(text.split(" ").filter((w) => w.length >= 2 && w.length <= 40))];
  if (!words.length) return;
  await trx
    .insertInto("search_word")
    .values(words.map((word) => ({ word })))
    .onConflict((oc) => oc.column("word").doNothing())
    .execute();
}

/** The letters and digits of an accent-free needle (normalizeForMatch). */
const NEEDLE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/**
 * How many corrected needles a search tries at most (the first few in a query of their own), and
 * how many mistyped words it corrects.
 */
const CORRECTIONS = { needles: 60, words: 2, firstBatch: 12 };

/**
 * The readings of a mistyped word one slip away: a letter dropped ("àng" for "hàng"), added,
 * replaced or swapped, and two words run together ("côngty"). Accent-free, as the needle is.
 */
export function slipsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of NEEDLE_ALPHABET) {
      out.add(head + c + tail);
      if (tail) out.add(head + c + tail.slice(1));
    }
    if (head && tail) out.add(`${head} ${tail}`);
  }
  out.delete(word);
  out.delete("");
  return [...out];
}

/**
 * The needle with its mistyped words corrected, or null. A word no letter holds is mistyped; when
 * every word is known but the phrase is nowhere, the words with no known neighbour are. Each is
 * replaced by its readings one slip away that are known words (syllables of the letters'
 * search texts), and the first reading that makes the whole needle a phrase some letter holds is
 * the correction: the words around a slip tell "cửa hàng" from "cửa sàng".
 */
async function correctedNeedle(
  db: Transaction<DB>,
  needle: string,
  /** The needle's words the vocabulary holds (knownWords). */
  known: ReadonlySet<string>,
  /** Which of these needles some letter within the search's reach holds as a phrase. */
  found: (needles: string[]) => Promise<Set<string>>,
  /** Which of these pairs of words the newest letters hold (sampleShares). */
  pairsSeen: (pairs: string[]) => Promise<Set<string>>,
  /** The commonest words' shares of the letters (searchStatistics). */
  shares: ReadonlyMap<string, number>,
  /** Whether some letter within reach holds this one needle as a phrase (probed on its own). */
  foundAlone: (needle: string) => Promise<boolean>,
): Promise<string | null> {
  const words = needle.split(" ");
  let suspects = words.map((w, i) => i).filter((i) => !isKnown(known, words[i]!));
  if (!suspects.length && words.length > 1) {
    // Every word is known: the slip made another word ("ang", "ich"). Suspect the words that
    // pair with neither neighbour. A pair in many letters is nearly always among the newest.
    const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
    const seenPairs = await pairsSeen(pairs);
    const unseen = pairs.filter((p) => !seenPairs.has(p));
    const paired = new Set([...seenPairs, ...(unseen.length ? await found(unseen) : [])]);
    // A slip inside the needle leaves both its pairs nowhere, one at either end only its one: the
    // words unpaired on both sides first ("bà V Thị Thư": "v" before "bà", whose sixty readings
    // filled the tries before "vũ" was reached).
    const unpairedSides = (i: number) =>
      Number(i > 0 && !paired.has(pairs[i - 1]!)) + Number(i < words.length - 1 && !paired.has(pairs[i]!));
    suspects = words
      .map((w, i) => i)
      .filter((i) => (i === 0 || !paired.has(pairs[i - 1]!)) && (i === words.length - 1 || !paired.has(pairs[i]!)))
      .sort((a, b) => unpairedSides(b) - unpairedSides(a) || a - b);
    if (!suspects.length && words.length > 2) {
      // Each pair is in some letter, but not the whole ("bà Tần Thị Lý": "bà tần" and "tần thị"
      // are both names somewhere). Suspect the words of the runs of three no letter holds, those
      // in the most of them first.
      const runs = words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`);
      const held = await found(runs);
      const unheld = (i: number) => runs.filter((r, j) => !held.has(r) && j <= i && i <= j + 2).length;
      suspects = words
        .map((w, i) => i)
        .filter((i) => unheld(i) > 0)
        .sort((a, b) => unheld(b) - unheld(a) || a - b);
    }
  }
  suspects = suspects.slice(0, CORRECTIONS.words);
  if (!suspects.length) return null;
  const slips = new Map(suspects.map((i) => [i, slipsOf(words[i]!)]));
  const lookup = [...new Set([...slips.values()].flat().flatMap((s) => s.split(" ")))];
  const vocabulary = new Set(await knownWords(db, lookup));
  // How common the pairs are that a reading makes with the words around it, and within itself.
  const pairing = (i: number, r: string) => {
    const run = [words[i - 1], ...r.split(" "), words[i + 1]].filter((w) => w !== undefined);
    return run.slice(1).reduce((sum, w, j) => sum + (shares.get(`${run[j]}_${w}`) ?? 0), 0);
  };
  const readings = suspects.map((i) =>
    slips
      .get(i)!
      .filter((s) => s.split(" ").every((w) => vocabulary.has(w)))
      .map((r) => ({ r, pairing: pairing(i, r) }))
      // The reading that pairs most often with the words around it first ("cửa hàng", in a sixth
      // of the letters, before "cửa dang" for "cửa àng"); then two words run together before a
      // letter dropped or added ("cong ty" for "congty"); then the commoner word ("tịch" before
      // "bích" for "ịch").
      .sort(
        (a, b) =>
          b.pairing - a.pairing ||
          Number(b.r.includes(" ")) - Number(a.r.includes(" ")) ||
          (shares.get(b.r) ?? 0) - (shares.get(a.r) ?? 0),
      )
      .map(({ r }) => r),
  );
  // One slip in one suspect first, then one in each; only the latter when two words are in no
  // letter (either left as it is would still be nowhere).
  const reading = (c: string[], i: number, r: string) => c.map((w, j) => (j === i ? r : w));
  const twoUnknown = suspects.filter((i) => !isKnown(known, words[i]!)).length > 1;
  const single = twoUnknown ? [] : suspects.flatMap((i, k) => readings[k]!.map((r) => reading(words, i, r)));
  const both =
    suspects.length > 1
      ? suspects.reduce((cs, i, k) => cs.flatMap((c) => readings[k]!.map((r) => reading(c, i, r))), [words])
      : [];
  const needles = [...new Set([...single, ...both].map((c) => c.join(" ")))].slice(0, CORRECTIONS.needles);
  if (!needles.length) return null;
  // The likeliest reading alone (the right one, mostly, and its probe may be the search's count),
  // then the next likeliest in a query of their own: each reading tested costs its probe.
  if (await foundAlone(needles[0]!)) return needles[0]!;
  const rest = needles.slice(1);
  for (const batch of [rest.slice(0, CORRECTIONS.firstBatch - 1), rest.slice(CORRECTIONS.firstBatch - 1)]) {
    if (!batch.length) continue;
    const held = await found(batch);
    const first = batch.find((n) => held.has(n));
    if (first) return first;
  }
  return null;
}

/**
 * Whether a word is in the vocabulary, or one it does not keep (rememberWords: a single letter or
 * digit, or a word longer than 40), which is then taken as known.
 */
function isKnown(known: ReadonlySet<string>, word: string): boolean {
  return known.has(word) || word.length < 2 || word.length > 40;
}

/**
 * Which of these words the vocabulary holds, through its primary key. Through bitmaps (the
 * search's transaction keeps the planner to them, throughBitmaps), the planner took the trigram
 * index, which answers equality too but a thousand words at once in 3 to 6 s at 100,000 letters:
 * for this query alone, plain index scans and no bitmaps.
 */
async function knownWords(trx: Transaction<DB>, words: readonly string[]): Promise<string[]> {
  if (!words.length) return [];
  const rows = await besideBitmaps(trx, { indexscan: true, bitmapscan: false }, () =>
    trx.selectFrom("search_word").select("word").where("word", "in", words).execute(),
  );
  return rows.map((r) => r.word);
}

/**
 * Each unknown word of the needle replaced by the most similar known word. In the caller's
 * transaction, which keeps the planner off a scan of the whole vocabulary.
 */
async function nearestByTrigrams(
  trx: Transaction<DB>,
  words: readonly string[],
  /** The needle's words the vocabulary holds (knownWords). */
  known: ReadonlySet<string>,
): Promise<string | null> {
  let changed = false;
  const out: string[] = [];
  for (const word of words) {
    if (known.has(word) || word.length < 3) {
      out.push(word);
      continue;
    }
    // Through the vocabulary's trigram index: left alone, the planner (PGlite's especially) reads
    // the whole vocabulary computing the similarity of every word (~0.2 s at 100,000 petitions).
    const nearest = await trx
      .selectFrom("search_word")
      .select("word")
      .where(sql<boolean>`word % ${word}`)
      .orderBy(sql`word <-> ${word}`)
      .limit(1)
      .executeTakeFirst();
    if (!nearest) return null;
    out.push(nearest.word);
    changed = true;
  }
  return changed ? out.join(" ") : null;
}

/** Intake data the rules do not read but later steps and documents need. */
/**
 * What the intake records beside the facts. The list of papers handed in is written with the
 * writers' data masked in its names and descriptions: the letter may be a denunciation, and this
 * list is not sealed.
 */
function intakeExtras(body: CreatePetitionBody) {
  const mask = documentTextMasker(null, body.petitioners);
  const attachments = body.attachments.map((a) => ({
    ...a,
    fileName: mask(a.fileName),
    description: a.description ? mask(a.description) : a.description,
  }));
  return { writtenOn: body.writtenOn ?? null, signed: body.signed ?? null, attachments };
}

/** A timeline event of the petition (exported for the other files of this module). */
export async function event(
  trx: Transaction<DB>,
  actor: Actor,
  petitionId: string,
  action: string,
  from: string | null,
  to: string | null,
  data: Record<string, unknown> = {},
  documentId: string | null = null,
): Promise<void> {
  await trx
    .insertInto("petition_event")
    .values({
      petition_id: petitionId,
      actor_id: actor.userId,
      actor_name: actor.name,
      action,
      from_state: from,
      to_state: to,
      data: JSON.stringify(data),
      document_id: documentId,
    })
    .execute();
}

/** Registers the clocks running on the petition now, and closes those that stopped. */
export async function syncDeadlines(
  trx: Transaction<DB>,
  petitionId: string,
  agencyId: string,
  code: string,
  facts: PetitionFacts,
) {
  const running = petitionDeadlines(facts);
  await trx
    .updateTable("tracked_deadline")
    .set({ open: false, updated_at: new Date() })
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", petitionId)
    .where("rule_id", "not in", running.length ? running.map((d) => d.rule) : [""])
    .execute();
  let due: string | null = null;
  for (const d of running) {
    const value = await trackDeadline(trx, {
      agencyId,
      entityType: "petition",
      entityId: petitionId,
      label: `Đơn ${code}: ${d.purpose}`,
      input: {
        rule: d.rule,
        from: d.from,
        ...(d.variant ? { variant: d.variant } : {}),
        ...(d.extensions ? { extensions: d.extensions } : {}),
      },
    });
    if (!due || value < due) due = value;
  }
  await trx.updateTable("petition").set({ due_on: due }).where("id", "=", petitionId).execute();
}

// ---- Reading --------------------------------------------------------------------------------

export async function loadRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("petition").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", "id", "Không tìm thấy đơn.");
  return row;
}

export type PetitionRow = Awaited<ReturnType<typeof loadRow>>;

export function factsOf(row: PetitionRow): PetitionFacts {
  return { ...(row.facts as PetitionFacts), id: row.id, status: row.state as PetitionState };
}

/** Earlier handling of the same matter (confirmed duplicates), for the once-only guards. */
async function withHistory(db: Kysely<DB>, row: PetitionRow): Promise<PetitionFacts> {
  const others = await db
    .selectFrom("petition")
    .select(["id", "outcome", "outcome_on"])
    .where("matter_id", "=", row.matter_id)
    .where("id", "<>", row.id)
    .where("outcome", "is not", null)
    .execute();
  return {
    ...factsOf(row),
    sameContentHistory: others.map((o) => ({ petitionId: o.id, outcome: o.outcome as never, on: o.outcome_on! })),
  };
}

export async function getPetition(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(db, auth, "petition.read", row.agency_id);
  // A denouncer's identity never travels with the detail: it has its own audited route.
  const identity = await identityAccess(db, auth, row);
  const hidden = identity.protected && !identity.canView;
  // Writers are returned only when not protected; one who may see a protected writer uses its
  // route. The clear columns of a protected letter are its masked texts; the original is sealed.
  const parties = identity.protected
    ? { petitioners: [], respondents: await readRespondents(db, id) }
    : await readParties(db, id);
  const texts = hidden ? { title: row.title, summary: row.summary, content: row.content } : openLetterTexts(row);
  const events = await db
    .selectFrom("petition_event")
    .selectAll()
    .where("petition_id", "=", id)
    .orderBy("id")
    .execute();
  const deadlines = await db
    .selectFrom("tracked_deadline")
    .select(["rule_id", "label", "due", "open", "input"])
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", id)
    .execute();
  // Its own documents, and the issued ones of the petition it was transferred from.
  const documents = await db
    .selectFrom("official_document")
    .select(["id", "form_code", "title", "status", "symbol", "issued_on"])
    .where("entity_type", "=", "petition")
    .where((eb) =>
      row.transferred_from_id
        ? eb.or([
            eb("entity_id", "=", id),
            eb.and([eb("entity_id", "=", row.transferred_from_id), eb("status", "=", "issued")]),
          ])
        : eb("entity_id", "=", id),
    )
    .orderBy("created_at")
    .execute();
  const facts = await withHistory(db, row);
  const kind = row.kind as PetitionKind | null;
  const canWrite = scopeOf(auth, "petition.write") !== null;
  const outcomes = allowedOutcomes(facts);
  return {
    id: row.id,
    agencyId: row.agency_id,
    code: row.code,
    seqNo: row.seq_no,
    receivedOn: row.received_on,
    writtenOn: row.written_on,
    channel: row.channel,
    visitId: row.visit_id,
    forwardedBy: row.forwarded_by as CreatePetitionBody["forwardedBy"],
    transferredFromId: row.transferred_from_id,
    anonymous: row.anonymous,
    impersonated: row.impersonated,
    title: texts.title,
    summary: texts.summary,
    content: texts.content,
    language: row.language,
    fieldCode: row.field_code,
    kind,
    competence: row.competence,
    eligible: row.eligible,
    state: row.state as PetitionState,
    stateLabel: PETITION_STATES[row.state as PetitionState],
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    dueOn: row.due_on,
    retentionUntil: row.retention_until,
    matterId: row.matter_id,
    // Stored masked until classification; its handlers see the writer.
    petitionerDisplay:
      row.kind === null && !hidden
        ? writerShown({ anonymous: row.anonymous, petitioners: (await readParties(db, id)).petitioners })
        : row.petitioner_display,
    petitioners: parties.petitioners as unknown as ({ kind: string } & Record<string, unknown>)[],
    identity: {
      protected: identity.protected,
      canView: identity.canView,
      canRequest: identity.canRequest,
      pendingRequestId: identity.pendingRequestId,
      caseId: identity.caseId,
    },
    respondents: parties.respondents as unknown as ({ name: string } & Record<string, unknown>)[],
    classification: (facts.classification ?? null) as Record<string, unknown> | null,
    eligibility: (facts.eligibility ?? null) as Record<string, unknown> | null,
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      actorName: e.actor_name,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      data: e.data,
      documentId: e.document_id,
    })),
    deadlines: deadlines.map((d) => ({ ruleId: d.rule_id, label: d.label, due: d.due, open: d.open, input: d.input })),
    documents: documents.map((d) => ({
      id: d.id,
      formCode: d.form_code,
      title: d.title,
      status: d.status,
      symbol: d.symbol,
      issuedOn: d.issued_on,
    })),
    allowedOutcomes: canWrite ? outcomes.allowed.map((a) => ({ outcome: a.outcome, form: a.form, to: a.to })) : [],
    refusedOutcomes: canWrite ? outcomes.notAllowed : [],
    version: row.version,
  };
}

/** Lists count matches exactly up to this many and say "more than" beyond it. */
const COUNT_CAP = 10_000;
/**
 * A search counts up to `cap` matches and says "more than" beyond it: each match counted is a
 * read of its row, and a search that finds more is refined, not read to the end. Up to the cap the
 * page is sorted out of the counted matches. Beyond it, `beyondCap` says how the page is found:
 * "estimate" (the default) judges from the count how common the match is, and either sorts all
 * the matches (a name shared by a few thousand letters) or walks the list's index in order until
 * the page is full (a subject in one letter of ten); tests force "sort" or "walk" to compare them.
 */
export const SEARCH_LIMITS: {
  cap: number;
  beyondCap: "estimate" | "sort" | "walk";
  /** The share of the newest letters a match is in from which it is common (see SAMPLE). */
  commonShare: number;
  /**
   * What testing one row costs in a walk down the list's index, against reading one match through
   * a bitmap of a search index. The walk reads the table nearly in its physical order (letters
   * are stored as they arrive) and tests the text kept in the row; the bitmap reads matches
   * scattered over the table. Of 0,1, 0,3 and 1, tried in turn at a million letters (search
   * p95, prewarmed): 0,3 was best for names and mistyped names, 1 for common subjects.
   */
  walkedRowCost: number;
  /**
   * How many matches a search reads at once, counting and sorting them in one scan, when none of
   * the newest letters matched, or their share of the table's letters is no more than this. Such
   * a match is in fewer than about one letter in a hundred; at a million letters, the names
   * shared by a few thousand were sorted faster than walked (p95 73 ms against 136 ms).
   */
  sortUpTo: number;
} = {
  cap: 1_000,
  beyondCap: "estimate",
  commonShare: 0.2,
  walkedRowCost: 0.3,
  sortUpTo: 8_000,
};

const SORTS = {
  receivedOn: "received_on",
  due: "due_on",
  status: "state",
  kind: "kind",
} as const;

/**
 * The petitions of the caller's scope matching the list filters (GET /petitions and its Excel
 * export share it, so both find the same rows).
 */
export async function filteredPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  query: Omit<PetitionListQuery, "page" | "pageSize" | "sort" | "order">,
  today = todayInVietnam(),
  /** The list's page, when a search's probe is to count the matches for it (see probeCounts). */
  counting?: Counting,
) {
  const scope = await scopeAgencies(db, auth);
  let q = db.selectFrom("petition as p");
  if (query.status?.length) q = q.where("p.state", "in", query.status);
  if (query.kind?.length) q = q.where("p.kind", "in", query.kind);
  if (query.channel?.length) q = q.where("p.channel", "in", query.channel);
  if (query.fieldCode) q = q.where("p.field_code", "=", query.fieldCode);
  if (query.from) q = q.where("p.received_on", ">=", query.from);
  if (query.to) q = q.where("p.received_on", "<=", query.to);
  if (query.anonymous !== undefined) q = q.where("p.anonymous", "=", query.anonymous);
  if (query.overdue) q = q.where("p.due_on", "<", today);
  if (query.dueSoon) {
    const calendar = await currentCalendar(db);
    // Due within three working days from today (inclusive), not yet overdue.
    q = q.where("p.due_on", ">=", today).where("p.due_on", "<=", calendar.addWorkingDays(today, DEFAULT_DUE_SOON_DAYS));
  }
  if (query.q) {
    const needle = normalizeNeedle(query.q);
    if (needle) {
      // A letter not yet classified is searched by text only by those who handle it: it may be a
      // denunciation, whose writer a search must not reveal.
      const handled = can(auth, "petition.write")
        ? sql<boolean>`(p.kind is not null or p.agency_id = ${auth.agencyId})`
        : sql<boolean>`p.kind is not null`;
      // Its search text leaves an unclassified letter's writers out; its handlers find it by a
      // writer's full name, number or e-mail through the writers' keyed hashes.
      const byWriter = can(auth, "petition.write") ? await unclassifiedByWriter(db, auth.agencyId, query.q) : [];
      const { shares, rows } = await searchStatistics(db);
      const tiers = searchTiers(needle, shares);
      const words = needle.split(" ");
      // The newest letters in reach first: a phrase found among them is common, and is then
      // counted by walking the list (listPetitions), never through a bitmap of its index.
      const phrases = tiers.filter((t) => !t.scattered);
      const sampled = await sampleShares(
        db,
        q.where(handled),
        scope,
        phrases.map((t) => t.row),
      );
      const sample = new Map(phrases.map((t, i) => [t, sampled[i]!]));
      // What a probe counted for the list's page, by tier.
      const counts = new Map<SearchTier, Counted>();
      // Every probe below goes through the search indexes (bitmaps only). Asked whether one row
      // exists, the planner walks the agency's index testing each row's tsvector, expecting a
      // match soon: for a phrase no letter holds, that read the whole agency (8 s at a million).
      // The match, and how it was found (for the list to say so).
      const searched = await db.transaction().execute(async (trx): Promise<FoundMatch | null> => {
        const foundAs = (way: SearchedAs["way"], as: string, tier: SearchTier | null) =>
          tier && { tier, as: { way, needle: as } };
        await throughBitmaps(trx);
        const found = async (tier: SearchTier) => {
          const matches = q.where(scopeCondition(scope)).where(throughIndex(tier)).where(handled);
          if (!counting) return (await trx.executeQuery(matches.select("p.id").limit(1).compile())).rows.length > 0;
          // The list counts the match next, through the same bitmap: the probe is that count.
          const counted = await countWithPage(db, matches, counting.query, counting.offset, counting.reads, trx);
          counts.set(tier, counted);
          return counted.n > 0;
        };
        const firstFound = async (candidates: SearchTier[]) => {
          for (const tier of candidates) if ((sample.get(tier) ?? 0) > 0 || (await found(tier))) return tier;
          return null;
        };
        // The phrase first; then the phrase with a mistyped word corrected, before its words
        // anywhere: "Chủ ịch UBND xã Tân Tiến" means "Chủ tịch UBND xã Tân Tiến", not every
        // letter holding "chủ", "ích", "UBND", "xã", "tân" and "tiến" somewhere (a thousand).
        // Last, the nearest known words by trigrams.
        const [exact, prefix] = phrases;
        if (await firstFound([exact!])) return foundAs("phrase", needle, exact!);
        // A word before the last that no letter holds: no phrase begins with the needle either,
        // and the prefix's index probe (every pair the last syllable begins, 5 to 12 ms) is spared.
        const known = new Set(await knownWords(trx, words));
        const broken = words.length > 1 && words.slice(0, -1).some((w) => !isKnown(known, w));
        if (prefix && !broken && (await firstFound([prefix]))) return foundAs("prefix", needle, prefix);
        // Which of these needles are found as a phrase within the search's reach, in one query.
        const phrasesFound = async (needles: string[]) => {
          const probes = needles.map(
            (n, i) =>
              sql`select ${sql.lit(i)} as i where exists (${q
                .where(scopeCondition(scope))
                .where(throughIndex(searchTiers(n)[0]!))
                .where(handled)
                .select(sql`1`.as("one"))})`,
          );
          const { rows } = await sql<{ i: number }>`${sql.join(probes, sql` union all `)}`.execute(trx);
          return new Set(rows.map((r) => needles[Number(r.i)]!));
        };
        // Which pairs of words the newest letters hold, tested on them (a common pair, such as
        // "ubnd xa" in one letter of six, costs 20 to 40 ms to find through its index).
        const pairsSeen = async (pairs: string[]) => {
          const seen = await besideBitmaps(trx, { indexscan: true }, () =>
            sampleShares(trx, q.where(handled), scope, pairs.map(textHolds)),
          );
          return new Set(pairs.filter((_, i) => seen[i]! > 0));
        };
        // The likeliest reading is probed alone, by the count when the list wants one.
        const readings = new Map<string, SearchTier>();
        const readingFound = async (reading: string) => {
          const tier = searchTiers(reading)[0]!;
          readings.set(reading, tier);
          return found(tier);
        };
        const corrected = await correctedNeedle(trx, needle, known, phrasesFound, pairsSeen, shares, readingFound);
        // Found as a phrase: no second probe.
        if (corrected) return foundAs("corrected", corrected, readings.get(corrected) ?? searchTiers(corrected)[0]!);
        const scattered = await firstFound(tiers.filter((t) => t.scattered));
        if (scattered) return foundAs("words", needle, scattered);
        const nearest = await nearestByTrigrams(trx, words, known);
        return nearest ? foundAs("nearest", nearest, await firstFound(searchTiers(nearest, shares))) : null;
      });
      const match = searched?.tier ?? null;
      const none = sql<boolean>`false`;
      // The same search tested on each row alone, for a walk down the list's own index.
      const orWriter = (found: RawBuilder<boolean>) =>
        byWriter.length ? sql<boolean>`(${found} or p.id in (${sql.join(byWriter)}))` : found;
      const walk = q.where(orWriter(match?.row ?? none)).where(handled);
      q = q.where(orWriter(match ? throughIndex(match) : none)).where(handled);
      const walkScoped = walk.where(scopeCondition(scope));
      walkable.set(q, walk);
      const scoped = q.where(scopeCondition(scope));
      walkable.set(scoped, walkScoped);
      const share = match ? (sample.get(match) ?? 0) : 0;
      if (isCommonMatch(share, match?.share ?? 0) && !byWriter.length) common.add(scoped);
      const counted = match && !byWriter.length && counts.get(match);
      if (counting && counted) probeCounts.set(scoped, { reads: counting.reads, counted });
      if (searched) searchedAsOf.set(scoped, searched.as);
      // How many matches to expect: none of the newest letters holds the match (few), or the
      // share of the table they make; a table never analysed has no size to tell.
      expectedMatches.set(scoped, {
        matches: share === 0 ? 0 : rows > 0 ? share * rows : Infinity,
        rows,
      });
      if (scope.length > 1) {
        perAgency.set(scoped, { db, agencies: scope, unscoped: q });
        perAgency.set(walkScoped, { db, agencies: scope, unscoped: walk });
      }
      return scoped;
    }
  }
  const scoped = q.where(scopeCondition(scope));
  if (scope.length > 1) perAgency.set(scoped, { db, agencies: scope, unscoped: q });
  return scoped;
}

type FilteredPetitions = Awaited<ReturnType<typeof filteredPetitions>>;

/** The agency's unclassified letters one of whose writers the needle names (letter-texts.ts writerKeys). */
async function unclassifiedByWriter(db: Kysely<DB>, agencyId: string, needle: string): Promise<string[]> {
  const keys = writerNeedleKeys(needle);
  if (!keys.length) return [];
  const rows = await db
    .selectFrom("petition")
    .select("id")
    .where("kind", "is", null)
    .where("agency_id", "=", agencyId)
    .where(sql<boolean>`writer_keys && ${sql.val(keys)}::text[]`)
    .limit(SEARCH_BY_WRITER_LIMIT)
    .execute();
  return rows.map((r) => r.id);
}

/** How many unclassified letters a search by one writer finds at most (a writer, not a crowd). */
const SEARCH_BY_WRITER_LIMIT = 200;

/**
 * The agencies whose rows `inScope(auth, "petition.read", "p.agency_id")` keeps, resolved first
 * (one small query on agency): the planner then sees `agency_id = $1` (or a short list) and walks
 * the (agency_id, sort column, id) indexes in order, instead of a semi-join it cannot estimate
 * followed by a sort of every row of the scope.
 */
async function scopeAgencies(db: Kysely<DB>, auth: AuthContext): Promise<string[]> {
  const scope = scopeOf(auth, "petition.read");
  if (scope === null) return [];
  if (scope === "own") return [auth.agencyId];
  const rows = await db
    .selectFrom("agency")
    .select("id")
    .where("path", "like", auth.agencyPath + "%")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

function scopeCondition(agencies: readonly string[]) {
  if (!agencies.length) return sql<boolean>`false`;
  if (agencies.length === 1) return sql<boolean>`p.agency_id = ${agencies[0]}`;
  return sql<boolean>`p.agency_id in (${sql.join(agencies)})`;
}

/** Up to this many agencies, a scope's list is merged from one ordered index scan per agency. */
const MERGE_MAX_AGENCIES = 64;

/** The searches whose match is common (SEARCH_LIMITS.commonShare): counted by walking the list. */
const common = new WeakSet<object>();
/**
 * How many matches a search expects, from its sample of the newest letters and the table's size
 * (0 when none of them holds the match, or none was tested: a correction).
 */
const expectedMatches = new WeakMap<object, { matches: number; rows: number }>();

/** How each search found its matches (see SearchedAs). */
const searchedAsOf = new WeakMap<object, SearchedAs>();

/** A list's page, for a search's probe to count the matches as listPetitions would (countWithPage). */
interface Counting {
  query: PetitionListQuery;
  offset: number;
  /** How many matches to count at most (+ 1). */
  reads: number;
}
/**
 * The searches whose probe counted their matches for the page. A match none of the newest letters
 * holds is probed through its index before the list counts it; the probe building the bitmap of
 * a phrase in a few thousand letters (6 ms at a million) and the count building it again was a
 * fifth of a mistyped name's search.
 */
const probeCounts = new WeakMap<object, { reads: number; counted: Counted }>();

/**
 * How many of the newest letters a search tests itself on before it uses its indexes. A match in
 * SEARCH_LIMITS.commonShare of them is common: for a word in a fifth of the letters, building the
 * bitmap of its index took longer (50 to 100 ms at a million) than walking the list for the first
 * thousand matches (15 to 20 ms); for a word in one letter of ten, the walk was the slower.
 */
export const SAMPLE = { rows: 200 };

/**
 * Whether a match is common enough to be counted by walking the list (SEARCH_LIMITS.commonShare):
 * in the sample of the scope's newest letters, or in the whole table by the planner's statistics
 * where the sample agrees within half. 200 letters tell a share of a fifth within about three
 * points: "thị trường", in 21,7 % of a million letters and 17,5 % of the sample, was counted
 * through a bitmap of 219,000 matches (p50 88–104 ms), where walking the list took 33–36 ms. A
 * match common in the table but rare in the scope's letters (another agency's field) is not.
 */
export function isCommonMatch(sampleShare: number, overallShare: number): boolean {
  const threshold = SEARCH_LIMITS.commonShare;
  return sampleShare >= threshold || (overallShare >= threshold && sampleShare >= threshold / 2);
}

/**
 * The share of the newest SAMPLE.rows letters within the scope and filters that passes each test
 * (one query; on its own executor, or in a transaction that keeps to bitmaps).
 */
async function sampleShares(
  db: Kysely<DB>,
  unscoped: FilteredPetitions,
  scope: readonly string[],
  tests: readonly RawBuilder<boolean>[],
): Promise<number[]> {
  if (!scope.length || !tests.length) return tests.map(() => 0);
  const base = unscoped.where(scopeCondition(scope));
  if (scope.length > 1) perAgency.set(base, { db, agencies: scope, unscoped });
  const newest = orderedIds(base, { sort: "receivedOn", order: "desc" }, SAMPLE.rows).limit(SAMPLE.rows);
  const { rows } = await sql<Record<string, number | string>>`
    select count(*) as n, ${sql.join(tests.map((test, i) => sql`count(*) filter (where ${test}) as ${sql.ref(`k${i}`)}`))}
    from petition p where p.id in (${newest})`.execute(db);
  const row = rows[0] ?? {};
  const n = Number(row.n ?? 0);
  return tests.map((_, i) => (n ? Number(row[`k${i}`]) / n : 0));
}

/**
 * A search's filters with its match tested on each row only (SearchTier.row), for walking the
 * list's index in order: through the search index too, the planner would gather every match.
 */
const walkable = new WeakMap<object, FilteredPetitions>();

/** The same filters without the scope, for the per-agency merge of a subtree (see orderedIds). */
const perAgency = new WeakMap<object, { db: Kysely<DB>; agencies: readonly string[]; unscoped: FilteredPetitions }>();

/** The ids of the matches in the list's order (sort column, then id). */
export function orderedIds(
  q: FilteredPetitions,
  query: Pick<PetitionListQuery, "sort" | "order">,
  /** How many rows the caller reads at most (offset + page size): lets a subtree merge per agency. */
  upTo?: number,
) {
  const column = SORTS[query.sort];
  const direction = query.order;
  const single = q
    .select("p.id")
    .$call((qb) =>
      column === "due_on"
        ? qb.orderBy("p.due_on", (ob) => (direction === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast()))
        : qb.orderBy(`p.${column}`, direction),
    )
    .orderBy("p.id", direction);
  const split = perAgency.get(q);
  if (!split || upTo === undefined || split.agencies.length > MERGE_MAX_AGENCIES) return single;
  // A subtree of several agencies: one branch per agency, each reading its first `upTo` rows in
  // order from its (agency_id, sort column, id) index, merged (Merge Append) up to the page; the
  // same rows in the same order as the single query, without sorting the whole scope.
  const dir = direction === "asc" ? sql`asc` : sql`desc`;
  const nulls = column === "due_on" ? sql`nulls last` : sql``;
  const branches = split.agencies.map(
    (id) =>
      sql`(${split.unscoped
        .where("p.agency_id", "=", id)
        .select(["p.id", sql.ref(`p.${column}`).as("k")])
        .orderBy(sql`${sql.ref(`p.${column}`)} ${dir} ${nulls}`)
        .orderBy(sql`p.id ${dir}`)
        .limit(upTo)})`,
  );
  const merged = split.db
    .selectFrom(sql<{ id: string; k: unknown }>`(${sql.join(branches, sql` union all `)})`.as("u"))
    .select(sql<string>`u.id`.as("id"))
    .orderBy(sql`u.k ${dir} ${nulls}`)
    .orderBy(sql`u.id ${dir}`);
  return merged as unknown as typeof single;
}

export async function listPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  query: PetitionListQuery,
  today = todayInVietnam(),
) {
  const cap = query.q ? SEARCH_LIMITS.cap : COUNT_CAP;
  const offset = (query.page - 1) * query.pageSize;
  // How many matches a search reads at once when it expects few (see oneScan below).
  const fewReads = Math.max(cap, SEARCH_LIMITS.sortUpTo);
  // A match the search probes its index for (none of the newest letters holds it) is counted
  // next, as one expecting few: the probe is then that count.
  const probeReads = SEARCH_LIMITS.beyondCap === "estimate" ? fewReads : cap;
  const q = await filteredPetitions(
    db,
    auth,
    query,
    today,
    query.q && offset < cap ? { query, offset, reads: probeReads } : undefined,
  );
  // Counting a million matches costs more than the page itself: count up to a cap, and say
  // when the real number is larger.
  const count = async () => {
    const counted = await db
      .selectFrom(
        q
          .select(sql<number>`1`.as("one"))
          .limit(cap + 1)
          .as("c"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };
  // Deferred join: find the page's ids on the narrow index first (an index-only scan even deep
  // into the list), then read only those fifty rows.
  const page = async (limit = query.pageSize, skip = offset) => {
    const walk = walkable.get(q);
    const ordered = orderedIds(walk ?? q, query, skip + limit)
      .limit(limit)
      .offset(skip)
      .compile();
    if (!walk) return (await db.executeQuery(ordered)).rows.map((r) => r.id);
    // A search with many matches: walk the list's index in order, testing each row's own text,
    // and stop at the page. The planner cannot tell how common a phrase is and would otherwise
    // gather every match (a hundred thousand for "xăng dầu") to sort them for fifty.
    return db.transaction().execute(async (trx) => {
      await scansLocally(trx, { bitmapscan: false, seqscan: false });
      return (await trx.executeQuery(ordered)).rows.map((r) => r.id);
    });
  };
  let total: number;
  let ids: string[];
  if (offset >= cap) {
    // Past the cap a non-empty page already says "more than the cap".
    ids = await page();
    total = ids.length ? offset + ids.length : await count();
  } else if (common.has(q)) {
    // A search with a common match: the first cap + 1 matches in the list's order are its count
    // and its page.
    const all = await page(cap + 1, 0);
    total = all.length;
    const fits = all.length <= cap || offset + query.pageSize <= all.length;
    ids = fits ? all.slice(offset, offset + query.pageSize) : await page();
  } else if (narrowed(query)) {
    // Filters or a search: one scan takes up to cap + 1 matches with their sort key; when there
    // are no more than the cap, the page is sorted out of them (whatever the planner guesses of
    // the filters' selectivity), otherwise the ordered index walk finds it among many matches.
    // A search whose match none or few of the newest letters hold is rare, or at most a few
    // thousand: one scan reads up to SEARCH_LIMITS.sortUpTo of them, where counting to the cap
    // first and then sorting them all read a thousand of them twice. Few by the cost model used
    // past the cap below: reading the M matches expected once costs less than the cap's count
    // and a walk of the list for the page, M × (M − cap) < page end × rows × walkedRowCost. Up to
    // 1,800 expected at 100,000 letters, 4,400 at a million: a subject in one letter of twenty
    // (5,000 of 100,000) read whole took 57 ms at p95 on PGlite, against 33 ms counted to the cap
    // and walked.
    const expected = expectedMatches.get(q);
    const oneScan =
      query.q &&
      expected !== undefined &&
      SEARCH_LIMITS.beyondCap === "estimate" &&
      expected.matches <= SEARCH_LIMITS.sortUpTo &&
      (expected.matches === 0 ||
        expected.matches * (expected.matches - cap) <
          (offset + query.pageSize) * expected.rows * SEARCH_LIMITS.walkedRowCost);
    const probed = probeCounts.get(q);
    const reads = probed?.reads ?? (oneScan ? fewReads : cap);
    const first = probed?.counted ?? (await countWithPage(db, q, query, offset, reads));
    total = first.n;
    if (first.n <= reads) ids = first.ids;
    else if (!query.q) ids = await page();
    else {
      // More matches than the cap. The count read them in the table's physical order, so the share
      // of the table it went through estimates how many there are in all (letters are stored as
      // they arrive, and a word is about as common in every month). Walking the list for a page
      // tests about (offset + page size) × rows / matches rows, each cheaper than a match read
      // through a bitmap (SEARCH_LIMITS.walkedRowCost); sorting all matches reads them all.
      const need = offset + query.pageSize;
      const limit =
        SEARCH_LIMITS.beyondCap === "sort"
          ? null
          : Math.ceil(2 * Math.sqrt(need * first.rows * SEARCH_LIMITS.walkedRowCost));
      const estimated = first.reach > 0 ? (reads + 1) / first.reach : Infinity;
      const sort =
        SEARCH_LIMITS.beyondCap === "sort" ||
        (SEARCH_LIMITS.beyondCap === "estimate" &&
          estimated * estimated < need * first.rows * SEARCH_LIMITS.walkedRowCost);
      // The estimate misses when the matches crowd one end of the table (a word new this month):
      // past the limit, the walk finds them.
      const all = sort ? await countWithPage(db, q, query, offset, limit) : null;
      ids = all && (limit === null || all.n <= limit) ? all.ids : await page();
    }
  } else {
    [total, ids] = await Promise.all([count(), page()]);
  }
  const unordered = !ids.length
    ? []
    : await db
        .selectFrom("petition as p")
        .innerJoin("agency as a", "a.id", "p.agency_id")
        .select([
          "p.id",
          "p.code",
          "p.agency_id",
          "a.name as agency_name",
          "p.received_on",
          "p.channel",
          "p.kind",
          "p.state",
          "p.field_code",
          "p.petitioner_display",
          "p.respondent_display",
          "p.summary",
          "p.content",
          "p.excerpt",
          "p.title",
          "p.texts_sealed",
          "p.due_on",
          "p.outcome",
          "p.anonymous",
          "p.transferred_from_id",
          "p.version",
        ])
        .where("p.id", "in", ids)
        .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  const rows = unordered.sort((x, y) => position.get(x.id)! - position.get(y.id)!);
  const calendar = query.overdue || query.dueSoon ? null : await currentCalendar(db);
  const revealed = await revealUnclassified(db, auth, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      receivedOn: r.received_on,
      channel: r.channel,
      kind: r.kind,
      state: r.state,
      stateLabel: PETITION_STATES[r.state as PetitionState],
      fieldCode: r.field_code,
      fieldName: r.field_code ? (fieldByCode(r.field_code)?.name ?? r.field_code) : null,
      ...listedTexts(auth, r, revealed),
      respondent: r.respondent_display,
      dueOn: r.due_on,
      dueStatus: r.due_on ? listDueStatus(r.due_on, today, calendar) : null,
      outcome: r.outcome,
      anonymous: r.anonymous,
      transferredIn: r.transferred_from_id !== null,
      version: r.version,
    })),
    total: Math.min(total, cap),
    totalCapped: total > cap,
    /** How a search found its matches; null without one, or when it found none. */
    searchedAs: searchedAsOf.get(q) ?? null,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Whether the list is narrowed by anything beyond the scope (filters or a search). */
function narrowed(query: PetitionListQuery): boolean {
  return Boolean(
    query.q ||
    query.status?.length ||
    query.kind?.length ||
    query.channel?.length ||
    query.fieldCode ||
    query.from ||
    query.to ||
    query.anonymous !== undefined ||
    query.overdue ||
    query.dueSoon,
  );
}

/**
 * Counts the matches up to the cap + 1 in one scan that also keeps their sort key, and sorts the
 * page out of them: exact when there are no more than the cap (the same order as orderedIds:
 * sort column, then id).
 */
async function countWithPage(
  db: Kysely<DB>,
  q: FilteredPetitions,
  query: PetitionListQuery,
  offset: number,
  /** Count up to cap + 1 matches; null counts them all. */
  cap: number | null,
  /** A search's transaction already kept to bitmaps (throughBitmaps) to count in. */
  inBitmaps?: Transaction<DB>,
): Promise<Counted> {
  const column = SORTS[query.sort];
  const dir = query.order === "asc" ? sql`asc` : sql`desc`;
  const nulls = column === "due_on" ? sql`nulls last` : sql``;
  // With each match of a search, the table block it lies in (ctid): how far into the table the
  // count had to go. Not for the other filters: the ctid takes a read of the row, where their
  // count is an index-only scan.
  const block = query.q ? sql<number>`(p.ctid::text::point)[0]` : sql<number>`null::int`;
  const matches = q
    .select(["p.id", sql.ref(`p.${column}`).as("k"), block.as("b")])
    .$if(cap !== null, (qb) => qb.limit(cap! + 1));
  const counted = sql<{
    n: number | string;
    ids: string[] | string | null;
    last_block: number | null;
    blocks: number | string;
    rows: number | string;
  }>`
    with m as materialized (${matches})
    select (select count(*) from m)::int as n,
      (select json_agg(s.id order by s.k ${dir} ${nulls}, s.id ${dir}) from (
        select m.id, m.k from m order by m.k ${dir} ${nulls}, m.id ${dir} limit ${query.pageSize} offset ${offset}
      ) s) as ids,
      (select max(m.b) from m) as last_block,
      pg_relation_size('petition') / current_setting('block_size')::int as blocks,
      (select greatest(reltuples, 0) from pg_class where oid = 'petition'::regclass) as rows`;
  // A search counts through bitmaps only. A common word ("điện" is in a third of the letters)
  // makes a scan of the whole table look cheap to the planner, which does not know that testing a
  // row reads its tsvector from the TOAST table: 0.17 s for the first 5,000 matches at 100,000
  // petitions, against 0.04 s through the search index. And a bitmap reads the table in order,
  // which the estimate of listPetitions relies on.
  const { rows } = inBitmaps
    ? await counted.execute(inBitmaps)
    : query.q
      ? await db.transaction().execute(async (trx) => {
          await throughBitmaps(trx);
          return counted.execute(trx);
        })
      : await counted.execute(db);
  const row = rows[0]!;
  const ids = typeof row.ids === "string" ? (JSON.parse(row.ids) as string[]) : (row.ids ?? []);
  const blocks = Number(row.blocks);
  return {
    n: Number(row.n),
    ids,
    reach: row.last_block === null || !blocks ? 0 : (Number(row.last_block) + 1) / blocks,
    rows: Number(row.rows),
  };
}

/** The matches countWithPage counted (up to its cap + 1), and the page sorted out of them. */
interface Counted {
  n: number;
  ids: string[];
  /** The share of the table's blocks the count read (in order, on a bitmap scan). */
  reach: number;
  /** The planner's estimate of the table's rows (0 before its first analyze). */
  rows: number;
}

/**
 * Until the end of the transaction, rows are found through bitmaps of the search indexes only: no
 * table scan, and no walk down another index testing each row's tsvector. (More work_mem, to keep
 * the bitmap of a very common word exact, made it slower to build: 174 ms against 100 ms for the
 * 357,000 letters holding "điện" of a million.)
 */
async function throughBitmaps(trx: Transaction<DB>): Promise<void> {
  await scansLocally(trx, { seqscan: false, indexscan: false });
}

/** In a transaction kept to bitmaps (throughBitmaps), one query with other scans, then bitmaps only again. */
async function besideBitmaps<T>(
  trx: Transaction<DB>,
  scans: Partial<Record<"indexscan" | "bitmapscan", boolean>>,
  run: () => Promise<T>,
): Promise<T> {
  await scansLocally(trx, scans);
  const result = await run();
  await scansLocally(trx, { indexscan: false, bitmapscan: true });
  return result;
}

/** Allows or forbids kinds of scan to the planner until the end of the transaction, in one query. */
async function scansLocally(
  trx: Transaction<DB>,
  scans: Partial<Record<"seqscan" | "indexscan" | "bitmapscan", boolean>>,
): Promise<void> {
  const settings = Object.entries(scans).map(
    ([scan, on]) => sql`set_config(${`enable_${scan}`}, ${on ? "on" : "off"}, true)`,
  );
  await sql`select ${sql.join(settings)}`.execute(trx);
}

/**
 * One way of matching a needle: `index` finds the matches through a search index (all of them,
 * and only them when `exact`), `row` tests one row alone, for a walk down the list's own index
 * and where the index is not exact.
 */
interface SearchTier {
  index: RawBuilder<boolean>;
  exact: boolean;
  row: RawBuilder<boolean>;
  /** The needle's words anywhere, not as a phrase. */
  scattered: boolean;
  /**
   * The share of all letters the tier matches, from the planner's statistics, where its index
   * looks up one lexeme (one syllable, or the pair of a two-syllable phrase); null otherwise.
   */
  share: number | null;
}

/** A search's match, and how it was found (for the list to say so). */
interface FoundMatch {
  tier: SearchTier;
  as: SearchedAs;
}

/**
 * The ways a search needle is tried, most precise first; the first that finds anything is the
 * search (filteredPetitions tries a corrected phrase before the scattered tier). Vietnamese words
 * are written syllable by syllable, and "văn" alone is in half the letters, so a needle of several
 * syllables is a phrase: first as typed, then with its last syllable as a prefix ("nguyen van a"
 * finds "Nguyễn Văn Anh"), then, when the phrase is nowhere, all its syllables anywhere ("xăng
 * dầu Minh Phát bán thiếu" finds "… Minh Phát tại xã Bắc Hà bán xăng thiếu lít"). One syllable is
 * itself, then (a code's number, an identity number) a prefix from three characters on. The text
 * searched holds names, codes and document numbers as well as the letter.
 *
 * A phrase is found through its syllable pairs (0015_search_syllable_pairs.sql): two syllables
 * are one pair, which the index decides alone; three or more are then tested in the names and the
 * text. Both are normalised as the needle is (words of letters and digits, one space apart), so a
 * phrase is a space-bounded substring of them.
 */
function searchTiers(needle: string, shares: ReadonlyMap<string, number> = new Map()): SearchTier[] {
  // Lexemes are the needle's own syllables (letters and digits only), quoted for tsquery.
  const words = needle.split(" ");
  // Names first: search_names is short and kept in the row, where search_text is read from the
  // TOAST table; most phrases of three syllables or more are names, and the text is then not read.
  const inText = (prefix: boolean) =>
    prefix
      ? sql<boolean>`(strpos(' ' || p.search_names, ${` ${needle}`}) > 0
          or strpos(' ' || p.search_text, ${` ${needle}`}) > 0)`
      : sql<boolean>`(strpos(' ' || p.search_names || ' ', ${` ${needle} `}) > 0
          or strpos(' ' || p.search_text || ' ', ${` ${needle} `}) > 0)`;
  if (words.length === 1) {
    // The syllable itself, then as a prefix: a prefix reads every word it begins (twice the time
    // of "điện" alone at a million letters).
    const whole: SearchTier = {
      index: sql<boolean>`p.search_tsv @@ ${`'${needle}'`}::tsquery`,
      exact: true,
      row: inText(false),
      scattered: false,
      share: shares.get(needle) ?? 0,
    };
    if (needle.length < 3) return [whole];
    return [
      whole,
      {
        index: sql<boolean>`p.search_tsv @@ ${`'${needle}':*`}::tsquery`,
        exact: true,
        row: inText(true),
        scattered: false,
        share: null,
      },
    ];
  }
  const phrase = (lastAsPrefix: boolean): SearchTier => {
    const pairs = words.slice(1).map((w, i) => `'${words[i]}_${w}'`);
    return {
      index: sql<boolean>`p.search_pairs @@ ${pairs.join(" & ") + (lastAsPrefix ? ":*" : "")}::tsquery`,
      exact: words.length === 2,
      row: inText(lastAsPrefix),
      scattered: false,
      share: words.length === 2 && !lastAsPrefix ? (shares.get(`${words[0]}_${words[1]}`) ?? 0) : null,
    };
  };
  // Through the index, the rarest syllables only: with many common ones ("công", "xã", "UBND",
  // each in a third of the letters or more), building the bitmap of all of them took 40 to 70 ms
  // at a million letters. On the row, every syllable is looked for in the text, read once (the
  // tsvector is in the TOAST table, the text compressed in the row).
  const distinct = [...new Set(words)];
  const rarest = [...distinct].sort((a, b) => (shares.get(a) ?? 0) - (shares.get(b) ?? 0)).slice(0, SCATTERED_INDEXED);
  const anywhere: SearchTier = {
    index: sql<boolean>`p.search_tsv @@ plainto_tsquery('simple', ${rarest.join(" ")})`,
    exact: rarest.length === distinct.length,
    row: sql<boolean>`(' ' || p.search_text || ' ') like all (${sql.val(distinct.map((w) => `% ${w} %`))}::text[])`,
    scattered: true,
    share: null,
  };
  return [phrase(false), phrase(true), anywhere];
}

/** How many of a needle's syllables, the rarest, find its scattered matches through the index. */
const SCATTERED_INDEXED = 3;

interface SearchStatistics {
  /** The share of the letters holding each of the commonest words and pairs. */
  shares: Map<string, number>;
  /** The planner's estimate of the petitions in the table (0 before its first analyze). */
  rows: number;
}

/** The search's figures from the planner's statistics, by database. */
const statisticsCache = new WeakMap<Kysely<DB>, { at: number; statistics: Promise<SearchStatistics> }>();

/**
 * The share of the letters holding each of the commonest words of the search text and of its
 * syllable pairs ("xang_dau"; a few hundred of each, each in at least about one letter in two
 * hundred), as the last analyze of the petitions found it; one not listed is rarer; and the number
 * of letters. Read again every ten minutes.
 */
async function searchStatistics(db: Kysely<DB>): Promise<SearchStatistics> {
  const cached = statisticsCache.get(db);
  if (cached && Date.now() - cached.at < 600_000) return cached.statistics;
  const shares = sql<{ word: string; share: number }>`
    select u.word, u.share from pg_stats s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u (word, share)
    where s.schemaname = current_schema() and s.tablename = 'petition'
      and s.attname in ('search_tsv', 'search_pairs') and u.word is not null`
    .execute(db)
    .then(({ rows }) => new Map(rows.map((r) => [r.word, Number(r.share)])))
    // Without statistics every syllable counts as rare: the search stays right, only slower.
    .catch(() => new Map<string, number>());
  const rows = sql<{ rows: number | string }>`
    select greatest(reltuples, 0) as rows from pg_class where oid = 'petition'::regclass`
    .execute(db)
    .then(({ rows }) => Number(rows[0]?.rows ?? 0))
    .catch(() => 0);
  const statistics = Promise.all([shares, rows]).then(([shares, rows]) => ({ shares, rows }));
  statisticsCache.set(db, { at: Date.now(), statistics });
  return statistics;
}

/** Reads the statistics again at the next search (after a bulk load and its analyze). */
export function forgetSearchStatistics(db: Kysely<DB>): void {
  statisticsCache.delete(db);
}

/** Whether the row's search text holds this phrase (normalised as the needle is). */
function textHolds(phrase: string): RawBuilder<boolean> {
  return sql<boolean>`strpos(' ' || p.search_text || ' ', ${` ${phrase} `}) > 0`;
}

/** A search tier's condition through its index, tested on the row where the index is not exact. */
function throughIndex(tier: SearchTier): RawBuilder<boolean> {
  return tier.exact ? tier.index : sql<boolean>`(${tier.index} and ${tier.row})`;
}

/** The search needle as the search columns hold text: accent-free, lower-case, no punctuation. */
function normalizeNeedle(q: string): string {
  return normalizeForMatch(q);
}

/** Confirms that two petitions are the same matter: this one joins the other's matter. */
export async function joinMatter(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  otherId: string,
  version: number,
) {
  const row = await loadRow(db, id);
  const other = await loadRow(db, otherId);
  await assertAgencyInScope(db, auth, "petition.write", row.agency_id);
  await assertAgencyInScope(db, auth, "petition.read", other.agency_id, "petitionId");
  if (row.matter_id === other.matter_id) return;
  await db.transaction().execute(async (trx) => {
    await bump(trx, id, version, { matter_id: other.matter_id });
    await event(trx, actor, id, "joined_matter", row.state, row.state, { otherId, otherCode: other.code });
    await recordAudit(trx, actor, {
      action: "petition.joined_matter",
      entityType: "petition",
      entityId: id,
      summary: { before: { matterId: row.matter_id }, after: { matterId: other.matter_id, sameAs: other.code } },
    });
  });
}

/** Updates the petition if nobody changed it since `version` was read. */
export async function bump(trx: Transaction<DB>, id: string, version: number, changes: Updateable<PetitionTable>) {
  const result = await trx
    .updateTable("petition")
    .set(changes)
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
}

// ---- Classification -------------------------------------------------------------------------

export async function classifyPetition(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ClassifyPetitionBody,
) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(db, auth, "petition.write", row.agency_id);
  const facts = await withHistory(db, row);
  const { version, eligibilityAnswers, ...classification } = body;
  const classified = petitionTransition(facts, { action: "classify", classification });
  throwProblems(classified.problems);
  const afterClassify: PetitionFacts = { ...facts, status: classified.to!, classification };
  const assessed = petitionTransition(afterClassify, { action: "assess", answers: eligibilityAnswers });
  throwProblems(assessed.problems.map((p) => ({ ...p, field: p.field.replace(/^answers\./, "eligibilityAnswers.") })));
  const next: PetitionFacts = { ...afterClassify, status: assessed.to!, eligibility: assessed.eligibility ?? null };
  const parties = await readParties(db, id);
  // A denunciation keeps its texts sealed and is searched and listed by them masked; any other
  // kind goes back to its texts in clear, writers included.
  const columns = letterColumns(row, openLetterTexts(row), classification.kind, parties);
  await db.transaction().execute(async (trx) => {
    if (!mayBeDenunciation(classification.kind)) await rememberWords(trx, columns.search_text);
    await bump(trx, id, version, {
      ...columns,
      kind: classification.kind,
      competence: classification.competence,
      field_code: classification.fieldCode,
      eligible: next.eligibility?.eligible ?? null,
      state: next.status,
      facts: JSON.stringify({ ...(row.facts as object), ...next }),
    });
    await syncDeadlines(trx, id, row.agency_id, row.code, next);
    await event(trx, actor, id, "classified", row.state, next.status, {
      kind: classification.kind,
      competence: classification.competence,
      eligible: next.eligibility?.eligible ?? null,
      failed: next.eligibility?.failed?.map((f) => f.id) ?? [],
    });
    await recordAudit(trx, actor, {
      action: "petition.classified",
      entityType: "petition",
      entityId: id,
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.status, kind: classification.kind, competence: classification.competence },
      },
    });
  });
  return getPetition(db, auth, id);
}

// ---- Outcomes -------------------------------------------------------------------------------

export async function applyOutcome(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: ApplyOutcomeBody,
) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(
    db,
    auth,
    body.outcome === "transfer" ? "petition.transfer" : "petition.write",
    row.agency_id,
  );
  if (body.on > todayInVietnam())
    fail("VALIDATION_FAILED", "on", "on: Ngày quyết định hướng xử lý không được sau ngày hôm nay.");
  const facts = await withHistory(db, row);
  const { version, ...input } = body;
  const calendar = await currentCalendar(db);
  const result = petitionTransition(facts, { action: "outcome", input } as PetitionActionInput, { calendar });
  throwProblems(result.problems);
  let targetAgency: { id: string; name: string } | null = null;
  if (input.outcome === "transfer" && input.targetAgencyId) {
    const target = await db
      .selectFrom("agency")
      .select(["id", "name", "valid_to"])
      .where("id", "=", input.targetAgencyId)
      .executeTakeFirst();
    if (!target || (target.valid_to && target.valid_to < todayInVietnam())) fail("AGENCY_NOT_FOUND", "targetAgencyId");
    if (target.id === row.agency_id)
      fail("VALIDATION_FAILED", "targetAgencyId", "targetAgencyId: Không thể chuyển đơn cho chính cơ quan mình.");
    targetAgency = { id: target.id, name: target.name };
  }
  const next: PetitionFacts = {
    ...facts,
    status: result.to!,
    outcome: { outcome: input.outcome, on: input.on, targetBody: "targetBody" in input ? input.targetBody : null },
    ...(input.outcome === "archive" ? { filedOn: input.on, archiveReason: input.reason } : {}),
  };
  const kind = row.kind as PetitionKind | null;
  const form = formFor(input.outcome, kind);
  const retention = input.outcome === "archive" ? addYears(input.on, 1) : null;
  const documentId = await db.transaction().execute(async (trx) => {
    await bump(trx, id, version, {
      state: next.status,
      outcome: input.outcome,
      outcome_on: input.on,
      retention_until: retention,
      facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next), outcomeInput: input, targetAgency }),
    });
    let docId: string | null = null;
    if (form) {
      const fields = await documentFields(trx, row, form, input, targetAgency?.name ?? null);
      const doc = await createDraft(trx, actor, {
        agencyId: row.agency_id,
        entityType: "petition",
        entityId: id,
        formCode: form,
        fields,
      });
      docId = doc.id;
    }
    await syncDeadlines(trx, id, row.agency_id, row.code, next);
    await event(
      trx,
      actor,
      id,
      `outcome.${input.outcome}`,
      row.state,
      next.status,
      { on: input.on, form, targetAgencyId: targetAgency?.id ?? null },
      docId,
    );
    await recordAudit(trx, actor, {
      action: `petition.outcome.${input.outcome}`,
      entityType: "petition",
      entityId: id,
      summary: {
        code: row.code,
        before: { state: row.state },
        after: { state: next.status, form, targetAgency: targetAgency?.name ?? null },
      },
    });
    return docId;
  });
  return { petition: await getPetition(db, auth, id), documentId };
}

export function withoutHistory(f: PetitionFacts): PetitionFacts {
  const { sameContentHistory: _h, ...rest } = f;
  return rest;
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The fields of the official document an outcome prints, filled from the petition. */
async function documentFields(
  trx: Transaction<DB>,
  row: PetitionRow,
  form: string,
  input: ApplyOutcomeBody extends infer T ? Omit<T & object, "version"> : never,
  targetName: string | null,
) {
  const parties = await readParties(trx, row.id);
  const first = parties.petitioners[0];
  const respondent = parties.respondents[0];
  const person = first
    ? {
        fullName: first.kind === "person" ? first.fullName : first.name,
        ...(first.address ? { address: first.address } : {}),
      }
    : { fullName: ANONYMOUS_LABEL };
  const agency = await trx
    .selectFrom("agency")
    .select(["name"])
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  // The documents of a letter that may be a denunciation are stored with their original sealed
  // and read masked by whoever may not see the writer (documents/protected-records.ts). What
  // leaves the agency without being addressed to the writer quotes the letter masked even as
  // signed: the denunciation transfer slip (the letter itself travels with it).
  const protectedWriter = mayBeDenunciation(row.kind);
  // The letter's own words: its documents are sealed and masked for each reader (documents/).
  const letter = openLetterTexts(row);
  const summary = (letter.summary ?? letter.content).slice(0, 3900);
  const quoted = documentTextMasker(row.kind, parties.petitioners)(letter.summary ?? letter.content).slice(0, 3900);
  const receipt = { receivedOn: row.received_on, ...(row.written_on ? { letterDate: row.written_on } : {}) };
  const i = input as Record<string, unknown>;
  switch (form) {
    case "TT05-01":
      return {
        to: `Thủ trưởng ${agency.name}`,
        ...receipt,
        petitionKind: row.kind === "denunciation" ? "denunciation" : "complaint",
        ...(protectedWriter ? {} : { petitioner: person }),
        summary,
      };
    case "TT05-02":
      return {
        complainant: person,
        ...receipt,
        subject: summary.slice(0, 1900),
        reasons: [String(i.reasons ?? "")].filter(Boolean),
      };
    case "TT05-03":
      return { person, ...receipt, summary, competentBody: String(i.targetBody ?? "") };
    case "TT05-04": {
      const fwd = row.forwarded_by as { agencyName: string; documentNumber: string; documentDate: string } | null;
      return {
        forwardingBody: fwd?.agencyName ?? "Cơ quan chuyển đơn",
        ...(fwd
          ? {
              forwardingReference: `Văn bản số ${fwd.documentNumber} ngày ${fwd.documentDate.split("-").reverse().join("/")}`,
            }
          : {}),
        receivedOn: row.received_on,
        petitioner: person,
        summary,
      };
    }
    case "TT05-05":
      return {
        competentBody: targetName ?? String(i.targetBody ?? ""),
        ...receipt,
        ...(respondent ? { denounced: respondent.name } : {}),
        summary: quoted,
      };
    case "TT05-06":
      return { competentBody: targetName ?? String(i.targetBody ?? ""), ...receipt, petitioner: person, summary };
    case "TT05-07": {
      const bodies = (i.targetBodies as string[] | undefined) ?? [];
      return {
        person,
        ...receipt,
        items: bodies.map((b, n) => ({ content: `Nội dung ${n + 1} của đơn`, competentBody: b })),
      };
    }
    default:
      return { ...receipt, summary };
  }
}

// ---- After the outcome ----------------------------------------------------------------------

type StepInput =
  | { action: "accept"; body: z.infer<typeof acceptPetitionBody> }
  | { action: "dispatch"; body: { version: number; documentNumber: string; sentOn: string } }
  | { action: "urge"; body: { version: number; on: string; documentNumber?: string | null | undefined } }
  | {
      action: "record_feedback";
      body: { version: number; receivedOn: string; result: string; documentNumber?: string | null | undefined };
    }
  | { action: "close_guided"; body: { version: number; note?: string | null | undefined } }
  | { action: "destroy"; body: { version: number; decisionNumber: string; decisionDate: string; decidedBy: string } };

/** Acceptance, dispatch of the transfer slip, urging, feedback, closing, destruction. */
export async function petitionStep(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string, step: StepInput) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(
    db,
    auth,
    step.action === "dispatch" ? "petition.transfer" : "petition.write",
    row.agency_id,
  );
  const { version, ...rest } = step.body;
  for (const key of ["sentOn", "on", "receivedOn", "decisionDate"] as const) {
    const value = (rest as Record<string, unknown>)[key];
    if (typeof value === "string" && value > todayInVietnam())
      fail("VALIDATION_FAILED", key, `${key}: Ngày không được sau ngày hôm nay.`);
  }
  const facts = await withHistory(db, row);
  const calendar = await currentCalendar(db);
  const result = petitionTransition(facts, { action: step.action, ...rest } as PetitionActionInput, { calendar });
  throwProblems(result.problems);
  const next: PetitionFacts = { ...facts, status: result.to! };
  if (step.action === "dispatch") next.dispatchedOn = step.body.sentOn;
  if (step.action === "urge") next.urgedOn = [...(facts.urgedOn ?? []), step.body.on];
  const stored = row.facts as { targetAgency?: { id: string; name: string } | null };
  let transferredTo: { id: string; code: string } | null = null;
  const documentId = await db.transaction().execute(async (trx) => {
    await bump(trx, id, version, {
      state: next.status,
      facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
    });
    // Transfer inside the installation: the petition lands in the competent agency's inbox
    // with its parties, content and documents; nothing is typed twice.
    if (step.action === "dispatch" && stored.targetAgency) {
      transferredTo = await transferInside(trx, actor, row, stored.targetAgency.id, step.body);
    }
    // Urging and destruction each write their paper, as outcomes do: a draft to complete and issue.
    const draft = async (formCode: string, fields: unknown) => {
      const doc = await createDraft(trx, actor, {
        agencyId: row.agency_id,
        entityType: "petition",
        entityId: id,
        formCode,
        fields,
      });
      return doc.id;
    };
    let docId: string | null = null;
    if (step.action === "urge") {
      const reportBy = calendar.addWorkingDays(step.body.on, URGE_REPORT_WORKING_DAYS);
      const urgeCount = next.urgedOn?.length ?? 1;
      docId = await draft("DD", await urgeDocumentFields(trx, row, { on: step.body.on, reportBy, urgeCount }));
    }
    if (step.action === "destroy") docId = await draft("QD-HUY", destructionDocumentFields([row], step.body));
    await syncDeadlines(trx, id, row.agency_id, row.code, next);
    await event(trx, actor, id, step.action, row.state, next.status, { ...rest, transferredTo }, docId);
    await recordAudit(trx, actor, {
      action: `petition.${step.action}`,
      entityType: "petition",
      entityId: id,
      summary: { code: row.code, before: { state: row.state }, after: { state: next.status, transferredTo } },
    });
    return docId;
  });
  return {
    petition: await getPetition(db, auth, id),
    transferredTo: transferredTo as { id: string; code: string } | null,
    documentId,
  };
}

async function transferInside(
  trx: Transaction<DB>,
  actor: Actor,
  row: PetitionRow,
  targetAgencyId: string,
  dispatch: { documentNumber: string; sentOn: string },
): Promise<{ id: string; code: string }> {
  const source = await trx
    .selectFrom("agency")
    .select(["name"])
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const parties = await readParties(trx, row.id);
  const body: CreatePetitionBody = {
    channel: "transferred",
    receivedOn: dispatch.sentOn,
    writtenOn: row.written_on,
    forwardedBy: { agencyName: source.name, documentNumber: dispatch.documentNumber, documentDate: dispatch.sentOn },
    petitioners: parties.petitioners,
    anonymous: row.anonymous,
    impersonated: row.impersonated,
    respondents: parties.respondents,
    ...openLetterTexts(row),
    fieldCode: row.field_code,
    language: row.language as "vi" | "other",
    attachments:
      (row.facts as { intake?: { attachments?: CreatePetitionBody["attachments"] } }).intake?.attachments ?? [],
  };
  const created = await insertPetition(trx, actor, targetAgencyId, body, row.id);
  // The documents of the source petition travel with it (the issued slip first of all).
  const docs = await trx
    .selectFrom("official_document")
    .select(["id"])
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", row.id)
    .where("status", "=", "issued")
    .execute();
  await event(trx, actor, created.id, "transferred_in", null, "REGISTERED", {
    fromCode: row.code,
    fromAgency: source.name,
    documents: docs.map((d) => d.id),
  });
  return created;
}

/**
 * A case opened from a petition proposed for acceptance takes it over: the petition moves to
 * ACCEPTED through its own rule, inside the opening transaction. The caller (cases/service.ts)
 * has checked the opener's permission on the agency.
 */
export async function handOverToCase(trx: Transaction<DB>, actor: Actor, petitionId: string, caseCode: string) {
  const row = await loadRow(trx as unknown as Kysely<DB>, petitionId);
  const facts = factsOf(row);
  const result = petitionTransition(facts, {
    action: "accept",
    decisionNumber: caseCode,
    decisionDate: todayInVietnam(),
  });
  throwProblems(result.problems);
  const next: PetitionFacts = { ...facts, status: result.to! };
  await bump(trx, petitionId, row.version, {
    state: next.status,
    facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
  });
  await syncDeadlines(trx, petitionId, row.agency_id, row.code, next);
  await event(trx, actor, petitionId, "handed_to_case", row.state, next.status, { caseCode });
}

/** Transferred or guided petitions still waiting for an answer (đôn đốc). */
export async function listAwaiting(db: Kysely<DB>, auth: AuthContext, today = todayInVietnam()) {
  const rows = await db
    .selectFrom("petition")
    .select(["id", "code", "state", "facts", "petitioner_display", "agency_id", "version"])
    .where(inScope(auth, "petition.read", "petition.agency_id"))
    .where("state", "in", ["TRANSFERRED", "AWAITING_FEEDBACK", "GUIDED", "GUIDED_MULTI"])
    .orderBy("outcome_on")
    .limit(1000)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const calendar = await currentCalendar(db);
  const awaiting = awaitingAnswers(
    rows.map((r) => ({ ...(r.facts as PetitionFacts), id: r.id, status: r.state as PetitionState })),
    today,
    { calendar },
  );
  return awaiting.map((a) => ({
    ...a,
    code: byId.get(a.petitionId!)?.code ?? "",
    petitioner: byId.get(a.petitionId!)?.petitioner_display ?? "",
    // The list urges straight from a row: the version the step needs.
    version: byId.get(a.petitionId!)?.version ?? 0,
  }));
}

export { DENOUNCER_MASK, DomainError };
