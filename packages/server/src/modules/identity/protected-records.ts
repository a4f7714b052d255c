/**
 * The documents and files of a record whose writer may be a denouncer: a letter not yet
 * classified (it may be a denunciation), a denunciation, or a case opened from one. What they
 * name or quote of the writers is for those who may see the identity (access.ts); every
 * other reader gets a copy with the writers' personal data masked (Điều 9 khoản 1, Điều 47 Luật
 * Tố cáo 2018; docs/LAW.md §6.6). At rest the clear columns hold the masked copy and the original
 * is sealed under the key ring, bound to its row (migration 0020).
 */
import { maskContacts, redactorFor } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";
import { identityAccess, mayBeDenunciation } from "./access.ts";
import { redactionSubjects } from "./masks.ts";
import { readParties } from "./parties.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ProtectedRecord {
  /** The letter whose writers are protected, as identityAccess reads it. */
  petition: { id: string; agency_id: string; kind: string | null };
  /** Masks the writers' name, address, numbers and contacts, and every contact by its shape. */
  redact: (text: string) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The petition behind a record of type "petition", "case", "inspection" (through the case that
 * triggered it) or "inspection_recommendation" (through its inspection) when its writers are protected, with their masker; null for any other record (a
 * complaint, a reception schedule…).
 */
export async function protectedRecord(db: Db, entityType: string, entityId: string): Promise<ProtectedRecord | null> {
  if (!UUID.test(entityId)) return null;
  if (entityType === "inspection") {
    // An inspection triggered by a case of this system is typed from the case's file: it is
    // protected as the case is (its texts, papers and files may quote the denouncer).
    const inspection = await db
      .selectFrom("inspection")
      .select("trigger_case_id")
      .where("id", "=", entityId)
      .executeTakeFirst();
    return inspection?.trigger_case_id ? protectedRecord(db, "case", inspection.trigger_case_id) : null;
  }
  if (entityType === "inspection_recommendation") {
    // A recommendation, and the urging letter filed under it, is part of its inspection's file.
    const recommendation = await db
      .selectFrom("inspection_recommendation")
      .select("inspection_id")
      .where("id", "=", entityId)
      .executeTakeFirst();
    return recommendation ? protectedRecord(db, "inspection", recommendation.inspection_id) : null;
  }
  let petitionId: string;
  let caseKind: string | null = null;
  if (entityType === "petition") {
    petitionId = entityId;
  } else if (entityType === "case") {
    const kase = await db
      .selectFrom("resolution_case")
      .select(["petition_id", "kind"])
      .where("id", "=", entityId)
      .executeTakeFirst();
    if (!kase) return null;
    petitionId = kase.petition_id;
    caseKind = kase.kind;
  } else {
    return null;
  }
  const petition = await db
    .selectFrom("petition")
    .select(["id", "agency_id", "kind"])
    .where("id", "=", petitionId)
    .executeTakeFirst();
  if (!petition) return null;
  if (entityType === "petition" && !mayBeDenunciation(petition.kind)) {
    // A letter classified otherwise but whose case is a denunciation is still protected.
    const kase = await db
      .selectFrom("resolution_case")
      .select("kind")
      .where("petition_id", "=", petition.id)
      .where("kind", "=", "denunciation")
      .executeTakeFirst();
    if (!kase) return null;
  }
  if (entityType === "case" && caseKind !== "denunciation" && !mayBeDenunciation(petition.kind)) return null;
  const { petitioners } = await readParties(db, petition.id);
  return { petition, redact: redactorFor(redactionSubjects(petitioners)) };
}

/** Whether the caller may read the writers of the record's letter (assigned, handler, approved request). */
export async function maySeeWriters(db: Db, auth: AuthContext, record: ProtectedRecord): Promise<boolean> {
  return (await identityAccess(db as Kysely<DB>, auth, record.petition)).canView;
}

/** Every string inside a JSON value masked; numbers, booleans, dates' shapes and keys are left alone. */
export function maskDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskDeep(v, redact)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, redact)])) as T;
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An edit by someone who saw the masked copy, applied to the original: what they left as it was
 * shown keeps its original (the writer's name in a notice to the writer stays), what they changed
 * is theirs, passed through `typed`. Objects and equal-length lists are compared part by part.
 */
export function applyEdit(
  original: unknown,
  shown: unknown,
  submitted: unknown,
  typed: (value: unknown) => unknown = (value) => value,
): unknown {
  if (same(submitted, shown)) return original;
  if (Array.isArray(submitted) && Array.isArray(shown) && Array.isArray(original)) {
    if (submitted.length !== shown.length || shown.length !== original.length) return typed(submitted);
    return submitted.map((v: unknown, i) => applyEdit(original[i], shown[i], v, typed));
  }
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (isObject(submitted) && isObject(shown) && isObject(original)) {
    return Object.fromEntries(
      Object.entries(submitted).map(([k, v]) => [
        k,
        k in shown && k in original ? applyEdit(original[k], shown[k], v, typed) : typed(v),
      ]),
    );
  }
  return typed(submitted);
}

/**
 * The masked copy of what someone who may not see the writers typed: contacts and identity
 * numbers by their shape only. Masking a name they typed because it is the writer's would
 * answer "is this the denouncer?" to whoever reads the copy back.
 */
export function maskTyped<T>(value: T): T {
  return maskDeep(value, maskContacts);
}

// ---- Sealing ----------------------------------------------------------------------------------

export const documentFieldsContext = SEALED.documentFields.context;
export const documentFileContext = SEALED.documentFile.context;
export const attachmentNamesContext = SEALED.attachmentNames.context;

export function sealJson(value: unknown, context: string): string {
  return keyRing().seal(JSON.stringify(value), context);
}

export function openJson<T>(sealed: string, context: string): T {
  return JSON.parse(keyRing().open(sealed, context)) as T;
}
