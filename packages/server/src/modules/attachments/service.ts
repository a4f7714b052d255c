/**
 * Attachments of a record (today: a petition). Every function first asks the owning record for
 * its agency and checks the caller's scope there, every time: an attachment is never reachable
 * by its id alone. Uploads are all-or-nothing per request; each upload, download and delete
 * writes an audit event (file names stay out of the audit trail: they often carry a
 * petitioner's name).
 */
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { DomainError, ERROR_MESSAGES, FINAL_STATES, type CaseState, type Permission } from "@minhbach/domain";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { AttachmentTable, DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { RuleViolation } from "../../platform/problems.ts";
import { ACCEPTED_EXTENSIONS, ACCEPTED_KINDS, FileInspector, type FileKind } from "./file-types.ts";
import type { Encryption, FileStorage } from "./storage.ts";
import { identityAccess, isAssigned } from "../identity/access.ts";
import {
  attachmentNamesContext,
  openJson,
  protectedRecord,
  sealJson,
  type ProtectedRecord,
} from "../identity/protected-records.ts";

/** Files per upload request. */
export const MAX_FILES = 20;
const MAX_DESCRIPTION = 1000;
const MAX_NAME = 200;

export interface AttachmentDeps {
  db: Kysely<DB>;
  storage: FileStorage;
  maxUploadBytes: number;
  /** Encrypt new files (the storage must then have a key provider). */
  encrypt: boolean;
}

// ---- Owners ---------------------------------------------------------------------------------

export interface Owner {
  agencyId: string;
  /** Attachments may still be added or removed. */
  open: boolean;
  /**
   * The petition, for the denouncer's protection: a scan of the letter shows its handwriting.
   * Null for a record that no petition stands behind (an inspection's recovery evidence).
   */
  petition: { id: string; agency_id: string; kind: string | null } | null;
}

export interface OwnerKind {
  read: Permission;
  write: Permission;
  notFound: string;
  locked: string;
  load(db: Kysely<DB>, id: string): Promise<Owner | null>;
  /** Who may add or remove files beyond the write permission (a case: only those assigned). */
  mayWrite?(db: Kysely<DB>, auth: AuthContext, id: string): Promise<boolean>;
}

const OWNERS: Record<string, OwnerKind> = {
  petition: {
    read: "petition.read",
    write: "petition.write",
    notFound: "Không tìm thấy đơn.",
    locked: "Đơn đã kết thúc hoặc đã tiêu hủy: không thêm, xóa tệp đính kèm được nữa.",
    // Only the agency and the state are read here (as documents do), not the petition's content.
    async load(db, id) {
      const row = await db
        .selectFrom("petition")
        .select(["id", "agency_id", "state", "kind"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        agencyId: row.agency_id,
        open: !row.state.startsWith("CLOSED") && row.state !== "DESTROYED",
        petition: { id: row.id, agency_id: row.agency_id, kind: row.kind },
      };
    },
  },
};

OWNERS.case = {
  read: "case.read",
  write: "case.write",
  notFound: "Không tìm thấy vụ việc.",
  locked: "Vụ việc đã kết thúc: không thêm, xóa tệp đính kèm được nữa.",
  // Evidence, plans and minutes of the verification. A denunciation's files are protected like
  // its letter: the evidence often names or shows the denouncer.
  async load(db, id) {
    const row = await db
      .selectFrom("resolution_case")
      .select(["agency_id", "state", "kind", "petition_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      agencyId: row.agency_id,
      open: !FINAL_STATES.includes(row.state as CaseState),
      petition: { id: row.petition_id, agency_id: row.agency_id, kind: row.kind },
    };
  },
  mayWrite: (db, auth, id) => isAssigned(db, id, auth.userId),
};

/**
 * Another module's record that holds files (an inspection's recovery: its receipts and bank
 * slips), registered at start by that module; the checks here (scope, limits, audit) are the same.
 */
export function registerAttachmentOwner(entityType: string, kind: OwnerKind): void {
  OWNERS[entityType] = kind;
}

/** Whether the files' writer is protected (a denouncer), and whether the caller may see them. */
async function identityOf(db: Kysely<DB>, auth: AuthContext, owner: Owner) {
  if (!owner.petition) return { protected: false, canView: true, ground: null };
  return identityAccess(db, auth, owner.petition);
}

/** Refuses a writer the owner does not accept (not assigned to the case). */
async function assertMayWrite(db: Kysely<DB>, auth: AuthContext, kind: OwnerKind, id: string) {
  if (kind.mayWrite && !(await kind.mayWrite(db, auth, id))) fail("CASE_NOT_ASSIGNED");
}

export interface Target {
  entityType: string;
  entityId: string;
}

async function ownerOf(db: Kysely<DB>, target: Target): Promise<{ kind: OwnerKind; owner: Owner }> {
  const kind = OWNERS[target.entityType];
  const owner = kind ? await kind.load(db, target.entityId) : null;
  if (!kind || !owner) fail("NOT_FOUND", "id", kind?.notFound);
  return { kind, owner };
}

/** A state refusal, answered like the procedure's own (409 with a code and the reason). */
class AttachmentsLocked extends RuleViolation {
  constructor(message: string) {
    super("ATTACHMENTS_LOCKED", message, "id");
  }
}

async function allowed(db: Kysely<DB>, auth: AuthContext, permission: Permission, agencyId: string) {
  try {
    await assertAgencyInScope(db, auth, permission, agencyId);
    return true;
  } catch {
    return false;
  }
}

// ---- Views ----------------------------------------------------------------------------------

export interface AttachmentView {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  description: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  encrypted: boolean;
  actions: ("download" | "delete")[];
}

type Row = Selectable<AttachmentTable> & { creator_name: string | null };

interface Names {
  fileName: string;
  description: string | null;
}

/**
 * A file's name and description as given. Those of a protected record's file (the letter's
 * writer may be a denouncer) are sealed and the clear columns masked (0020); only those who may
 * see the identity read them, the others do not even see the masked copy (maskedView).
 */
function namesOf(row: Pick<Selectable<AttachmentTable>, "id" | "file_name" | "description" | "names_sealed">): Names {
  if (row.names_sealed) return openJson<Names>(row.names_sealed, attachmentNamesContext(row.id));
  return { fileName: row.file_name, description: row.description };
}

/** The columns a file's name and description are stored in. */
function storedNames(id: string, record: ProtectedRecord | null, names: Names) {
  if (!record) return { file_name: names.fileName, description: names.description, names_sealed: null };
  return {
    file_name: record.redact(names.fileName),
    description: names.description === null ? null : record.redact(names.description),
    names_sealed: sealJson(names, attachmentNamesContext(id)),
  };
}

/** A file as someone who may read its names sees it. */
function viewOf(row: Row, canDelete: boolean, names: Names = namesOf(row)): AttachmentView {
  return {
    id: row.id,
    fileName: names.fileName,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    description: names.description,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by ? { id: row.created_by, name: row.creator_name ?? "" } : null,
    encrypted: row.encrypted,
    actions: canDelete ? ["download", "delete"] : ["download"],
  };
}

function maskedView(row: Row, index: number): AttachmentView {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(row.file_name)?.[0] ?? "";
  return {
    // The sealed names are not even opened.
    ...viewOf(row, false, { fileName: "", description: null }),
    fileName: `Tệp đính kèm ${index + 1}${ext} (bảo mật)`,
    description: null,
    sha256: "",
    actions: [],
  };
}

function encryptionOf(row: Selectable<AttachmentTable>): Encryption | null {
  if (!row.encrypted) return null;
  return { keyId: row.key_id!, iv: row.iv!, authTag: row.auth_tag! };
}

// ---- Listing --------------------------------------------------------------------------------

export interface AttachmentList {
  items: AttachmentView[];
  canUpload: boolean;
  maxUploadBytes: number;
  maxFiles: number;
  accept: string[];
}

export async function listAttachments(
  deps: AttachmentDeps,
  auth: AuthContext,
  target: Target,
): Promise<AttachmentList> {
  const { kind, owner } = await ownerOf(deps.db, target);
  await assertAgencyInScope(deps.db, auth, kind.read, owner.agencyId);
  const rows = await deps.db
    .selectFrom("attachment as a")
    .leftJoin("app_user as u", "u.id", "a.created_by")
    .selectAll("a")
    .select("u.full_name as creator_name")
    .where("a.entity_type", "=", target.entityType)
    .where("a.entity_id", "=", target.entityId)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
  const canWrite =
    owner.open &&
    (await allowed(deps.db, auth, kind.write, owner.agencyId)) &&
    (!kind.mayWrite || (await kind.mayWrite(deps.db, auth, target.entityId)));
  // The files of a denunciation (scans of the letter show the denouncer's handwriting, names are
  // often in the file name) are for those who may see the identity: others see that files exist.
  const identity = await identityOf(deps.db, auth, owner);
  const hidden = identity.protected && !identity.canView;
  return {
    items: rows.map((row, i) => (hidden ? maskedView(row, i) : viewOf(row, canWrite))),
    canUpload: canWrite,
    maxUploadBytes: deps.maxUploadBytes,
    maxFiles: MAX_FILES,
    accept: ACCEPTED_EXTENSIONS,
  };
}

// ---- Upload ---------------------------------------------------------------------------------

/** One part of a multipart request, as @fastify/multipart yields it. */
export type UploadPart =
  | { type: "file"; filename: string; file: Readable }
  | { type: "field"; fieldname: string; value: unknown; valueTruncated?: boolean };

export interface Received {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  kind: FileKind;
  encryption: Encryption | null;
}

/** Characters replaced in file names: controls, those Windows forbids, and bidi overrides. */
function unsafeInName(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  // U+202A–202E and U+2066–2069 reorder text: "x[U+202E]fdp.exe" is shown as "xexe.pdf".
  return (
    c < 0x20 || c === 0x7f || '<>:"|?*'.includes(ch) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
  );
}

/** A file name safe to store and show: no path, no control or bidi characters, not too long. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let name = [...base]
    .map((ch) => (unsafeInName(ch) ? "_" : ch))
    .join("")
    .trim()
    .replace(/^\.+/, "");
  if (!name) name = "tep-dinh-kem";
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

/** Streams one file through the inspector into the storage. */
export async function receiveFile(
  storage: FileStorage,
  fileName: string,
  source: Readable,
  options: { maxBytes: number; encrypt: boolean },
): Promise<Received> {
  const id = randomUUID();
  const inspector = new FileInspector(fileName, options.maxBytes);
  // Both sides settle before returning, so a refused file's temp file is already gone. A store
  // that fails before reading stops the source too (instead of leaving it to buffer).
  // An error of the request's own stream (a body cut off mid-part) is the client's, not ours.
  let sourceError: unknown = null;
  source.once("error", (error) => (sourceError = error));
  const [put, fed] = await Promise.allSettled([
    storage.put(id, inspector, { encrypt: options.encrypt }).catch((error: unknown) => {
      inspector.destroy(error as Error);
      throw error;
    }),
    pipeline(source, inspector),
  ]);
  if (put.status === "rejected" || fed.status === "rejected") {
    const errors = [put, fed].flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    const refusal = errors.find((e) => e instanceof DomainError);
    if (refusal) throw refusal;
    if (sourceError ?? source.errored) throw malformedMultipart();
    throw errors[0];
  }
  const { size, sha256, kind } = inspector.result;
  return { id, fileName, size, sha256, kind, encryption: put.value.encryption };
}

/** Reads what is left of a part so the request is consumed and the answer reaches the client. */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream).catch(() => {});
}

function malformedMultipart(): DomainError {
  return new DomainError("MALFORMED_MULTIPART", ERROR_MESSAGES.MALFORMED_MULTIPART, "body");
}

/**
 * What reading the parts threw, as the answer to the client: limits by name, and anything else
 * the parser raised (no boundary, a body cut off mid-part, a broken part header) as a malformed
 * form. Only the request's own bytes are read here: the files are stored in receiveFile.
 */
function multipartFailure(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_FILES_LIMIT")
    return new DomainError("BODY_TOO_LARGE", `Mỗi lần chỉ tải lên được tối đa ${MAX_FILES} tệp.`, "files");
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT")
    return new DomainError("VALIDATION_FAILED", "Biểu mẫu tải tệp có quá nhiều trường.", "files");
  return malformedMultipart();
}

export async function uploadAttachments(
  deps: AttachmentDeps,
  auth: AuthContext,
  actor: Actor,
  target: Target,
  parts: AsyncIterable<UploadPart>,
): Promise<AttachmentView[]> {
  const { kind, owner } = await ownerOf(deps.db, target);
  await assertAgencyInScope(deps.db, auth, kind.write, owner.agencyId);
  await assertMayWrite(deps.db, auth, kind, target.entityId);
  if (!owner.open) throw new AttachmentsLocked(kind.locked);

  const received: Received[] = [];
  let description: string | null = null;
  let failure: unknown = null;
  try {
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.fieldname !== "description") continue;
        const text = String(part.value ?? "").trim();
        if (text.includes("\u0000"))
          failure ??= new DomainError(
            "VALIDATION_FAILED",
            "Trường “description” chứa ký tự NUL không hợp lệ.",
            "description",
          );
        else if (part.valueTruncated || text.length > MAX_DESCRIPTION)
          failure ??= new DomainError(
            "VALIDATION_FAILED",
            `Mô tả tệp đính kèm dài tối đa ${MAX_DESCRIPTION} ký tự.`,
            "description",
          );
        description = text || null;
        continue;
      }
      if (failure) {
        await drain(part.file);
        continue;
      }
      try {
        received.push(
          await receiveFile(deps.storage, cleanFileName(part.filename), part.file, {
            maxBytes: deps.maxUploadBytes,
            encrypt: deps.encrypt,
          }),
        );
      } catch (error) {
        failure = error;
        await drain(part.file);
      }
    }
  } catch (error) {
    failure ??= multipartFailure(error);
  }
  if (!failure && received.length === 0)
    failure = new DomainError("VALIDATION_FAILED", "Chọn ít nhất một tệp để tải lên.", "files");

  const discard = () => Promise.all(received.map((r) => deps.storage.delete(r.id).catch(() => {})));
  if (failure) {
    await discard();
    throw failure;
  }

  try {
    const rows = await deps.db.transaction().execute(async (trx) => {
      // Checked again inside the transaction: the petition may have been closed meanwhile.
      const current = await ownerOf(trx, target);
      if (!current.owner.open) throw new AttachmentsLocked(kind.locked);
      const inserted = await insertReceivedFiles(
        trx,
        deps.storage.kind,
        actor,
        target,
        current.owner.agencyId,
        received,
        description,
      );
      const out: Row[] = inserted.map((row) => ({ ...row, creator_name: actor.name }));
      return out;
    });
    // The uploader reads back what they may read in a list (a petition's handler who is not
    // assigned to the denunciation case opened from it sees that files exist).
    const identity = await identityOf(deps.db, auth, owner);
    if (identity.protected && !identity.canView) return rows.map((row, i) => maskedView(row, i));
    return rows.map((row) => viewOf(row, true));
  } catch (error) {
    await discard();
    throw error;
  }
}

