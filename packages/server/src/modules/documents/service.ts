/**
 * Official documents: drafts from a template, edits while draft, issuing with a number from the
 * agency's yearly register (NĐ 30/2020/NĐ-CP, Điều 15) and the frozen .docx of what was issued.
 *
 * Other modules call `createDraft` inside their own transaction (after their own permission
 * check) and `issueDocument` with or without one; the generic routes call the rest. Audit events
 * name the form, the number and the symbol, never the personal data in the fields.
 */
import { createHash, randomUUID } from "node:crypto";
import { DomainError, todayInVietnam } from "@minhbach/domain";
import type {
  DocumentAction,
  DocumentSummary,
  DocumentTemplateView,
  OfficialDocument,
  ReturnDocumentBody,
  CancelDocumentBody,
  SignerCandidate,
  SubmitDocumentBody,
  UpdateDocumentBody,
} from "@minhbach/domain/api/documents";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import { z } from "zod";
import type { DB, OfficialDocumentTable } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, scopeOf, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { takeRegisterNumber } from "../../platform/registers.ts";
import { keyRing } from "../../platform/vault.ts";
import { loadIssuingAgency } from "./letterhead.ts";
import {
  applyEdit,
  documentFieldsContext,
  documentFileContext,
  maskDeep,
  maskTyped,
  maySeeWriters,
  openJson,
  protectedRecord,
  sealJson,
  type ProtectedRecord,
} from "../identity/protected-records.ts";
import { isAssigned } from "../identity/access.ts";
import { documentText, renderDocument, type DocumentModel } from "./render.ts";
import {
  findTemplate,
  TEMPLATES,
  type DocumentContent,
  type DocumentTemplate,
  type IssuingAgency,
} from "./templates.ts";
import { documentDisposition, documentFileName, namingOf } from "./file-name.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A document row without its file. */
export type DocumentRow = Omit<Selectable<OfficialDocumentTable>, "file" | "file_sealed">;

export interface NewDraft {
  agencyId: string;
  entityType: string;
  entityId: string;
  formCode: string;
  fields: unknown;
  title?: string | undefined;
}

const ROW_COLUMNS = [
  "id",
  "agency_id",
  "entity_type",
  "entity_id",
  "form_code",
  "series",
  "status",
  "title",
  "fields",
  "fields_sealed",
  "number",
  "symbol",
  "issued_on",
  "issued_by",
  "file_sha256",
  "signer_id",
  "submitted_by",
  "submitted_at",
  "returned_note",
  "cancelled_reason",
  "version",
  "created_by",
  "created_at",
  "updated_at",
] as const;

// ---------------------------------------------------------------------------------------------
// Templates.

function templateOf(formCode: string): DocumentTemplate {
  const template = findTemplate(formCode);
  if (!template) fail("DOCUMENT_FORM_UNKNOWN", "formCode");
  return template;
}

/** Checks the fields against the form; errors name the field as "fields.<path>". */
function validFields(template: DocumentTemplate, fields: unknown): Record<string, unknown> {
  const result = template.fieldsSchema.safeParse(fields);
  if (!result.success) {
    const issue = firstIssue(result.error);
    fail(
      "VALIDATION_FAILED",
      issue.field ? `fields.${issue.field}` : "fields",
      issue.field ? `fields.${issue.message}` : issue.message,
    );
  }
  return result.data as Record<string, unknown>;
}

let catalogue: DocumentTemplateView[] | null = null;

/** The catalogue with each form's fields as JSON Schema (built once). */
export function listTemplates(): DocumentTemplateView[] {
  catalogue ??= TEMPLATES.map((t) => ({
    formCode: t.formCode,
    name: t.name,
    basis: t.basis,
    series: t.series,
    wordingVerified: t.wordingVerified,
    signedByHead: t.signedByHead,
    fieldsSchema: z.toJSONSchema(t.fieldsSchema, {
      io: "input",
      unrepresentable: "any",
    }) as DocumentTemplateView["fieldsSchema"],
  }));
  return catalogue;
}

/**
 * What follows the number: "TB-SCT" for a document of a named type, the agency's abbreviation
 * alone for a công văn ("12/SCT"), whose register series is "CV" (NĐ 30/2020, Phụ lục III).
 */
export function symbolSuffix(series: string, abbreviation: string): string {
  return series === "CV" ? abbreviation : `${series}-${abbreviation}`;
}

