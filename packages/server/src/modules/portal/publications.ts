/**
 * Published results (issue 20, docs/LAW.md §5.4, §6.3, §6.6, §8.4): an issued complaint decision,
 * denunciation conclusion or inspection conclusion is shown on the portal only as the text an
 * officer of the issuing agency reviewed. The system proposes it with the parties' personal data
 * masked (the writers' sealed data and every contact or identity number by its shape), the officer
 * edits it, and publishing refuses a text that still holds any of it. Shown from the day of
 * publication through its last day (at least 15 consecutive days), unless withdrawn with a reason.
 */
import { randomUUID } from "node:crypto";
import { todayInVietnam, type RedactionSubject } from "@minhbach/domain";
import type { PublicationProposal, PublicationView } from "@minhbach/domain/api/routes/portal";
import {
  checkPublicationStart,
  checkPublicationWindow,
  isVisibleOn,
  personalDataLeft,
  proposePublicText,
  PUBLICATION_BASIS,
  PUBLICATION_KINDS,
  publicationKindOf,
  publicationMinEnd,
  type PublicationKind,
} from "@minhbach/domain/portal/publication";
import { normalizeForMatch } from "@minhbach/domain/text/normalize";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { issuedDocumentText } from "../documents/service.ts";
import { redactionSubjects } from "../identity/masks.ts";
import { readParties } from "../identity/parties.ts";

type Db = Kysely<DB> | Transaction<DB>;

// ---- The issued paper and its parties -------------------------------------------------------

interface IssuedPaper {
  id: string;
  agencyId: string;
  agencyName: string;
  entityType: string;
  entityId: string;
  kind: PublicationKind;
  title: string;
  symbol: string;
  issuedOn: string;
}

/** An issued, publishable paper of an agency in the caller's document.issue scope. */
async function publishablePaper(db: Db, auth: AuthContext, documentId: string): Promise<IssuedPaper> {
  const row = await db
    .selectFrom("official_document as d")
    .innerJoin("agency as a", "a.id", "d.agency_id")
    .select([
      "d.id",
      "d.agency_id",
      "a.name as agency_name",
      "d.entity_type",
      "d.entity_id",
      "d.form_code",
      "d.status",
      "d.title",
      "d.symbol",
      "d.issued_on",
    ])
    .where("d.id", "=", documentId)
    .executeTakeFirst();
  if (!row) fail("NOT_FOUND", "documentId", "Không tìm thấy văn bản.");
  await assertAgencyInScope(db as Kysely<DB>, auth, "document.issue", row.agency_id, "documentId");
  const kind = publicationKindOf(row.form_code);
  if (!kind || row.status !== "issued" || !row.symbol || !row.issued_on)
    fail("PUBLICATION_NOT_PUBLISHABLE", "documentId");
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    entityType: row.entity_type,
    entityId: row.entity_id,
    kind,
    // A case paper's stored title is the masked copy for a denunciation; the public title is rebuilt.
    title: row.title,
    symbol: row.symbol,
    issuedOn: String(row.issued_on),
  };
}

/**
 * Whose personal data the published text must not hold: the writers of the letter behind a case
 * (sealed; a denouncer's identity above all), read for this check only and never returned; for an
 * inspection conclusion, the individuals inspected (name, address, personal tax number), as the
 * inspection's own publication notice masks them — an enterprise's or a body's name stays, the
 * conclusion is about it. Phones, e-mails and identity numbers are masked by their shape anyway.
 */
async function subjectsOf(db: Db, paper: IssuedPaper): Promise<RedactionSubject[]> {
  if (paper.entityType === "inspection") {
    const people = await db
      .selectFrom("inspection_target as t")
      .innerJoin("inspection_subject as s", "s.id", "t.subject_id")
      .select(["s.name", "s.address", "s.tax_code"])
      .where("t.inspection_id", "=", paper.entityId)
      .where("s.kind", "=", "individual")
      .execute();
    return people.map((p) => ({ name: p.name, address: p.address, numbers: [p.tax_code] }));
  }
  if (paper.entityType !== "case") return [];
  const kase = await db
    .selectFrom("resolution_case")
    .select("petition_id")
    .where("id", "=", paper.entityId)
    .executeTakeFirst();
  if (!kase) return [];
  const { petitioners } = await readParties(db, kase.petition_id);
  return redactionSubjects(petitioners);
}

/** "Kết luận nội dung tố cáo số 12/KL-TTT ngày 05/03/2026": a title that names no one. */
function publicTitle(paper: IssuedPaper): string {
  const [y, m, d] = paper.issuedOn.split("-");
  return `${PUBLICATION_KINDS[paper.kind]} số ${paper.symbol} ngày ${d}/${m}/${y}`;
}

// ---- Reading ----------------------------------------------------------------------------------

