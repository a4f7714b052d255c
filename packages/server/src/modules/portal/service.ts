/**
 * The portal's work: filing a petition online into the agency's intake (the same insertPetition
 * every channel uses: register number, clocks, duplicate keys, sealed writers and texts), the
 * receipt code that unlocks that one petition, what its holder may see, and the messages between
 * the holder and the handler. Nothing here returns a writer's identity: the tracking page shows
 * the matter, never the person, whatever the kind of letter.
 */
import { randomUUID } from "node:crypto";
import {
  CASE_STATES,
  DomainError,
  FINAL_STATES,
  PETITION_STATES,
  todayInVietnam,
  type CaseState,
  type PetitionState,
} from "@minhbach/domain";
import type { PortalThread } from "@minhbach/domain/api/routes/portal";
import {
  parseReceiptCode,
  PORTAL_KINDS,
  PORTAL_NOTICE_FORMS,
  type FilingInput,
  type PortalKind,
} from "@minhbach/domain/portal/index";
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, can, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { writeEvent } from "../../platform/procedure.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";
import { insertReceivedFiles, type Received } from "../attachments/service.ts";
import { identityAccess } from "../identity/access.ts";
import { insertPetition } from "../petitions/intake.ts";
import { newReceiptCode, receiptHash } from "./crypto.ts";
import { keepNotifyAddress, notifyState, queuePortalMail } from "./mail.ts";

const messageContext = SEALED.portalMessage.context;

/** Who acts when a citizen files or writes: no user; the address is kept in the audit trail. */
export function citizenActor(agencyId: string | null, clientIp: string): Actor {
  return { userId: null, name: "Công dân (cổng trực tuyến)", agencyId, clientIp };
}

// ---- Directory ------------------------------------------------------------------------------

export interface PortalAgency {
  id: string;
  name: string;
  kind: string;
  parentName: string | null;
}

/** The agencies a citizen may send to: those in existence today, not the units inside a department. */
export async function portalAgencies(db: Kysely<DB>): Promise<PortalAgency[]> {
  const today = todayInVietnam();
  const rows = await db
    .selectFrom("agency as a")
    .leftJoin("agency as p", "p.id", "a.parent_id")
    .select(["a.id", "a.name", "a.kind", "p.name as parent_name"])
    .where("a.valid_from", "<=", today)
    .where((eb) => eb.or([eb("a.valid_to", "is", null), eb("a.valid_to", ">=", today)]))
    .where("a.kind", "<>", "department_unit")
    .orderBy("a.path")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parent_name }));
}

// ---- Filing ---------------------------------------------------------------------------------

export interface FilingResult {
  code: string;
  petitionCode: string;
  agencyName: string;
  receivedOn: string;
  files: number;
  /** The filer left an address for the notification mails. */
  notify: boolean;
}

/**
 * Receives one petition filed online, with its files (already received and checked), in one
 * transaction: nothing is saved unless everything is. `powId` is the challenge solved for it,
 * which may serve once.
 */