/** Letterhead, number line and date around a template's content. */
export function composeModel(
  content: DocumentContent,
  agency: IssuingAgency,
  series: string,
  issue: { number: number; issuedOn: string } | { draftYear: number },
): DocumentModel {
  const issued = "number" in issue;
  return {
    header: { parentName: agency.parentName, agencyName: agency.headerName },
    numberLine:
      content.numbered === false
        ? null
        : { number: issued ? issue.number : null, suffix: symbolSuffix(series, agency.abbreviation) },
    placeDate: content.datedOn
      ? { place: agency.place, date: content.datedOn, year: Number(content.datedOn.slice(0, 4)) }
      : {
          place: agency.place,
          date: issued ? issue.issuedOn : null,
          year: issued ? Number(issue.issuedOn.slice(0, 4)) : issue.draftYear,
        },
    draft: !issued,
    title: content.title,
    subtitle: content.subtitle ?? null,
    addressees: content.addressees ?? [],
    paragraphs: content.paragraphs,
    recipients: content.recipients,
    approval: content.approval ?? null,
    letter: content.letter ?? null,
    signatures: content.signatures ?? null,
    signature: content.signature ?? { authority: null, position: "(Chức vụ người ký)", name: null },
  };
}

// ---------------------------------------------------------------------------------------------
// The writers' identity (identity/protected-records.ts).

/** What a document says: its fields and title. */
interface Content {
  fields: Record<string, unknown>;
  title: string;
}

/**
 * The columns a document's content is stored in: for a protected record, the original sealed and
 * in the clear `clear`, or else the original with the writers' data masked.
 */
function storedContent(id: string, record: ProtectedRecord | null, content: Content, clear?: Content) {
  if (!record) return { fields: JSON.stringify(content.fields), title: content.title, fields_sealed: null };
  const masked = clear ?? { fields: maskDeep(content.fields, record.redact), title: record.redact(content.title) };
  return {
    fields: JSON.stringify(masked.fields),
    title: masked.title,
    fields_sealed: sealJson(content, documentFieldsContext(id)),
  };
}

/** The stored masked copy of a sealed row, as it is read and edited by those who may not see the writers. */
function clearOf(row: StoredContent): Content {
  return { fields: (row.fields ?? {}) as Record<string, unknown>, title: row.title };
}

/**
 * The fields a reader who may not see the writers gets rendered: the stored masked copy (it may
 * hold what such a reader typed, masked by shape only), or the original masked.
 */
function maskedFields(
  template: DocumentTemplate,
  record: ProtectedRecord,
  row: StoredContent,
  original: Record<string, unknown>,
): Record<string, unknown> {
  if (row.fields_sealed) {
    const parsed = template.fieldsSchema.safeParse(row.fields);
    if (parsed.success) return parsed.data as Record<string, unknown>;
  }
  return maskDeep(original, record.redact);
}

interface StoredContent {
  id: string;
  fields: unknown;
  title: string;
  fields_sealed: string | null;
}

/** The content as drafted or last edited: the sealed original when there is one. */
function originalOf(row: StoredContent): Content {
  if (row.fields_sealed) return openJson<Content>(row.fields_sealed, documentFieldsContext(row.id));
  return { fields: (row.fields ?? {}) as Record<string, unknown>, title: row.title };
}

interface ReaderView {
  /** The caller reads the original (nothing is protected, or they may see the writers). */
  original: boolean;
  record: ProtectedRecord | null;
  content: Content;
}