/**
 * Records files already received (receiveFile) as attachments of a record, inside the caller's
 * transaction: names sealed when the record is protected, one audit event per file. The upload
 * route uses it, and so does the public portal (modules/portal), whose filer has no session.
 */
export async function insertReceivedFiles(
  trx: Transaction<DB>,
  storageKind: string,
  actor: Actor,
  target: Target,
  agencyId: string,
  received: readonly Received[],
  description: string | null,
): Promise<Selectable<AttachmentTable>[]> {
  const record = await protectedRecord(trx, target.entityType, target.entityId);
  const out: Selectable<AttachmentTable>[] = [];
  for (const file of received) {
    const row = await trx
      .insertInto("attachment")
      .values({
        id: file.id,
        agency_id: agencyId,
        entity_type: target.entityType,
        entity_id: target.entityId,
        ...storedNames(file.id, record, { fileName: file.fileName, description }),
        mime_type: file.kind.mime,
        size: file.size,
        sha256: file.sha256,
        created_by: actor.userId,
        // The files of one request keep their order (now() is the same for the whole transaction).
        created_at: sql<Date>`clock_timestamp()`,
        storage: storageKind,
        encrypted: file.encryption !== null,
        key_id: file.encryption?.keyId ?? null,
        iv: file.encryption?.iv ?? null,
        auth_tag: file.encryption?.authTag ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "attachment.upload",
      entityType: "attachment",
      entityId: file.id,
      summary: {
        owner: { type: target.entityType, id: target.entityId },
        kind: file.kind.code,
        size: file.size,
        sha256: file.sha256,
        encrypted: file.encryption !== null,
      },
    });
    out.push(row);
  }
  return out;
}

