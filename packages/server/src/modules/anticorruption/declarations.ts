/**
 * Declarations' content: personal data of the most sensitive kind. Sealed at rest by the key ring
 * (platform/vault.ts, SEALED.declaration) like denouncers' identities; opened only for the
 * anti-corruption officers of the controlling agency (anticorruption.write in its scope — a leader
 * or reporting officer with anticorruption.read is not one of them) and for the declarant himself
 * (the user linked to the official's record). Every read is audited, a refused one too. No list,
 * search, export or reminder carries the content.
 */
import { randomUUID } from "node:crypto";
import { compareDeclarations, normalizeForMatch, todayInVietnam, type DeclarationKind } from "@minhbach/domain";
import type { declarationBody, declarationImportBody } from "@minhbach/domain/api/anticorruption";
import { sql, type Kysely, type Selectable } from "kysely";
import type { z } from "zod";
import type { AcObligationTable, DB } from "../../db/schema.ts";
import { agenciesInScope, can, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { loadIssuingAgency } from "../documents/letterhead.ts";
import { renderDocument } from "../documents/render.ts";
import { addSupplementaryIfDue, notAfterToday, obligationInScope } from "./campaigns.ts";
import { declarationFormModel } from "./declaration-form.ts";
import { declarationWorkbook, readDeclarationWorkbook } from "./declaration-workbook.ts";
import { openDeclaration, sealDeclaration } from "./sealed-declaration.ts";

export async function submitDeclaration(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  obligationId: string,
  body: z.infer<typeof declarationBody>,
) {
  const obligation = await obligationInScope(db, auth, obligationId);
  return saveDeclaration(db, actor, obligation, body, null);
}

/**
 * Seals and stores one declaration and marks the obligation received, in one transaction with its
 * audit event (entered by hand, or imported from the named file).
 */
async function saveDeclaration(
  db: Kysely<DB>,
  actor: Actor,
  obligation: Selectable<AcObligationTable>,
  body: z.infer<typeof declarationBody>,
  importedFrom: string | null,
) {
  if (obligation.removed) fail("AC_OBLIGATION_REMOVED");
  notAfterToday(body.declaredOn, "declaredOn", "Ngày kê khai");
  notAfterToday(body.receivedOn, "receivedOn", "Ngày nhận bản kê khai");
  if (body.receivedOn < body.declaredOn)
    fail("VALIDATION_FAILED", "receivedOn", "Ngày nhận bản kê khai: không được trước ngày kê khai.");
  const obligationId = obligation.id;
  const campaign = await db
    .selectFrom("ac_campaign")
    .select("year")
    .where("id", "=", obligation.campaign_id)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const sealed = sealDeclaration(id, body.content);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("ac_declaration")
      .select("id")
      .where("obligation_id", "=", obligationId)
      .executeTakeFirst();
    if (existing) fail("AC_DECLARATION_EXISTS");
    const done = await trx
      .updateTable("ac_obligation")
      .set({ received_on: body.receivedOn, version: obligation.version + 1, updated_at: new Date() })
      .where("id", "=", obligationId)
      .where("version", "=", body.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
    await trx
      .insertInto("ac_declaration")
      .values({
        id,
        obligation_id: obligationId,
        agency_id: obligation.agency_id,
        official_id: obligation.official_id,
        year: campaign.year,
        kind: obligation.kind,
        declared_on: body.declaredOn,
        content_sealed: sealed,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: importedFrom === null ? "anticorruption.declaration.entered" : "anticorruption.declaration.imported",
      entityType: "ac_declaration",
      entityId: id,
      // Who, which year and kind: never an amount or an asset.
      summary: {
        year: campaign.year,
        kind: obligation.kind,
        on: body.declaredOn,
        ...(importedFrom === null ? {} : { fileName: importedFrom }),
      },
    });
    await addSupplementaryIfDue(trx, actor, obligation.agency_id, obligation.official_id, body.declaredOn);
  });
  return { id };
}