export async function fileOnline(
  db: Kysely<DB>,
  storageKind: string,
  input: FilingInput,
  files: readonly Received[],
  powId: string,
  clientIp: string,
): Promise<FilingResult> {
  return db.transaction().execute(async (trx) => {
    const today = todayInVietnam();
    const agency = await trx
      .selectFrom("agency")
      .select(["id", "name"])
      .where("id", "=", input.agencyId)
      .where("valid_from", "<=", today)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
      .executeTakeFirst();
    if (!agency) fail("VALIDATION_FAILED", "agencyId", "Cơ quan nhận đơn: cơ quan không có trong danh sách.");
    const used = await trx
      .selectFrom("portal_submission")
      .select("petition_id")
      .where("pow_id", "=", powId)
      .executeTakeFirst();
    if (used)
      fail(
        "VALIDATION_FAILED",
        "pow",
        "Phép thử chống gửi tự động này đã được dùng để gửi một đơn. Tải lại trang để gửi đơn khác.",
      );
    const actor = citizenActor(agency.id, clientIp);
    const created = await insertPetition(trx, actor, agency.id, input.body, null);
    if (files.length)
      await insertReceivedFiles(
        trx,
        storageKind,
        actor,
        { entityType: "petition", entityId: created.id },
        agency.id,
        files,
        null,
      );
    const code = newReceiptCode();
    await trx
      .insertInto("portal_submission")
      .values({ petition_id: created.id, code_hash: receiptHash(code), pow_id: powId, declared_kind: input.kind })
      .execute();
    if (input.notifyEmail) {
      await keepNotifyAddress(trx, created.id, input.notifyEmail, code);
      await queuePortalMail(trx, created.id, "received");
    }
    await recordAudit(trx, actor, {
      action: "portal.petition_filed",
      entityType: "petition",
      entityId: created.id,
      summary: {
        code: created.code,
        declaredKind: input.kind,
        files: files.length,
        anonymous: input.body.anonymous,
        notify: input.notifyEmail !== null,
      },
    });
    return {
      code,
      petitionCode: created.code,
      agencyName: agency.name,
      receivedOn: input.body.receivedOn,
      files: files.length,
      notify: input.notifyEmail !== null,
    };
  });
}

// ---- Receipt codes --------------------------------------------------------------------------

export type Lookup = { ok: true; petitionId: string; code: string } | { ok: false; message: string };

/**
 * The petition a typed code unlocks. Every refusal is audited with the address it came from
 * (the route limits how many an address may try); a code of the wrong form is refused without
 * looking anything up.
 */
export async function lookupCode(db: Kysely<DB>, typed: string, clientIp: string): Promise<Lookup> {
  const parsed = parseReceiptCode(typed);
  const row = parsed.ok
    ? await db
        .selectFrom("portal_submission as s")
        .innerJoin("petition as p", "p.id", "s.petition_id")
        .select(["s.petition_id", "p.agency_id", "p.state"])
        .where("s.code_hash", "=", receiptHash(parsed.code))
        .executeTakeFirst()
    : undefined;
  const usable = row && row.state !== "DESTROYED";
  await db.transaction().execute((trx) =>
    recordAudit(trx, citizenActor(row?.agency_id ?? null, clientIp), {
      action: usable ? "portal.code_used" : "portal.code_refused",
      entityType: usable ? "petition" : "portal_lookup",
      entityId: usable ? row.petition_id : null,
      summary: usable ? {} : { reason: parsed.ok ? "unknown" : parsed.reason },
    }),
  );
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (!usable)
    return {
      ok: false,
      message: "Không tìm thấy đơn với mã tra cứu này. Kiểm tra lại mã in trên phiếu tiếp nhận.",
    };
  return { ok: true, petitionId: row.petition_id, code: parsed.code };
}

// ---- What the code holder sees --------------------------------------------------------------

export interface CitizenView {
  petitionCode: string;
  agencyName: string;
  receivedOn: string;
  declaredKind: string | null;
  status: string;
  caseStatus: string | null;
  dueOn: string | null;
  files: number;
  notices: { title: string; symbol: string | null; issuedOn: string | null }[];
  messages: { author: "citizen" | "officer"; text: string; at: Date }[];
  /** Whether the holder may still write (not once the matter is closed or destroyed). */
  canReply: boolean;
  /** The notification mails: no address given, being sent, or stopped by the holder. */
  mail: "none" | "active" | "stopped";
}

function isClosedPetition(state: string): boolean {
  return state.startsWith("CLOSED") || state === "DESTROYED" || state === "FILED";
}