/** The content one caller may read, masked for whoever may not see the writers of the record's letter. */
async function readerView(
  db: Kysely<DB>,
  auth: AuthContext,
  row: StoredContent & { entity_type: string; entity_id: string },
): Promise<ReaderView> {
  const found = await protectedRecord(db, row.entity_type, row.entity_id);
  if (!found || (await maySeeWriters(db, auth, found)))
    return { original: true, record: found, content: originalOf(row) };
  // The clear columns are masked since 0020. Rows of earlier versions, and documents written
  // before their letter was classified as a denunciation, are masked as they are read.
  if (row.fields_sealed) return { original: false, record: found, content: clearOf(row) };
  return {
    original: false,
    record: found,
    content: {
      fields: maskDeep((row.fields ?? {}) as Record<string, unknown>, found.redact),
      title: found.redact(row.title),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading.

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("official_document as d")
    .innerJoin("agency as a", "a.id", "d.agency_id")
    .leftJoin("app_user as u", "u.id", "d.issued_by")
    .leftJoin("app_user as s", "s.id", "d.signer_id")
    .select([
      "d.id",
      "d.agency_id",
      "a.name as agency_name",
      "a.path as agency_path",
      "d.entity_type",
      "d.entity_id",
      "d.form_code",
      "d.series",
      "d.status",
      "d.title",
      "d.fields",
      "d.fields_sealed",
      "d.number",
      "d.symbol",
      "d.issued_on",
      "d.issued_by",
      "u.full_name as issued_by_name",
      "d.signer_id",
      "s.full_name as signer_name",
      "d.submitted_at",
      "d.returned_note",
      "d.cancelled_reason",
      "d.file_sha256",
      "d.version",
      "d.created_at",
      "d.updated_at",
    ]);
}

type PresentRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

/** Whether the caller's document.issue scope reaches the agency (own, or below it). */
function mayIssue(auth: AuthContext, agencyId: string, agencyPath: string): boolean {
  const scope = scopeOf(auth, "document.issue");
  if (scope === null) return false;
  if (agencyId === auth.agencyId) return true;
  return scope === "subtree" && agencyPath.startsWith(auth.agencyPath);
}

/**
 * A case's papers are drafted and issued by those assigned to resolve it: an officer of the same
 * agency who only reads the case may not change its decision. Other documents need only the scope.
 */
async function mayChange(db: Kysely<DB>, auth: AuthContext, row: { entity_type: string; entity_id: string }) {
  return row.entity_type !== "case" || isAssigned(db, row.entity_id, auth.userId);
}

function actionsOf(auth: AuthContext, row: PresentRow, changeable: boolean): DocumentAction[] {
  const actions: DocumentAction[] = [];
  const inScope = mayIssue(auth, row.agency_id, row.agency_path);
  const byHead = findTemplate(row.form_code)?.signedByHead ?? false;
  if (row.status === "draft" && changeable && inScope) {
    actions.push("edit", "submit");
    if (mayCancel(row.entity_type, row.form_code)) actions.push("cancel");
    if (!byHead) actions.push("issue");
  }
  if (row.status === "submitted" && row.signer_id === auth.userId && inScope) actions.push("issue", "return");
  if (row.status !== "cancelled") actions.push("download");
  return actions;
}

function summary(auth: AuthContext, row: PresentRow, title: string, changeable: boolean): DocumentSummary {
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    entityType: row.entity_type,
    entityId: row.entity_id,
    formCode: row.form_code,
    formName: findTemplate(row.form_code)?.name ?? row.form_code,
    series: row.series,
    status: row.status,
    title,
    number: row.number,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    issuedBy: row.issued_by,
    issuedByName: row.issued_by_name,
    signerId: row.signer_id,
    signerName: row.signer_name,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    returnedNote: row.returned_note,
    cancelledReason: row.cancelled_reason,
    fileSha256: row.file_sha256,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    actions: actionsOf(auth, row, changeable),
  };
}

/**
 * Read access: the issuing agency's scope, or — for an issued document of a petition — the
 * scope of an agency that received that petition by transfer (the documents travel with it).
 */
async function assertCanRead(
  db: Kysely<DB>,
  auth: AuthContext,
  row: { agency_id: string; status: string; entity_type: string; entity_id: string },
): Promise<void> {
  try {
    await assertAgencyInScope(db, auth, "document.read", row.agency_id);
    return;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "OUT_OF_SCOPE") throw error;
    if (row.status === "issued" && row.entity_type === "petition") {
      const received = await db
        .selectFrom("petition")
        .select("id")
        .where("transferred_from_id", "=", row.entity_id)
        .where(inScope(auth, "document.read", "petition.agency_id"))
        .executeTakeFirst();
      if (received) return;
    }
    throw error;
  }
}

/** A document as the caller may read it, and whether that is the original. */
async function readDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  id: string,
): Promise<{ document: OfficialDocument; view: ReaderView }> {
  const row = await baseQuery(db).where("d.id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy văn bản.");
  await assertCanRead(db, auth, row);
  const view = await readerView(db, auth, row);
  // Fields are JSON as stored (a jsonb column, checked by the form's schema when written).
  const fields = view.content.fields as OfficialDocument["fields"];
  const changeable = await mayChange(db, auth, row);
  return { document: { ...summary(auth, row, view.content.title, changeable), fields }, view };
}

export async function getDocument(db: Kysely<DB>, auth: AuthContext, id: string): Promise<OfficialDocument> {
  return (await readDocument(db, auth, id)).document;
}

/** The documents of one case, petition or other entity that the caller may read, oldest first. */
export async function listDocuments(
  db: Kysely<DB>,
  auth: AuthContext,
  query: { entityType: string; entityId: string },
): Promise<DocumentSummary[]> {
  const rows = await baseQuery(db)
    .where("d.entity_type", "=", query.entityType)
    .where("d.entity_id", "=", query.entityId)
    .where(inScope(auth, "document.read", "d.agency_id"))
    .orderBy("d.created_at")
    .orderBy("d.id")
    .execute();
  if (!rows.length) return [];
  // One record, so one look at who may see its writers for the whole list.
  const record = await protectedRecord(db, query.entityType, query.entityId);
  const original = !record || (await maySeeWriters(db, auth, record));
  const titles = rows.map((row) =>
    original ? originalOf(row).title : row.fields_sealed ? row.title : record.redact(row.title),
  );
  // The documents of one entity: one look at whether the caller may change them.
  const changeable = await mayChange(db, auth, { entity_type: query.entityType, entity_id: query.entityId });
  return rows.map((row, i) => summary(auth, row, titles[i]!, changeable));
}

