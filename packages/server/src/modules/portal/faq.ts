/**
 * Questions and answers (issue 20): each agency's frequent questions, written by its officers
 * (reception.write in the agency's scope), shown on the portal (/cong-dan/hoi-dap) while
 * "published", searched without accents. Every change is audited.
 */
import { randomUUID } from "node:crypto";
import type { FaqView } from "@minhbach/domain/api/routes/portal";
import { normalizeForMatch } from "@minhbach/domain/text/normalize";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";

const PERMISSION = "reception.write" as const;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("portal_faq as f")
    .innerJoin("agency as a", "a.id", "f.agency_id")
    .select([
      "f.id",
      "f.agency_id",
      "a.name as agency_name",
      "f.question",
      "f.answer",
      "f.position",
      "f.published",
      "f.version",
      "f.updated_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toView(r: Row): FaqView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    question: r.question,
    answer: r.answer,
    position: r.position,
    published: r.published,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function getFaq(db: Kysely<DB>, id: string): Promise<FaqView> {
  const row = await baseQuery(db).where("f.id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy câu hỏi.");
  return toView(row);
}

export async function listFaq(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { agencyId?: string | undefined },
): Promise<FaqView[]> {
  if (query.agencyId) await assertAgencyInScope(db, auth, PERMISSION, query.agencyId, "agencyId");
  let q = baseQuery(db).where(inScope(auth, PERMISSION, "f.agency_id"));
  if (query.agencyId) q = q.where("f.agency_id", "=", query.agencyId);
  const rows = await q.orderBy("a.path").orderBy("f.position").orderBy("f.created_at").limit(1000).execute();
  return rows.map(toView);
}

const searchOf = (question: string, answer: string) => normalizeForMatch(`${question} ${answer}`);

export async function createFaq(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: {
    agencyId: string;
    question: string;
    answer: string;
    position?: number | undefined;
    published?: boolean | undefined;
  },
): Promise<FaqView> {
  const agency = await db.selectFrom("agency").select("id").where("id", "=", body.agencyId).executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  await assertAgencyInScope(db, auth, PERMISSION, body.agencyId, "agencyId");
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("portal_faq")
      .values({
        id,
        agency_id: body.agencyId,
        question: body.question,
        answer: body.answer,
        search_text: searchOf(body.question, body.answer),
        position: body.position ?? 0,
        published: body.published ?? true,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: "portal.faq.created",
      entityType: "portal_faq",
      entityId: id,
      summary: { agencyId: body.agencyId, published: body.published ?? true },
    });
  });
  return getFaq(db, id);
}

export async function updateFaq(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: { question: string; answer: string; position: number; published: boolean; version: number },
): Promise<FaqView> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("portal_faq")
      .select(["agency_id", "version", "published"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy câu hỏi.");
    await assertAgencyInScope(trx as unknown as Kysely<DB>, auth, PERMISSION, row.agency_id);
    if (row.version !== body.version) fail("VERSION_CONFLICT", "version");
    await trx
      .updateTable("portal_faq")
      .set({
        question: body.question,
        answer: body.answer,
        search_text: searchOf(body.question, body.answer),
        position: body.position,
        published: body.published,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "portal.faq.updated",
      entityType: "portal_faq",
      entityId: id,
      summary: { published: body.published, wasPublished: row.published },
    });
  });
  return getFaq(db, id);
}

export interface PublicFaq {
  agencyName: string;
  agencyCode: string;
  question: string;
  answer: string;
}

/** The portal's Q&A: published questions, optionally of one agency, searched word by word. */
export async function publicFaq(db: Kysely<DB>, search: { q: string; agencyCode: string }): Promise<PublicFaq[]> {
  let q = db
    .selectFrom("portal_faq as f")
    .innerJoin("agency as a", "a.id", "f.agency_id")
    .select(["a.name as agency_name", "a.code as agency_code", "f.question", "f.answer"])
    .where("f.published", "=", true);
  if (search.agencyCode) q = q.where("a.code", "=", search.agencyCode);
  for (const w of normalizeForMatch(search.q).split(" ").filter(Boolean).slice(0, 8))
    q = q.where(sql<boolean>`position(${w} in f.search_text) > 0`);
  const rows = await q.orderBy("a.path").orderBy("f.position").orderBy("f.created_at").limit(200).execute();
  return rows.map((r) => ({
    agencyName: r.agency_name,
    agencyCode: r.agency_code,
    question: r.question,
    answer: r.answer,
  }));
}