/** The tracking page's content for the petition a code unlocked (and only that petition). */
export async function citizenView(db: Kysely<DB>, petitionId: string): Promise<CitizenView> {
  const p = await db
    .selectFrom("petition as p")
    .innerJoin("agency as a", "a.id", "p.agency_id")
    .innerJoin("portal_submission as s", "s.petition_id", "p.id")
    .select(["p.id", "p.code", "p.state", "p.received_on", "p.due_on", "a.name as agency_name", "s.declared_kind"])
    .where("p.id", "=", petitionId)
    .executeTakeFirstOrThrow();
  const kase = await db
    .selectFrom("resolution_case")
    .select(["id", "state", "due_on"])
    .where("petition_id", "=", petitionId)
    .executeTakeFirst();
  const notices = await db
    .selectFrom("official_document")
    .select(["title", "symbol", "number", "issued_on", "form_code"])
    .where("status", "=", "issued")
    .where("form_code", "in", [...PORTAL_NOTICE_FORMS])
    .where((eb) =>
      eb.or([
        eb.and([eb("entity_type", "=", "petition"), eb("entity_id", "=", petitionId)]),
        ...(kase ? [eb.and([eb("entity_type", "=", "case"), eb("entity_id", "=", kase.id)])] : []),
      ]),
    )
    .orderBy("issued_on")
    .execute();
  const files = await db
    .selectFrom("attachment")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", petitionId)
    .executeTakeFirstOrThrow();
  const caseClosed = kase ? FINAL_STATES.includes(kase.state as CaseState) : false;
  return {
    petitionCode: p.code,
    agencyName: p.agency_name,
    receivedOn: p.received_on,
    declaredKind: p.declared_kind ? (PORTAL_KINDS[p.declared_kind as PortalKind]?.label ?? null) : null,
    status: PETITION_STATES[p.state as PetitionState] ?? p.state,
    caseStatus: kase ? (CASE_STATES[kase.state as CaseState] ?? kase.state) : null,
    dueOn: kase?.due_on ?? p.due_on,
    files: Number(files.n),
    notices: notices.map((n) => ({
      title: n.title,
      symbol: n.number !== null && n.symbol ? `${n.number}/${n.symbol}` : n.symbol,
      issuedOn: n.issued_on,
    })),
    messages: await readMessages(db, petitionId),
    canReply: !isClosedPetition(p.state) && !caseClosed,
    mail: await notifyState(db, petitionId),
  };
}

async function readMessages(db: Kysely<DB> | Transaction<DB>, petitionId: string) {
  const rows = await db
    .selectFrom("portal_message")
    .select(["id", "author", "body_sealed", "created_at"])
    .where("petition_id", "=", petitionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const ring = keyRing();
  return rows.map((r) => ({
    id: r.id,
    author: r.author,
    text: ring.open(r.body_sealed, messageContext(r.id)),
    at: new Date(r.created_at),
  }));
}

export const MAX_MESSAGE = 4000;

/** The code holder's answer to the handler (or a first message of their own). */
export async function citizenWrites(db: Kysely<DB>, petitionId: string, text: string, clientIp: string): Promise<void> {
  const body = text.replace(/\r\n?/g, "\n").trim();
  if (!body) fail("VALIDATION_FAILED", "text", "Nội dung trả lời: nhập nội dung trước khi gửi.");
  if (body.length > MAX_MESSAGE)
    fail("VALIDATION_FAILED", "text", `Nội dung trả lời: tối đa ${MAX_MESSAGE} ký tự (đang có ${body.length}).`);
  if (body.includes("\u0000")) fail("VALIDATION_FAILED", "text", "Nội dung trả lời: chứa ký tự không hợp lệ.");
  await db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom("petition")
      .select(["id", "agency_id", "state"])
      .where("id", "=", petitionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (isClosedPetition(p.state))
      fail("VALIDATION_FAILED", "text", "Đơn đã kết thúc xử lý: không gửi thêm tin nhắn được.");
    const actor = citizenActor(p.agency_id, clientIp);
    const id = randomUUID();
    await trx
      .insertInto("portal_message")
      .values({
        id,
        petition_id: p.id,
        author: "citizen",
        author_user_id: null,
        body_sealed: keyRing().seal(body, messageContext(id)),
      })
      .execute();
    await writeEvent(trx, "petition", p.id, actor, { action: "portal_message_in", data: { messageId: id } });
    await recordAudit(trx, actor, {
      action: "portal.message_from_citizen",
      entityType: "petition",
      entityId: p.id,
      summary: { messageId: id, length: body.length },
    });
  });
}

// ---- The back office's panel ----------------------------------------------------------------