/** The declarant's name, birth date, unit and current position as the records hold them (not sealed). */
async function declarantOf(db: Kysely<DB>, officialId: string) {
  const official = await db
    .selectFrom("ac_official as o")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .select(["o.full_name", "o.birth_date", "u.name as unit_name"])
    .where("o.id", "=", officialId)
    .executeTakeFirstOrThrow();
  const position = await db
    .selectFrom("ac_official_position as op")
    .innerJoin("ac_position as p", "p.id", "op.position_id")
    .select("p.name")
    .where("op.official_id", "=", officialId)
    .orderBy(sql`op.to_date is null`, "desc")
    .orderBy("op.from_date", "desc")
    .limit(1)
    .executeTakeFirst();
  return { ...official, position: position?.name };
}

/**
 * The blank form (.xlsx) of one obligation: the declarant's name, birth date, unit and position
 * filled in, the rest for him to fill. It holds no declared content, so it is not a sealed read.
 */
export async function declarationTemplate(db: Kysely<DB>, auth: AuthContext, obligationId: string) {
  const obligation = await obligationInScope(db, auth, obligationId);
  const campaign = await db
    .selectFrom("ac_campaign")
    .select("year")
    .where("id", "=", obligation.campaign_id)
    .executeTakeFirstOrThrow();
  const who = await declarantOf(db, obligation.official_id);
  const bytes = await declarationWorkbook({
    kind: obligation.kind,
    year: campaign.year,
    unitName: who.unit_name,
    declarant: { fullName: who.full_name, birthDate: who.birth_date ?? undefined, position: who.position },
    content: null,
    declaredOn: null,
  });
  return { bytes, fileName: `Mau-ban-ke-khai-${campaign.year}.xlsx` };
}

/**
 * One declaration's content from the .xlsx form, filled in by the declarant (LAW.md §10.5): read
 * cell by cell; any refusal answers the whole list (section, row, column) and saves nothing; a
 * form of another person is refused. Saved as an entry is: sealed, the obligation received.
 */
export async function importDeclaration(
  db: Kysely<DB>,
  auth: AuthContext,
  actor: Actor,
  obligationId: string,
  body: z.infer<typeof declarationImportBody>,
) {
  const obligation = await obligationInScope(db, auth, obligationId);
  if (obligation.removed) fail("AC_OBLIGATION_REMOVED");
  let read: Awaited<ReturnType<typeof readDeclarationWorkbook>>;
  try {
    read = await readDeclarationWorkbook(Buffer.from(body.contentBase64, "base64"));
  } catch {
    fail("AC_IMPORT_FILE_INVALID", "contentBase64");
  }
  if (!read.form) fail("AC_DECLARATION_FILE_NOT_FORM", "contentBase64");
  const refused = [...read.refused];
  const who = await declarantOf(db, obligation.official_id);
  const named = read.content?.declarant.fullName;
  if (named && normalizeForMatch(named) !== normalizeForMatch(who.full_name))
    refused.unshift({
      section: "I.1. Người kê khai tài sản, thu nhập",
      row: read.rows.fullName,
      field: "Họ và tên người kê khai",
      message: `Bản kê khai của “${named}”, không phải của ${who.full_name} trong danh sách kê khai.`,
    });
  if (read.declaredOn && read.declaredOn > todayInVietnam())
    refused.push({
      section: "I.1. Người kê khai tài sản, thu nhập",
      row: read.rows.declaredOn,
      field: "Ngày hoàn thành bản kê khai (dd/mm/yyyy)",
      message: "Ngày hoàn thành bản kê khai không được sau ngày hôm nay.",
    });
  if (refused.length || !read.content || !read.declaredOn) return { saved: false, id: null, refused };
  const { id } = await saveDeclaration(
    db,
    actor,
    obligation,
    { version: body.version, declaredOn: read.declaredOn, receivedOn: body.receivedOn, content: read.content },
    body.fileName,
  );
  return { saved: true, id, refused: [] };
}