// ---------------------------------------------------------------------------------------------
// Drafting.

/**
 * Creates a draft inside the caller's transaction. The caller has checked that the actor may act
 * on the entity and its agency (the generic route checks document.issue on `agencyId`).
 * `typedUnseen`: the fields were typed by someone who may not see the writers of the protected
 * record (the generic route), so the clear copy masks them by shape only (maskTyped).
 */
export async function createDraft(
  trx: Transaction<DB>,
  actor: Actor,
  input: NewDraft,
  options: { typedUnseen?: boolean } = {},
): Promise<DocumentRow> {
  const template = templateOf(input.formCode);
  // Minutes signed at their session (the lottery minutes) are printed from their record, never
  // drafted here: a draft would be issued with a number of the register.
  if (!template.numbered) fail("DOCUMENT_FORM_UNNUMBERED", "formCode");
  const fields = validFields(template, input.fields);
  const agency = await trx.selectFrom("agency").select("id").where("id", "=", input.agencyId).executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  // The id is chosen here: a protected record's original is sealed bound to it.
  const id = randomUUID();
  const record = await protectedRecord(trx, input.entityType, input.entityId);
  const content = { fields, title: input.title ?? template.defaultTitle(fields) };
  const row = await trx
    .insertInto("official_document")
    .values({
      id,
      agency_id: input.agencyId,
      entity_type: input.entityType,
      entity_id: input.entityId,
      form_code: template.formCode,
      series: template.series,
      ...storedContent(
        id,
        record,
        content,
        options.typedUnseen ? { fields: maskTyped(fields), title: maskTyped(content.title) } : undefined,
      ),
      created_by: actor.userId,
    })
    .returning(ROW_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "document.drafted",
    entityType: "document",
    entityId: row.id,
    summary: {
      formCode: template.formCode,
      agencyId: input.agencyId,
      entityType: input.entityType,
      entityId: input.entityId,
    },
  });
  return row;
}

/**
 * The records a document may be drafted for by hand (POST /documents), with the table that holds
 * them: the document is the record's agency's. Other papers (an inspection's, a plan's, a
 * destruction batch's) are drafted by their own module's step, never by this route.
 */
const DRAFTABLE = {
  petition: "petition",
  case: "resolution_case",
  reception_visit: "reception_visit",
  inspection: "inspection",
} as const;

async function assertEntityOfAgency(db: Kysely<DB>, input: NewDraft): Promise<void> {
  const table = DRAFTABLE[input.entityType as keyof typeof DRAFTABLE];
  if (!table)
    fail(
      "VALIDATION_FAILED",
      "entityType",
      "entityType: Chỉ soạn văn bản trực tiếp cho đơn, vụ việc, lượt tiếp công dân hoặc cuộc thanh tra.",
    );
  const row = await db.selectFrom(table).select("agency_id").where("id", "=", input.entityId).executeTakeFirst();
  if (!row) fail("NOT_FOUND", "entityId", "Không tìm thấy hồ sơ của văn bản.");
  if (row.agency_id !== input.agencyId)
    fail("VALIDATION_FAILED", "agencyId", "agencyId: Văn bản phải do cơ quan đang giữ hồ sơ ban hành.");
}

/** POST /documents: a draft for a record of an agency in the caller's document.issue scope. */
export async function createDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  input: NewDraft,
): Promise<OfficialDocument> {
  await assertAgencyInScope(db, auth, "document.issue", input.agencyId, "agencyId");
  // The form first (unknown, or never drafted by hand), then the record it is for.
  if (!templateOf(input.formCode).numbered) fail("DOCUMENT_FORM_UNNUMBERED", "formCode");
  await assertEntityOfAgency(db, input);
  if (!(await mayChange(db, auth, { entity_type: input.entityType, entity_id: input.entityId })))
    fail("CASE_NOT_ASSIGNED", "entityId");
  const record = await protectedRecord(db, input.entityType, input.entityId);
  const typedUnseen = record !== null && !(await maySeeWriters(db, auth, record));
  const row = await db.transaction().execute((trx) => createDraft(trx, actor, input, { typedUnseen }));
  return getDocument(db, auth, row.id);
}

