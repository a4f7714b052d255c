/**
 * The parties of a petition as stored: respondents in clear, writers sealed by the vault (the
 * writer of a letter may turn out to be a denouncer, whose identity the law keeps secret — Điều 9
 * khoản 1 Luật Tố cáo 2018 — so no writer is ever stored in clear, whatever the letter becomes).
 * Only this file reads or writes petition_party; who may see a writer is decided elsewhere
 * (access.ts) before anything here is called for a denunciation.
 */
import { randomUUID } from "node:crypto";
import type { Petitioner } from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";

export type Respondent = CreatePetitionBody["respondents"][number];

export interface Parties {
  petitioners: Petitioner[];
  respondents: Respondent[];
}

const context = SEALED.writer.context;

export async function writeParties(
  trx: Transaction<DB>,
  petitionId: string,
  petitioners: readonly Petitioner[],
  respondents: readonly Respondent[],
): Promise<void> {
  const ring = keyRing();
  const rows = [
    ...petitioners.map((p, i) => {
      const id = randomUUID();
      return {
        id,
        petition_id: petitionId,
        role: "petitioner" as const,
        ord: i,
        data: JSON.stringify({ kind: p.kind }),
        sealed: ring.seal(JSON.stringify(p), context(id)),
      };
    }),
    ...respondents.map((r, i) => ({
      id: randomUUID(),
      petition_id: petitionId,
      role: "respondent" as const,
      ord: i,
      data: JSON.stringify(r),
      sealed: null,
    })),
  ];
  if (rows.length) await trx.insertInto("petition_party").values(rows).execute();
}

/** Both kinds of party, writers unsealed: call only for a purpose the caller has checked. */
export async function readParties(db: Kysely<DB> | Transaction<DB>, petitionId: string): Promise<Parties> {
  const rows = await db
    .selectFrom("petition_party")
    .select(["id", "role", "data", "sealed"])
    .where("petition_id", "=", petitionId)
    .orderBy("role")
    .orderBy("ord")
    .execute();
  const ring = keyRing();
  return {
    petitioners: rows
      .filter((r) => r.role === "petitioner")
      .map((r) => (r.sealed ? (JSON.parse(ring.open(r.sealed, context(r.id))) as Petitioner) : (r.data as Petitioner))),
    respondents: rows.filter((r) => r.role === "respondent").map((r) => r.data as Respondent),
  };
}

/** The writers of several petitions, unsealed: call only for a purpose the caller has checked. */
export async function readWritersOf(
  db: Kysely<DB> | Transaction<DB>,
  petitionIds: readonly string[],
): Promise<Map<string, Petitioner[]>> {
  const writers = new Map<string, Petitioner[]>(petitionIds.map((id) => [id, []]));
  if (!petitionIds.length) return writers;
  const rows = await db
    .selectFrom("petition_party")
    .select(["id", "petition_id", "data", "sealed"])
    .where("petition_id", "in", petitionIds)
    .where("role", "=", "petitioner")
    .orderBy("petition_id")
    .orderBy("ord")
    .execute();
  const ring = keyRing();
  for (const r of rows) {
    const p = r.sealed ? (JSON.parse(ring.open(r.sealed, context(r.id))) as Petitioner) : (r.data as Petitioner);
    writers.get(r.petition_id)!.push(p);
  }
  return writers;
}

/** Respondents only: never touches the sealed writers. */
export async function readRespondents(db: Kysely<DB> | Transaction<DB>, petitionId: string): Promise<Respondent[]> {
  const rows = await db
    .selectFrom("petition_party")
    .select(["data"])
    .where("petition_id", "=", petitionId)
    .where("role", "=", "respondent")
    .orderBy("ord")
    .execute();
  return rows.map((r) => r.data as Respondent);
}

/**
 * Seals writers stored in clear by an earlier version, at start. Returns how many were sealed.
 * Duplicate keys (person_keys) of those petitions are recomputed as keyed hashes by the caller.
 */
export async function sealClearWriters(db: Kysely<DB>, batch = 500): Promise<{ rows: number; petitions: string[] }> {
  const ring = keyRing();
  let total = 0;
  const petitions = new Set<string>();
  for (;;) {
    const rows = await db
      .selectFrom("petition_party")
      .select(["id", "petition_id", "data"])
      .where("role", "=", "petitioner")
      .where("sealed", "is", null)
      .limit(batch)
      .execute();
    if (!rows.length) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const party = r.data as Petitioner;
        await trx
          .updateTable("petition_party")
          .set({ sealed: ring.seal(JSON.stringify(party), context(r.id)), data: JSON.stringify({ kind: party.kind }) })
          .where("id", "=", r.id)
          .execute();
        petitions.add(r.petition_id);
      }
    });
    total += rows.length;
  }
  return { rows: total, petitions: [...petitions] };
}