function viewQuery(db: Db) {
  return db
    .selectFrom("portal_publication as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .leftJoin("app_user as u", "u.id", "p.published_by")
    .select([
      "p.id",
      "p.agency_id",
      "a.name as agency_name",
      "p.document_id",
      "p.kind",
      "p.title",
      "p.symbol",
      "p.issued_on",
      "p.body",
      "p.published_on",
      "p.visible_until",
      "u.full_name as published_by_name",
      "p.withdrawn_at",
      "p.withdrawn_reason",
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["executeTakeFirstOrThrow"]>>;

function toView(r: ViewRow, today = todayInVietnam()): PublicationView {
  const publishedOn = String(r.published_on);
  const visibleUntil = String(r.visible_until);
  const withdrawn = r.withdrawn_at !== null;
  const status = withdrawn
    ? "withdrawn"
    : isVisibleOn({ publishedOn, visibleUntil, withdrawn }, today)
      ? "shown"
      : today < publishedOn
        ? "scheduled"
        : "expired";
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    documentId: r.document_id,
    kind: r.kind,
    kindLabel: PUBLICATION_KINDS[r.kind],
    title: r.title,
    symbol: r.symbol,
    issuedOn: String(r.issued_on),
    body: r.body,
    publishedOn,
    visibleUntil,
    publishedByName: r.published_by_name,
    status,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    withdrawnReason: r.withdrawn_reason,
  };
}

async function getPublication(db: Db, id: string): Promise<PublicationView> {
  const row = await viewQuery(db).where("p.id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy kết quả công khai.");
  return toView(row);
}

/** The back office's list: publications of the agencies in the caller's document.read scope. */
export async function listPublications(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { agencyId?: string | undefined },
): Promise<PublicationView[]> {
  if (query.agencyId) await assertAgencyInScope(db, auth, "document.read", query.agencyId, "agencyId");
  let q = viewQuery(db).where(inScope(auth, "document.read", "p.agency_id"));
  if (query.agencyId) q = q.where("p.agency_id", "=", query.agencyId);
  const rows = await q.orderBy("p.published_on", "desc").orderBy("p.created_at", "desc").limit(500).execute();
  const today = todayInVietnam();
  return rows.map((r) => toView(r, today));
}

// ---- The redaction step -----------------------------------------------------------------------

/** "Công khai kết quả": the text proposed with the parties' personal data masked, to review. */
export async function proposePublication(
  db: Kysely<DB>,
  auth: AuthContext,
  documentId: string,
): Promise<PublicationProposal> {
  const paper = await publishablePaper(db, auth, documentId);
  const subjects = await subjectsOf(db, paper);
  const text = await issuedDocumentText(db, paper.id);
  const live = await viewQuery(db)
    .where("p.document_id", "=", paper.id)
    .where("p.withdrawn_at", "is", null)
    .executeTakeFirst();
  const today = todayInVietnam();
  return {
    documentId: paper.id,
    agencyId: paper.agencyId,
    agencyName: paper.agencyName,
    kind: paper.kind,
    kindLabel: PUBLICATION_KINDS[paper.kind],
    title: publicTitle(paper),
    symbol: paper.symbol,
    issuedOn: paper.issuedOn,
    body: proposePublicText(text, subjects),
    publishedOn: today,
    minVisibleUntil: publicationMinEnd(today),
    basis: PUBLICATION_BASIS[paper.kind],
    live: live ? toView(live, today) : null,
  };
}

/**
 * Publishes the reviewed text: refused while it holds any personal data of the parties (the
 * refusal is audited on its own, since it says something about what the sealed data holds), or
 * while another publication of the paper is live. From `publishedOn` (today when not given; a
 * planned day is today or later, domain checkPublicationStart) through `visibleUntil`.
 */
export async function publish(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  body: { documentId: string; title: string; body: string; publishedOn?: string | undefined; visibleUntil: string },
): Promise<PublicationView> {
  const today = todayInVietnam();
  const publishedOn = body.publishedOn ?? today;
  const startProblem = checkPublicationStart(publishedOn, today);
  if (startProblem) fail("PUBLICATION_WINDOW", startProblem.field, startProblem.message);
  const windowProblem = checkPublicationWindow(publishedOn, body.visibleUntil);
  if (windowProblem) fail("PUBLICATION_WINDOW", windowProblem.field, windowProblem.message);
  const paper = await publishablePaper(db, auth, body.documentId);
  const subjects = await subjectsOf(db, paper);
  const left = [...personalDataLeft(body.title, subjects), ...personalDataLeft(body.body, subjects)];
  if (left.length) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "portal.publication.refused",
        entityType: "document",
        entityId: paper.id,
        summary: { reason: "personal_data", places: left.length },
      }),
    );
    fail(
      "PUBLICATION_PERSONAL_DATA",
      personalDataLeft(body.title, subjects).length ? "title" : "body",
      `Nội dung công khai còn ${left.length} chỗ là thông tin cá nhân của các bên (họ tên, địa chỉ, số giấy tờ, số điện thoại, thư điện tử của người khiếu nại, tố cáo; số điện thoại, số giấy tờ của bất kỳ ai): che các chỗ đó trước khi công khai.`,
    );
  }
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    // The paper's row lock makes two officers publishing it at once take turns.
    await trx.selectFrom("official_document").select("id").where("id", "=", paper.id).forUpdate().execute();
    const live = await trx
      .selectFrom("portal_publication")
      .select("id")
      .where("document_id", "=", paper.id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (live) fail("PUBLICATION_EXISTS", "documentId");
    await trx
      .insertInto("portal_publication")
      .values({
        id,
        agency_id: paper.agencyId,
        document_id: paper.id,
        kind: paper.kind,
        title: body.title,
        symbol: paper.symbol,
        issued_on: paper.issuedOn,
        body: body.body,
        search_text: normalizeForMatch(`${body.title} ${paper.symbol} ${paper.agencyName} ${body.body}`),
        published_on: publishedOn,
        visible_until: body.visibleUntil,
        published_by: actor.userId,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: "portal.publication.published",
      entityType: "portal_publication",
      entityId: id,
      summary: {
        documentId: paper.id,
        kind: paper.kind,
        symbol: paper.symbol,
        publishedOn,
        visibleUntil: body.visibleUntil,
      },
    });
  });
  return getPublication(db, id);
}

