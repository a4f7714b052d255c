/**
 * Intake (tiếp nhận đơn) from every channel into the agency's yearly register: its number, facts
 * and clocks, its parties, its letter stored as identity/letter-texts.ts keeps it (sealed while it may be a
 * denunciation), its timeline and audit events. And the upkeep of stored letters: sealing those an
 * earlier version left in clear, recomputing the writers' duplicate keys.
 */
import { randomUUID } from "node:crypto";
import { todayInVietnam, type PetitionKind } from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { takeRegisterNumber } from "../../platform/registers.ts";
import { initialFacts, letterColumns, personKeys, respondentKeys, simhashOf } from "./facts.ts";
import { documentTextMasker } from "./follow-up-documents.ts";
import { readParties, writeParties } from "../identity/parties.ts";
import { writeEvent } from "../../platform/procedure.ts";
import { syncDeadlines } from "./rows.ts";
import { rememberWords } from "./search/vocabulary.ts";

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

/** Stores a received letter (also the landing of a transfer inside the installation, workflow.ts). */
export async function insertPetition(
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
  await writeEvent(trx, "petition", row.id, actor, {
    action: "received",
    to: facts.status,
    data: { channel: body.channel, transferredFromId },
  });
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

/** A letter's texts as typed, in the shape identity/letter-texts.ts keeps them. */
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
