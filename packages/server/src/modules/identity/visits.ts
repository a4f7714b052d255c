/**
 * The identity of the people of a reception visit, at rest and when read (Điều 9 khoản 1 Luật Tố
 * cáo 2018; docs/LAW.md §3.4, §6.6). The rule of who may see it is the domain's
 * `maySeeVisitIdentity`; this file supplies its facts from the database and keeps the data sealed.
 *
 * - The people of every visit (visitors with their papers and contacts, representatives) are sealed
 *   with the key ring; the clear columns hold placeholders of the same count.
 * - The free texts of a denunciation visit (summary, notes, follow-up, titles of the papers received)
 *   are sealed too; the clear columns and the search columns hold them masked, so neither a list, a
 *   search, an export nor the database files carry what the denouncer said about themselves.
 * - Entitled to the identity: the receiving officer (the visit's receiver, or who recorded it) and
 *   the people assigned to the case opened from the visit's petition. Nobody else, leaders included.
 */
import {
  maskVisitTexts,
  maySeeVisitIdentity,
  visitIdentityProtected,
  type GroupPerson,
  type VisitTexts,
  type Visitor,
} from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";

export interface VisitPeople {
  visitors: readonly Visitor[];
  representatives: readonly GroupPerson[];
}

/** The columns of a stored visit this file reads. */
export interface StoredVisitIdentity {
  id: string;
  content_kind: string | null;
  receiver_id: string | null;
  created_by: string | null;
  people_sealed: string | null;
  visitors: unknown;
  representatives: unknown;
  texts_sealed: string | null;
  content_summary: string;
  notes: string | null;
  follow_up: string | null;
  documents_received: unknown;
}

// ---------------------------------------------------------------------------------------------
// People.

const peopleContext = SEALED.visitPeople.context;

/**
 * The columns that store a visit's people: the people sealed (the keys are outside the database),
 * and placeholders of the same count in the clear columns.
 */
export function sealedPeople(id: string, people: VisitPeople) {
  return {
    people_sealed: keyRing().seal(
      JSON.stringify({ visitors: people.visitors, representatives: people.representatives }),
      peopleContext(id),
    ),
    visitors: JSON.stringify(people.visitors.map(() => ({ fullName: "" }))),
    representatives: JSON.stringify(people.representatives.map(() => ({ fullName: "" }))),
  };
}

export function peopleOf(
  row: Pick<StoredVisitIdentity, "id" | "people_sealed" | "visitors" | "representatives">,
): VisitPeople {
  if (row.people_sealed) return JSON.parse(keyRing().open(row.people_sealed, peopleContext(row.id))) as VisitPeople;
  return {
    visitors: row.visitors as Visitor[],
    representatives: (row.representatives ?? []) as GroupPerson[],
  };
}

/** Seals the people of visits stored in clear by an earlier version (at start). */
export async function sealClearVisitors(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom("reception_visit")
    .select(["id", "visitors", "representatives", "people_sealed"])
    .where("people_sealed", "is", null)
    .execute();
  for (const row of rows) {
    await db
      .updateTable("reception_visit")
      .set(sealedPeople(row.id, peopleOf(row)))
      .where("id", "=", row.id)
      .execute();
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Free texts.

const textsContext = SEALED.visitTexts.context;

/** The free texts as written: opened from the seal, or the clear columns of a visit that has none. */
export function textsOf(
  row: Pick<
    StoredVisitIdentity,
    "id" | "texts_sealed" | "content_summary" | "notes" | "follow_up" | "documents_received"
  >,
): VisitTexts {
  if (row.texts_sealed) return JSON.parse(keyRing().open(row.texts_sealed, textsContext(row.id))) as VisitTexts;
  return {
    contentSummary: row.content_summary,
    notes: row.notes,
    followUp: row.follow_up,
    documentsReceived: (row.documents_received ?? []) as VisitTexts["documentsReceived"],
  };
}

/**
 * The columns that store a visit's free texts, and the texts its search columns may be built from:
 * for a denunciation the texts sealed and masked in the clear, otherwise the texts in the clear.
 */
export function textColumns(
  id: string,
  contentKind: string | null | undefined,
  texts: VisitTexts,
  people: VisitPeople,
) {
  const protectedTexts = visitIdentityProtected(contentKind);
  const clear = protectedTexts ? maskVisitTexts(texts, people.visitors, people.representatives) : texts;
  return {
    columns: {
      content_summary: clear.contentSummary,
      notes: clear.notes,
      follow_up: clear.followUp,
      documents_received: JSON.stringify(clear.documentsReceived),
      texts_sealed: protectedTexts ? keyRing().seal(JSON.stringify(texts), textsContext(id)) : null,
    },
    searchable: clear,
  };
}

/** The texts a caller who may not see the identity gets: the people's data masked. */
export function maskedTextsOf(texts: VisitTexts, people: VisitPeople): VisitTexts {
  return maskVisitTexts(texts, people.visitors, people.representatives);
}

// ---------------------------------------------------------------------------------------------
// Who may see the identity.

/** The caller received the visitor: named as the visit's receiver, or recorded the visit. */
export function isReceiverOf(auth: AuthContext, row: Pick<StoredVisitIdentity, "receiver_id" | "created_by">): boolean {
  return row.receiver_id === auth.userId || row.created_by === auth.userId;
}

/**
 * The visits among `ids` whose letter became a petition, from which a case was opened that the
 * caller is assigned to. The link is petition.visit_id (set when the visit's letter is turned into
 * a petition) or the visit's own petition_id; a case points at its petition. Read from the tables of
 * the petitions and cases modules in one query, as access.ts `isAssigned` does for one case.
 */
async function assignedVisits(db: Kysely<DB>, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("reception_visit as v")
    .innerJoin("petition as p", (join) =>
      join.on((eb) => eb.or([eb("p.visit_id", "=", eb.ref("v.id")), eb("p.id", "=", eb.ref("v.petition_id"))])),
    )
    .innerJoin("resolution_case as c", "c.petition_id", "p.id")
    .innerJoin("case_assignment as ca", "ca.case_id", "c.id")
    .select("v.id")
    .distinct()
    .where("ca.user_id", "=", userId)
    .where("v.id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The ids of the visits among `rows` whose identity the caller may see. */
export async function identityVisibleFor(
  db: Kysely<DB>,
  auth: AuthContext,
  rows: readonly Pick<StoredVisitIdentity, "id" | "content_kind" | "receiver_id" | "created_by">[],
): Promise<Set<string>> {
  // Only a denunciation the caller did not receive needs the look at the cases.
  const unsure = rows.filter((r) => visitIdentityProtected(r.content_kind) && !isReceiverOf(auth, r)).map((r) => r.id);
  const assigned = await assignedVisits(db, auth.userId, unsure);
  const visible = rows.filter((r) =>
    maySeeVisitIdentity({
      contentKind: r.content_kind,
      isReceiver: isReceiverOf(auth, r),
      assignedToCase: assigned.has(r.id),
    }),
  );
  return new Set(visible.map((r) => r.id));
}

/** Whether the caller may see the identity of one visit. */
export async function maySeeIdentityOf(
  db: Kysely<DB>,
  auth: AuthContext,
  row: Pick<StoredVisitIdentity, "id" | "content_kind" | "receiver_id" | "created_by">,
): Promise<boolean> {
  return (await identityVisibleFor(db, auth, [row])).has(row.id);
}