async function loadRow(db: Kysely<DB>, auth: AuthContext, id: string, lock: boolean): Promise<DocumentRow> {
  let query = db.selectFrom("official_document").select(ROW_COLUMNS).where("id", "=", id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy văn bản.");
  await assertAgencyInScope(db, auth, "document.issue", row.agency_id);
  if (row.status === "issued") fail("DOCUMENT_ALREADY_ISSUED");
  if (row.status === "cancelled") fail("DOCUMENT_CANCELLED");
  return row;
}

/** A draft may be changed by those who may draft it (a case's papers: those assigned to the case). */
async function assertMayDraft(db: Kysely<DB>, auth: AuthContext, row: DocumentRow): Promise<DocumentRow> {
  if (!(await mayChange(db, auth, row))) fail("CASE_NOT_ASSIGNED");
  if (row.status === "submitted") fail("DOCUMENT_SUBMITTED");
  return row;
}

/** A submitted paper is acted on by the one it was submitted to. */
function assertSigner(auth: AuthContext, row: DocumentRow): DocumentRow {
  if (row.status !== "submitted") fail("DOCUMENT_NOT_SUBMITTED");
  if (row.signer_id !== auth.userId) fail("DOCUMENT_NOT_SIGNER");
  return row;
}

async function loadForChange(db: Kysely<DB>, auth: AuthContext, id: string, lock: boolean): Promise<DocumentRow> {
  return assertMayDraft(db, auth, await loadRow(db, auth, id, lock));
}

async function loadForSigner(db: Kysely<DB>, auth: AuthContext, id: string, lock: boolean): Promise<DocumentRow> {
  return assertSigner(auth, await loadRow(db, auth, id, lock));
}

// ---------------------------------------------------------------------------------------------
// Signature: draft → submitted to a leader → signed and issued (or returned to draft).

/**
 * Who may sign a paper of an agency in the head's name: its active leaders (the head and the
 * deputies; the position each holds is printed under the signature).
 */
export async function signersOf(db: Kysely<DB> | Transaction<DB>, agencyId: string): Promise<SignerCandidate[]> {
  const rows = await db
    .selectFrom("app_user")
    .select(["id", "full_name", "position"])
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .where(sql<boolean>`'leader' = any(roles)`)
    .execute();
  return rows
    .map((r) => ({ id: r.id, fullName: r.full_name, position: r.position ?? "Thủ trưởng cơ quan" }))
    .sort(
      (a, b) =>
        Number(/^phó/iu.test(a.position)) - Number(/^phó/iu.test(b.position)) ||
        a.fullName.localeCompare(b.fullName, "vi"),
    );
}

export async function listSigners(db: Kysely<DB>, auth: AuthContext, id: string): Promise<SignerCandidate[]> {
  const row = await loadRow(db, auth, id, false);
  return signersOf(db, row.agency_id);
}

/**
 * Submits a draft to a leader of the issuing agency: the signature block takes the signer's
 * name and position, the paper can no longer be edited, and only that signer can issue it.
 */
export async function submitDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: SubmitDocumentBody,
): Promise<OfficialDocument> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, auth, id, true);
    if (row.version !== input.version) fail("VERSION_CONFLICT", "version");
    const signer = (await signersOf(trx, row.agency_id)).find((c) => c.id === input.signerId);
    if (!signer) fail("DOCUMENT_SIGNER_INVALID", "signerId");
    const template = templateOf(row.form_code);
    const original = originalOf(row);
    // The signature block names the signer (forms signed by someone else, such as minutes, keep theirs).
    const signed = (f: Record<string, unknown>) => {
      const withSigner = { ...f, signer: { position: signer.position, name: signer.fullName } };
      return template.fieldsSchema.safeParse(withSigner).success ? withSigner : f;
    };
    const fields = validFields(template, signed(original.fields));
    const record = await protectedRecord(trx, row.entity_type, row.entity_id);
    const clear = row.fields_sealed ? clearOf(row) : undefined;
    await trx
      .updateTable("official_document")
      .set((eb) => ({
        ...storedContent(
          id,
          record,
          { fields, title: original.title },
          clear && { ...clear, fields: signed(clear.fields) },
        ),
        status: "submitted",
        signer_id: signer.id,
        submitted_by: actor.userId,
        submitted_at: new Date(),
        returned_note: null,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "document.submitted",
      entityType: "document",
      entityId: id,
      summary: { formCode: row.form_code, signerId: signer.id, signer: signer.fullName, position: signer.position },
    });
  });
  return getDocument(db, auth, id);
}