// ---- Download -------------------------------------------------------------------------------

async function loadAttachment(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("attachment").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", "id", "Không tìm thấy tệp đính kèm.");
  return row;
}

const SERVABLE = new Set(ACCEPTED_KINDS.map((k) => k.mime));

export interface Download {
  fileName: string;
  /** Always one of the accepted kinds' types, never HTML. */
  mimeType: string;
  size: number;
  stream: Readable;
}

export async function openDownload(
  deps: AttachmentDeps,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<Download> {
  const row = await loadAttachment(deps.db, id);
  const { kind, owner } = await ownerOf(deps.db, { entityType: row.entity_type, entityId: row.entity_id });
  await assertAgencyInScope(deps.db, auth, kind.read, owner.agencyId);
  const identity = await identityOf(deps.db, auth, owner);
  if (identity.protected && !identity.canView) {
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "identity.view_refused",
        entityType: "attachment",
        entityId: row.id,
        summary: { owner: { type: row.entity_type, id: row.entity_id } },
      }),
    );
    fail("IDENTITY_PROTECTED");
  }
  const stream = await deps.storage.get(row.id, encryptionOf(row));
  if (!stream) fail("NOT_FOUND", "id", "Không tìm thấy nội dung tệp trên máy chủ lưu trữ. Báo quản trị viên.");
  try {
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "attachment.download",
        entityType: "attachment",
        entityId: row.id,
        summary: {
          owner: { type: row.entity_type, id: row.entity_id },
          sha256: row.sha256,
          ...(identity.protected ? { identity: identity.ground } : {}),
        },
      }),
    );
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return {
    fileName: namesOf(row).fileName,
    mimeType: SERVABLE.has(row.mime_type) ? row.mime_type : "application/octet-stream",
    size: Number(row.size),
    stream,
  };
}

// ---- Delete ---------------------------------------------------------------------------------

/** Deletes the row (audited) and then, once that is committed, the bytes. */
export async function deleteAttachment(
  deps: AttachmentDeps,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<{ fileRemoved: boolean }> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("attachment").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) fail("NOT_FOUND", "id", "Không tìm thấy tệp đính kèm.");
    const { kind, owner } = await ownerOf(trx, { entityType: row.entity_type, entityId: row.entity_id });
    await assertAgencyInScope(trx, auth, kind.write, owner.agencyId);
    await assertMayWrite(trx, auth, kind, row.entity_id);
    if (!owner.open) throw new AttachmentsLocked(kind.locked);
    await trx.deleteFrom("attachment").where("id", "=", id).execute();
    await recordAudit(trx, actor, {
      action: "attachment.delete",
      entityType: "attachment",
      entityId: id,
      summary: {
        owner: { type: row.entity_type, id: row.entity_id },
        size: Number(row.size),
        sha256: row.sha256,
      },
    });
  });
  try {
    await deps.storage.delete(id);
    return { fileRemoved: true };
  } catch {
    // The row is gone, so the file can no longer be reached; a sweep may remove it later.
    return { fileRemoved: false };
  }
}