/** Takes a publication off the portal at once, with the reason; audited. */
export async function withdraw(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  reason: string,
): Promise<PublicationView> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("portal_publication")
      .select(["id", "agency_id", "withdrawn_at", "document_id"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy kết quả công khai.");
    await assertAgencyInScope(trx as unknown as Kysely<DB>, auth, "document.issue", row.agency_id);
    if (row.withdrawn_at) fail("PUBLICATION_WITHDRAWN");
    await trx
      .updateTable("portal_publication")
      .set({ withdrawn_at: new Date(), withdrawn_by: actor.userId, withdrawn_reason: reason })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "portal.publication.withdrawn",
      entityType: "portal_publication",
      entityId: id,
      summary: { documentId: row.document_id, reason },
    });
  });
  return getPublication(db, id);
}

// ---- The portal's side ------------------------------------------------------------------------

export interface PublicItem {
  id: string;
  agencyName: string;
  kindLabel: string;
  title: string;
  symbol: string;
  issuedOn: string;
  publishedOn: string;
  visibleUntil: string;
}

export interface PublicSearch {
  q: string;
  kind: PublicationKind | "";
  /** The publishing agency's code (LC.SCT…), or "" for all. */
  agencyCode: string;
  page: number;
}

export const PUBLIC_PAGE_SIZE = 20;

/** What the portal shows today: live, in its window. Searched without accents, word by word. */
function shownToday(db: Kysely<DB>) {
  const today = todayInVietnam();
  return db
    .selectFrom("portal_publication as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .where("p.withdrawn_at", "is", null)
    .where("p.published_on", "<=", today)
    .where("p.visible_until", ">=", today);
}

export async function publicList(
  db: Kysely<DB>,
  search: PublicSearch,
): Promise<{ items: PublicItem[]; total: number }> {
  let q = shownToday(db);
  const words = normalizeForMatch(search.q).split(" ").filter(Boolean).slice(0, 8);
  for (const w of words) q = q.where(sql<boolean>`position(${w} in p.search_text) > 0`);
  if (search.kind) q = q.where("p.kind", "=", search.kind);
  if (search.agencyCode) q = q.where("a.code", "=", search.agencyCode);
  const [rows, count] = await Promise.all([
    q
      .select([
        "p.id",
        "a.name as agency_name",
        "p.kind",
        "p.title",
        "p.symbol",
        "p.issued_on",
        "p.published_on",
        "p.visible_until",
      ])
      .orderBy("p.published_on", "desc")
      .orderBy("p.id")
      .limit(PUBLIC_PAGE_SIZE)
      .offset((search.page - 1) * PUBLIC_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      agencyName: r.agency_name,
      kindLabel: PUBLICATION_KINDS[r.kind],
      title: r.title,
      symbol: r.symbol,
      issuedOn: String(r.issued_on),
      publishedOn: String(r.published_on),
      visibleUntil: String(r.visible_until),
    })),
  };
}

/** The agencies with a result shown today, for the list's agency filter (by name). */
export async function publicAgencies(db: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return shownToday(db).select(["a.code", "a.name"]).distinct().orderBy("a.name").execute();
}

export async function publicDetail(db: Kysely<DB>, id: string): Promise<(PublicItem & { body: string }) | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const r = await shownToday(db)
    .select([
      "p.id",
      "a.name as agency_name",
      "p.kind",
      "p.title",
      "p.symbol",
      "p.issued_on",
      "p.published_on",
      "p.visible_until",
      "p.body",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    agencyName: r.agency_name,
    kindLabel: PUBLICATION_KINDS[r.kind],
    title: r.title,
    symbol: r.symbol,
    issuedOn: String(r.issued_on),
    publishedOn: String(r.published_on),
    visibleUntil: String(r.visible_until),
    body: r.body,
  };
}