/** The signer sends a submitted paper back to draft, with the reason the drafter sees. */
export async function returnDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: ReturnDocumentBody,
): Promise<OfficialDocument> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForSigner(trx, auth, id, true);
    if (row.version !== input.version) fail("VERSION_CONFLICT", "version");
    await trx
      .updateTable("official_document")
      .set((eb) => ({
        status: "draft",
        signer_id: null,
        returned_note: input.reason,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "document.returned",
      entityType: "document",
      entityId: id,
      summary: { formCode: row.form_code, reason: input.reason },
    });
  });
  return getDocument(db, auth, id);
}

/**
 * Marks a draft cancelled with its reason, if it is still a draft; true when it was. The module
 * that owns a paper (a plan's decision withdrawn) calls it inside its own transaction.
 */
export async function markCancelled(trx: Transaction<DB>, id: string, reason: string): Promise<boolean> {
  const result = await trx
    .updateTable("official_document")
    .set((eb) => ({
      status: "cancelled",
      cancelled_reason: reason,
      version: eb("version", "+", 1),
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Entity types whose drafts may be cancelled, registered by the module that owns them. A case's
 * papers are not among them: each is the paper of a recorded step, which a cancelled draft would
 * leave without one.
 */
const cancellable = new Map<string, (formCode: string) => string | null>();
/**
 * `refuse` names, for a form of that entity whose draft is the paper of a step already recorded
 * (an inspection's publication notice), why it may not be cancelled; null when it may.
 */
export function allowCancel(entityType: string, refuse: (formCode: string) => string | null = () => null): void {
  cancellable.set(entityType, refuse);
}
const mayCancel = (entityType: string, formCode: string) => cancellable.get(entityType)?.(formCode) === null;

/** What the record a paper belongs to learns when its draft is cancelled. */
export interface CancelledPaper {
  id: string;
  entityId: string;
  formCode: string;
}
type CancelledHook = (trx: Transaction<DB>, actor: Actor, paper: CancelledPaper) => Promise<void>;
const cancelledHooks = new Map<string, CancelledHook>();

/**
 * The module that owns an entity type learns, in the cancel's transaction, that one of its drafts
 * was cancelled (an inspection drops the team its cancelled decision named). Registered at start.
 */
export function onDraftCancelled(entityType: string, hook: CancelledHook): void {
  cancelledHooks.set(entityType, hook);
}

/**
 * Cancels a draft that will not be issued, with its reason, by those who may draft it (a submitted
 * paper is first returned by its signer). It stays in the record, unnumbered; what it held (a
 * batch of petitions to destroy) is free again.
 */
export async function cancelDraft(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: CancelDocumentBody,
): Promise<OfficialDocument> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, auth, id, true);
    const refuse = cancellable.get(row.entity_type);
    if (!refuse) fail("DOCUMENT_NOT_CANCELLABLE");
    const why = refuse(row.form_code);
    if (why) fail("DOCUMENT_NOT_CANCELLABLE", undefined, why);
    if (row.version !== input.version) fail("VERSION_CONFLICT", "version");
    await markCancelled(trx, id, input.reason);
    await cancelledHooks.get(row.entity_type)?.(trx, actor, { id, entityId: row.entity_id, formCode: row.form_code });
    await recordAudit(trx, actor, {
      action: "document.cancelled",
      entityType: "document",
      entityId: id,
      summary: { formCode: row.form_code, reason: input.reason },
    });
  });
  return getDocument(db, auth, id);
}

/** Replaces the fields (and optionally the title) of a draft; `version` must be the current one. */
export async function updateDraft(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: UpdateDocumentBody,
): Promise<OfficialDocument> {
  const before = await loadForChange(db, auth, id, false);
  // Someone who reads the masked copy edits it: what they leave as shown keeps the original.
  const view = await readerView(db, auth, before);
  const original = originalOf(before);
  const submitted = view.original ? input.fields : applyEdit(original.fields, view.content.fields, input.fields);
  const fields = validFields(templateOf(before.form_code), submitted);
  const title =
    input.title === undefined || (!view.original && input.title === view.content.title) ? original.title : input.title;
  // Their masked copy keeps what was shown, and what they typed masked by shape only.
  const clear = view.original
    ? undefined
    : {
        fields: applyEdit(view.content.fields, view.content.fields, input.fields, maskTyped) as Record<string, unknown>,
        title:
          input.title === undefined || input.title === view.content.title ? view.content.title : maskTyped(input.title),
      };
  const stored = storedContent(id, view.record, { fields, title }, clear);
  const old = original.fields;
  const changed = [...new Set([...Object.keys(old), ...Object.keys(fields)])].filter(
    (key) => JSON.stringify(old[key]) !== JSON.stringify(fields[key]),
  );
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("official_document")
      .set((eb) => ({
        ...stored,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .where("version", "=", input.version)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom("official_document").select("status").where("id", "=", id).executeTakeFirst();
      if (now?.status === "issued") fail("DOCUMENT_ALREADY_ISSUED");
      fail("VERSION_CONFLICT", "version");
    }
    await recordAudit(trx, actor, {
      action: "document.updated",
      entityType: "document",
      entityId: id,
      // Which fields changed, not their content (it holds personal data).
      summary: { formCode: before.form_code, fieldsChanged: changed, titleChanged: input.title !== undefined },
    });
  });
  return getDocument(db, auth, id);
}