async function loadForOfficer(db: Kysely<DB>, auth: AuthContext, petitionId: string) {
  const p = await db
    .selectFrom("petition")
    .select(["id", "agency_id", "kind", "state"])
    .where("id", "=", petitionId)
    .executeTakeFirst();
  if (!p) fail("NOT_FOUND", "id", "Không tìm thấy đơn.");
  await assertAgencyInScope(db, auth, "petition.read", p.agency_id);
  return p;
}

/**
 * The thread as an officer sees it. A protected writer's words (the letter may be a denunciation)
 * are read only by those who may see the writer, and each such reading is audited.
 */
export async function officerThread(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  petitionId: string,
): Promise<PortalThread> {
  const p = await loadForOfficer(db, auth, petitionId);
  const submission = await db
    .selectFrom("portal_submission")
    .select(["declared_kind", "created_at"])
    .where("petition_id", "=", petitionId)
    .executeTakeFirst();
  if (!submission)
    return {
      online: false,
      declaredKind: null,
      declaredKindLabel: null,
      filedAt: null,
      canRead: false,
      canAsk: false,
      messages: [],
    };
  const identity = await identityAccess(db, auth, p);
  const canRead = identity.canView;
  let mayWrite = false;
  if (can(auth, "petition.write")) {
    try {
      await assertAgencyInScope(db, auth, "petition.write", p.agency_id);
      mayWrite = true;
    } catch {
      mayWrite = false;
    }
  }
  const rows = await db
    .selectFrom("portal_message as m")
    .leftJoin("app_user as u", "u.id", "m.author_user_id")
    .select(["m.id", "m.author", "m.body_sealed", "m.created_at", "u.full_name"])
    .where("m.petition_id", "=", petitionId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
  if (canRead && identity.protected && rows.some((r) => r.author === "citizen"))
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "portal.messages_viewed",
        entityType: "petition",
        entityId: petitionId,
        summary: { messages: rows.length, identity: identity.ground },
      }),
    );
  const ring = keyRing();
  return {
    online: true,
    declaredKind: submission.declared_kind,
    declaredKindLabel: submission.declared_kind
      ? (PORTAL_KINDS[submission.declared_kind as PortalKind]?.label ?? null)
      : null,
    filedAt: new Date(submission.created_at).toISOString(),
    canRead,
    canAsk: canRead && mayWrite && !isClosedPetition(p.state),
    messages: rows.map((r) => ({
      id: r.id,
      author: r.author,
      authorName: r.author === "officer" ? (r.full_name ?? null) : null,
      text: canRead || r.author === "officer" ? ring.open(r.body_sealed, messageContext(r.id)) : null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/** The handler asks the sender for more information; the sender reads it with the receipt code. */
export async function askCitizen(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  petitionId: string,
  text: string,
): Promise<PortalThread> {
  const p = await loadForOfficer(db, auth, petitionId);
  await assertAgencyInScope(db, auth, "petition.write", p.agency_id);
  const thread = await officerThread(db, auth, actor, petitionId);
  if (!thread.online)
    throw new DomainError(
      "VALIDATION_FAILED",
      "Đơn này không gửi qua cổng trực tuyến: không có người gửi để hỏi.",
      "id",
    );
  if (!thread.canRead) fail("IDENTITY_PROTECTED");
  if (isClosedPetition(p.state))
    throw new DomainError("VALIDATION_FAILED", "Đơn đã kết thúc xử lý: không gửi câu hỏi được nữa.", "text");
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("portal_message")
      .values({
        id,
        petition_id: petitionId,
        author: "officer",
        author_user_id: auth.userId,
        body_sealed: keyRing().seal(text, messageContext(id)),
      })
      .execute();
    await writeEvent(trx, "petition", petitionId, actor, { action: "portal_message_out", data: { messageId: id } });
    // The filer is told by mail that a message waits (not what it says), if they asked to be.
    await queuePortalMail(trx, petitionId, "message");
    await recordAudit(trx, actor, {
      action: "portal.message_to_citizen",
      entityType: "petition",
      entityId: petitionId,
      summary: { messageId: id, length: text.length },
    });
  });
  return officerThread(db, auth, actor, petitionId);
}
