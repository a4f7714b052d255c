/**
 * Every column the key ring seals, in one list: a writer of a letter, a letter's own texts, the
 * people of a reception visit… Key rotation re-seals them all and `minhbach keys retire` counts
 * them all before a key may go, so a column missing here would be lost with a retired key. A
 * module that seals a new column adds it here and takes its context from here.
 *
 * A sealed value is bound to its row (the context names the row's id): copied to another row, it
 * does not open.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { keyRing } from "./vault.ts";

export interface SealedColumn {
  table: string;
  column: string;
  /** The context a value of the row `id` is sealed with. */
  context: (id: string) => string;
  /** The type of the table's `id` (a uuid unless said). */
  idType?: "uuid" | "bigint";
}

function sealed(table: string, column: string, prefix: string, idType?: "bigint"): SealedColumn {
  return { table, column, context: (id) => `${prefix}:${id}`, ...(idType ? { idType } : {}) };
}

export const SEALED = {
  /** A letter's writer (identity/parties.ts). */
  writer: sealed("petition_party", "sealed", "petition_party"),
  /** The original texts of a letter that may be a denunciation (identity/letter-texts.ts). */
  letterTexts: sealed("petition", "texts_sealed", "petition_texts"),
  /** The people who came to a reception visit (identity/visits.ts). */
  visitPeople: sealed("reception_visit", "people_sealed", "reception_visit"),
  /** A denunciation visit's free texts as written (identity/visits.ts). */
  visitTexts: sealed("reception_visit", "texts_sealed", "visit_texts"),
  /** A protected record's document: its fields and title as written (identity/protected-records.ts). */
  documentFields: sealed("official_document", "fields_sealed", "document_fields"),
  /** The signed .docx of a protected record's issued document (documents/service.ts). */
  documentFile: sealed("official_document", "file_sealed", "document_file"),
  /** An attachment's file name and description as given (attachments/service.ts). */
  attachmentNames: sealed("attachment", "names_sealed", "attachment_names"),
  // anticorruption
  /** An asset and income declaration's content (anticorruption/declarations.ts). */
  declaration: sealed("ac_declaration", "content_sealed", "ac_declaration"),
  // portal
  /** A message between a portal filer and the handler (portal/service.ts). */
  portalMessage: sealed("portal_message", "body_sealed", "portal_message"),
  // public consultation (issue 20)
  /** The contact a commenter on a draft left for the drafting body (consultations/service.ts). */
  consultationContact: sealed("consultation_comment", "contact_sealed", "consultation_contact"),
  // a denunciation case's typed texts (0040)
  /** A protected case's facts as typed by its resolvers (cases/at-rest.ts). */
  caseFacts: sealed("resolution_case", "facts_sealed", "case_facts"),
  /** The data of a protected case's timeline entry as written (cases/at-rest.ts). */
  caseEventData: sealed("case_event", "data_sealed", "case_event", "bigint"),
  // an inspection triggered by a denunciation case (0046)
  /** Its title, content and ground as typed (inspections/record/at-rest.ts). */
  inspectionTexts: sealed("inspection", "texts_sealed", "inspection_texts"),
  /** Its facts as written (inspections/record/at-rest.ts). */
  inspectionFacts: sealed("inspection", "facts_sealed", "inspection_facts"),
  /** The data of its timeline entry as written (inspections/record/at-rest.ts). */
  inspectionEventData: sealed("inspection_event", "data_sealed", "inspection_event", "bigint"),
  // portal survey comments (0045)
  /** A satisfaction survey's free comment (portal/survey.ts). */
  surveyComment: sealed("portal_survey_answer", "comment_sealed", "portal_survey_comment"),
  /** The e-mail a portal filer left to be told of their letter (portal/mail.ts). */
  portalNotify: sealed("portal_notify", "email_sealed", "portal_notify"),
} satisfies Record<string, SealedColumn>;

export const SEALED_COLUMNS: readonly SealedColumn[] = Object.values(SEALED);

const FIRST_ID = { uuid: "00000000-0000-0000-0000-000000000000", bigint: "0" } as const;

/** Re-seals every sealed value not under the ring's primary key (after a rotation). */
export async function resealAll(db: Kysely<DB>, onProgress?: (done: number) => void, batch = 500): Promise<number> {
  const ring = keyRing();
  const primary = `v1.${ring.primaryId}.`;
  let done = 0;
  for (const col of SEALED_COLUMNS) {
    const idType = col.idType ?? "uuid";
    let after: string = FIRST_ID[idType];
    for (;;) {
      const { rows } = await sql<{ row_id: string; value: string }>`
        select id::text as row_id, ${sql.ref(col.column)} as value from ${sql.table(col.table)}
        where ${sql.ref(col.column)} is not null and id > cast(${after} as ${sql.raw(idType)})
        order by id limit ${batch}`.execute(db);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.row_id;
      const stale = rows.filter((r) => !r.value.startsWith(primary));
      if (stale.length) {
        await db.transaction().execute(async (trx) => {
          for (const r of stale) {
            const value = ring.seal(ring.open(r.value, col.context(r.row_id)), col.context(r.row_id));
            await sql`update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${value} where id = cast(${r.row_id} as ${sql.raw(idType)})`.execute(
              trx,
            );
          }
        });
      }
      done += stale.length;
      onProgress?.(done);
    }
  }
  return done;
}

/**
 * How many sealed values and encrypted files each key holds (for `minhbach keys status` and
 * retiring a key). Files keep the key they were written with: a key is retired only when nothing
 * of either kind needs it.
 */
export async function sealedByKey(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (key: string | null, n: unknown) => {
    if (key) counts[key] = (counts[key] ?? 0) + Number(n);
  };
  for (const col of SEALED_COLUMNS) {
    const { rows } = await sql<{ key: string | null; n: string }>`
      select split_part(${sql.ref(col.column)}, '.', 2) as key, count(*) as n from ${sql.table(col.table)}
      where ${sql.ref(col.column)} is not null group by 1`.execute(db);
    for (const r of rows) add(r.key, r.n);
  }
  const files = await db
    .selectFrom("attachment")
    .select((eb) => ["key_id as key", eb.fn.countAll<number>().as("n")])
    .where("key_id", "is not", null)
    .groupBy("key_id")
    .execute();
  for (const r of files) add(r.key, r.n);
  return counts;
}