// ---------------------------------------------------------------------------------------------
// Issuing.

/** What the record a paper belongs to learns when the paper is issued. */
export interface IssuedPaper {
  id: string;
  entityId: string;
  formCode: string;
  symbol: string;
  issuedOn: string;
  /** "Nguyễn Văn Thành, Giám đốc": who signed it. */
  signer: string;
}

type IssuedHook = (trx: Transaction<DB>, actor: Actor, paper: IssuedPaper) => Promise<void>;
const issuedHooks = new Map<string, IssuedHook>();

/**
 * The module that owns an entity type learns, in the issue's transaction, that one of its papers
 * was issued (a case step takes the paper's number). Registered at start; documents import no module.
 */
export function onPaperIssued(entityType: string, hook: IssuedHook): void {
  issuedHooks.set(entityType, hook);
}

/** Takes the next number of the agency's register of this series for the year. */
function takeNumber(trx: Transaction<DB>, agencyId: string, year: number, series: string): Promise<number> {
  return takeRegisterNumber(trx, "document", { agencyId, year, series });
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Issues a draft: number and symbol from the register, the final .docx rendered and stored with
 * its SHA-256, status issued — all in one transaction (the caller's, when `db` is one).
 */
export async function issueDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { issuedOn?: string | undefined } = {},
): Promise<OfficialDocument> {
  const today = todayInVietnam();
  const issuedOn = input.issuedOn ?? today;
  if (issuedOn > today) fail("DOCUMENT_ISSUE_DATE_IN_FUTURE", "issuedOn");

  const run = async (trx: Transaction<DB>) => {
    // The row lock makes a second, concurrent issue of the same draft wait and then see "issued".
    // A paper in the head's name is issued by the leader it was submitted to, when they sign it;
    // any other paper by its drafter, or by the leader it was submitted to.
    const row = await loadRow(trx, auth, id, true);
    const template = templateOf(row.form_code);
    if (row.status === "submitted") assertSigner(auth, row);
    else if (template.signedByHead) fail("DOCUMENT_NEEDS_SIGNATURE");
    else await assertMayDraft(trx, auth, row);
    const original = originalOf(row);
    const fields = validFields(template, original.fields);
    const agency = await loadIssuingAgency(trx, row.agency_id);
    const content = template.build(fields, agency);
    if (!content.signature?.name) fail("DOCUMENT_INCOMPLETE", "fields.signer", "Chưa có chức vụ và họ tên người ký.");

    const year = Number(issuedOn.slice(0, 4));
    const number = await takeNumber(trx, row.agency_id, year, row.series);
    // Numbers follow the order of issue, so a date earlier than the last one issued would put
    // the register out of order (checked under the register lock).
    const last = await trx
      .selectFrom("official_document")
      .select((eb) => eb.fn.max("issued_on").as("last"))
      .where("agency_id", "=", row.agency_id)
      .where("series", "=", row.series)
      .where("number", "is not", null)
      .where(sql<boolean>`extract(year from issued_on) = ${year}`)
      .executeTakeFirst();
    if (last?.last && String(last.last) > issuedOn) fail("DOCUMENT_ISSUE_DATE_OUT_OF_ORDER", "issuedOn");

    const symbol = `${number}/${symbolSuffix(row.series, agency.abbreviation)}`;
    const file = await renderDocument(composeModel(content, agency, row.series, { number, issuedOn }));
    const fileSha256 = sha256(file);
    // A protected record's document is kept as signed, sealed; the clear file is its masked
    // rendering, for readers who may not see the writers. The content is stored again the same
    // way (a draft of an earlier version may still hold it in the clear).
    const record = await protectedRecord(trx, row.entity_type, row.entity_id);
    const clearFile = record
      ? await renderDocument(
          composeModel(template.build(maskedFields(template, record, row, fields), agency), agency, row.series, {
            number,
            issuedOn,
          }),
        )
      : file;
    await trx
      .updateTable("official_document")
      .set((eb) => ({
        status: "issued",
        number,
        symbol,
        issued_on: issuedOn,
        issued_by: actor.userId,
        ...storedContent(id, record, original, row.fields_sealed ? clearOf(row) : undefined),
        file: clearFile,
        file_sealed: record ? keyRing().seal(Buffer.from(file).toString("base64"), documentFileContext(id)) : null,
        file_sha256: fileSha256,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "document.issued",
      entityType: "document",
      entityId: id,
      summary: { formCode: row.form_code, number, symbol, issuedOn, sha256: fileSha256 },
    });
    const hook = issuedHooks.get(row.entity_type);
    if (hook) {
      const signer = content.signature
        ? [content.signature.name, content.signature.position].filter(Boolean).join(", ")
        : (actor.name ?? "");
      await hook(trx, actor, {
        id,
        entityId: row.entity_id,
        formCode: row.form_code,
        symbol,
        issuedOn,
        signer,
      });
    }
  };

  if (db.isTransaction) {
    await run(db as Transaction<DB>);
  } else {
    await db.transaction().execute(run);
  }
  return getDocument(db, auth, id);
}

// ---------------------------------------------------------------------------------------------
// Files.

/**
 * The .docx of a document: the stored file once issued, a fresh "DỰ THẢO" rendering of a draft.
 * `reader` says whether the caller may see the writers of a protected record ("original") or
 * reads the masked copy; it changes nothing for other records. Does not check access: callers
 * do (`downloadDocument` for the API).
 */
export async function renderPreview(
  db: Kysely<DB>,
  id: string,
  reader: "original" | "masked" = "masked",
): Promise<Buffer> {
  const row = await db
    .selectFrom("official_document")
    .select([...ROW_COLUMNS, "file", "file_sealed"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) fail("NOT_FOUND", undefined, "Không tìm thấy văn bản.");
  const record = reader === "masked" ? await protectedRecord(db, row.entity_type, row.entity_id) : null;
  const masked = record !== null;
  if (row.status !== "draft" && row.file) {
    if (!masked && row.file_sealed)
      return Buffer.from(keyRing().open(row.file_sealed, documentFileContext(row.id)), "base64");
    // The clear file of a protected record is its masked rendering, except for one issued before 0020.
    if (!masked || row.file_sealed) return Buffer.from(row.file);
  }
  const template = templateOf(row.form_code);
  const agency = await loadIssuingAgency(db, row.agency_id);
  const fields = validFields(template, originalOf(row).fields);
  const built = template.build(masked ? maskedFields(template, record, row, fields) : fields, agency);
  if (row.status !== "draft" && row.number !== null && row.issued_on) {
    return renderDocument(composeModel(built, agency, row.series, { number: row.number, issuedOn: row.issued_on }));
  }
  const draftYear = Number(todayInVietnam().slice(0, 4));
  return renderDocument(composeModel(built, agency, row.series, { draftYear }));
}

export interface DocumentFile {
  /** The Vietnamese name (file-name.ts). */
  fileName: string;
  /** Content-Disposition: the ASCII name and the Vietnamese one. */
  disposition: string;
  contentType: string;
  bytes: Buffer;
}

/** GET /documents/:id/file: after the read check; the download is audited. */
export async function downloadDocument(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  id: string,
): Promise<DocumentFile> {
  const { document: doc, view } = await readDocument(db, auth, id);
  if (doc.status === "cancelled") fail("DOCUMENT_CANCELLED");
  const bytes = await renderPreview(db, id, view.original ? "original" : "masked");
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "document.downloaded",
      entityType: "document",
      entityId: id,
      summary: {
        formCode: doc.formCode,
        symbol: doc.symbol,
        status: doc.status,
        // A protected record's document: whether the writers' data came masked.
        ...(view.record ? { writers: view.original ? "shown" : "masked" } : {}),
      },
    }),
  );
  const fileName = documentFileName(await namingOf(db, doc));
  return { fileName, disposition: documentDisposition(fileName), contentType: DOCX_MIME, bytes };
}

// ---------------------------------------------------------------------------------------------
// The text of an issued paper, for its publication (portal/publications.ts, issue 20).

/**
 * The text of an issued document as signed, the original even for a protected record: the
 * publication's redaction masks it before anyone sees it. Does not check access: the caller does.
 */
export async function issuedDocumentText(db: Kysely<DB> | Transaction<DB>, id: string): Promise<string> {
  const row = await db.selectFrom("official_document").select(ROW_COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row || row.status !== "issued" || row.number === null || !row.issued_on)
    fail("NOT_FOUND", undefined, "Không tìm thấy văn bản đã ban hành.");
  const template = templateOf(row.form_code);
  const agency = await loadIssuingAgency(db as Kysely<DB>, row.agency_id);
  const built = template.build(validFields(template, originalOf(row).fields), agency);
  return documentText(composeModel(built, agency, row.series, { number: row.number, issuedOn: row.issued_on }));
}