/** Opens one declaration for a reader allowed to see it, recording the read; refused reads are recorded too. */
async function readable(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string, how: "viewed" | "downloaded") {
  const row = await db
    .selectFrom("ac_declaration as d")
    .innerJoin("ac_official as o", "o.id", "d.official_id")
    .select([
      "d.id",
      "d.obligation_id",
      "d.official_id",
      "d.agency_id",
      "d.year",
      "d.kind",
      "d.declared_on",
      "d.content_sealed",
      "o.full_name",
      "o.user_id",
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) fail("AC_DECLARATION_NOT_FOUND");
  const declarant = row.user_id !== null && row.user_id === auth.userId;
  const officer =
    can(auth, "anticorruption.write") &&
    (await agenciesInScope(db, auth, "anticorruption.write")).includes(row.agency_id);
  if (!declarant && !officer) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: "anticorruption.declaration.view_refused",
        entityType: "ac_declaration",
        entityId: id,
        summary: { year: row.year },
      }),
    );
    fail("AC_DECLARATION_FORBIDDEN");
  }
  const content = openDeclaration(row.id, row.content_sealed);
  // The comparison reads the previous declaration of the same person: part of this one read.
  const previousRow = await db
    .selectFrom("ac_declaration")
    .select(["id", "content_sealed"])
    .where("official_id", "=", row.official_id)
    .where("id", "<>", row.id)
    .where("declared_on", "<=", row.declared_on)
    .orderBy("declared_on", "desc")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const previous = previousRow ? openDeclaration(previousRow.id, previousRow.content_sealed) : null;
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: how === "viewed" ? "anticorruption.declaration.viewed" : "anticorruption.declaration.downloaded",
      entityType: "ac_declaration",
      entityId: id,
      summary: { year: row.year, reader: declarant ? "declarant" : "officer" },
    }),
  );
  return {
    id: row.id,
    obligationId: row.obligation_id,
    officialId: row.official_id,
    fullName: row.full_name,
    year: row.year,
    kind: row.kind as DeclarationKind,
    declaredOn: row.declared_on,
    content,
    comparison: compareDeclarations(previous, content),
  };
}

export async function getDeclaration(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  return readable(db, auth, actor, id, "viewed");
}

/**
 * The declaration as the .xlsx form (declaration-workbook.ts), the layout the import reads: a
 * declarant may download last year's, change it and hand it in. Same readers, audited as a download.
 */
export async function declarationFile(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const d = await readable(db, auth, actor, id, "downloaded");
  const who = await declarantOf(db, d.officialId);
  const bytes = await declarationWorkbook({
    kind: d.kind,
    year: d.year,
    unitName: who.unit_name,
    declarant: d.content.declarant,
    content: d.content,
    declaredOn: d.declaredOn,
  });
  return { bytes, fileName: `Ban-ke-khai-${d.year}.xlsx` };
}

/**
 * The declaration as the .docx form (declaration-form.ts): the same readers as the view, the
 * download audited like the .xlsx. Rendered from the sealed content on each request, never stored.
 */
export async function declarationForm(db: Kysely<DB>, auth: AuthContext, actor: Actor, id: string) {
  const d = await readable(db, auth, actor, id, "downloaded");
  const where = await db
    .selectFrom("ac_declaration as d")
    .innerJoin("ac_official as o", "o.id", "d.official_id")
    .innerJoin("agency as u", "u.id", "o.unit_agency_id")
    .select(["d.agency_id", "u.name as unit_name"])
    .where("d.id", "=", id)
    .executeTakeFirstOrThrow();
  const agency = await loadIssuingAgency(db, where.agency_id);
  const bytes = await renderDocument(
    declarationFormModel(
      {
        kind: d.kind,
        year: d.year,
        declaredOn: d.declaredOn,
        unitName: where.unit_name,
        content: d.content,
        comparison: d.comparison,
      },
      agency,
    ),
  );
  return { bytes, fileName: `Ban-ke-khai-${d.year}.docx` };
}

/** The declarant's own declarations: year, kind and date only. */
export async function myDeclarations(db: Kysely<DB>, auth: AuthContext) {
  const rows = await db
    .selectFrom("ac_declaration as d")
    .innerJoin("ac_official as o", "o.id", "d.official_id")
    .select(["d.id", "d.year", "d.kind", "d.declared_on"])
    .where("o.user_id", "=", auth.userId)
    .orderBy("d.declared_on", "desc")
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, year: r.year, kind: r.kind as DeclarationKind, declaredOn: r.declared_on })),
  };
}
