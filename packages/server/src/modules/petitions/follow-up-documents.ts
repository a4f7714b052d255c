/**
 * The fields of the documents the follow-up of a petition prints — the urging letter (DD) and
 * the destruction decision (QD-HUY) — filled from the petition, its parties and its documents.
 * A denunciation's writer never goes into them (Luật Tố cáo 2018, Điều 9), nor the writer of a
 * letter not yet classified, which may be one.
 */
import {
  ARCHIVE_REASONS,
  redactorFor,
  type ArchiveReason,
  type PetitionFacts,
  type Petitioner,
} from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { mayBeDenunciation } from "../identity/access.ts";
import { redactionSubjects } from "../identity/masks.ts";
import { readParties } from "../identity/parties.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** The stored petition row, as far as these documents need it. */
export interface PetitionForDocuments {
  id: string;
  kind: string | null;
  anonymous: boolean;
  state: string;
  received_on: string;
  written_on: string | null;
  summary: string | null;
  content: string;
  facts: unknown;
}

/**
 * What the documents of a letter quote of it: for a protected letter, the text with its writers'
 * name, address, numbers and contacts masked, and every phone, e-mail and identity number by its
 * shape. Documents go to leaders, other officers and other agencies; a notice addressed to the
 * writer names them in its own fields, which the documents module seals (identity/protected-records.ts).
 */
export function documentTextMasker(kind: string | null, petitioners: readonly Petitioner[]): (text: string) => string {
  if (!mayBeDenunciation(kind)) return (text) => text;
  return redactorFor(redactionSubjects(petitioners));
}

function kindOf(kind: string | null): "complaint" | "denunciation" | "recommendation" | "feedback" | "other" {
  return kind === "complaint" || kind === "denunciation" || kind === "recommendation" || kind === "feedback"
    ? kind
    : "other";
}

function personOf(p: Petitioner | undefined): { fullName: string; address?: string } | undefined {
  if (!p) return undefined;
  const fullName = p.kind === "person" ? p.fullName : p.name;
  return p.address ? { fullName, address: p.address } : { fullName };
}

/** Where the petition went and on which paper: the issued slip if any, else what dispatch recorded. */
async function referenceOf(db: Db, row: PetitionForDocuments, handledAs: "transfer" | "guide") {
  const forms = handledAs === "transfer" ? ["TT05-05", "TT05-06"] : ["TT05-03", "TT05-07"];
  const slip = await db
    .selectFrom("official_document")
    .select(["symbol", "issued_on"])
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", row.id)
    .where("form_code", "in", forms)
    .where("status", "=", "issued")
    .orderBy("issued_on", "desc")
    .executeTakeFirst();
  const label = handledAs === "transfer" ? "Phiếu chuyển đơn" : "Phiếu hướng dẫn";
  if (slip?.symbol) return { reference: `${label} số ${slip.symbol}`, referenceDate: slip.issued_on ?? undefined };
  const dispatch = await db
    .selectFrom("petition_event")
    .select(["data"])
    .where("petition_id", "=", row.id)
    .where("action", "=", "dispatch")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const number = (dispatch?.data as { documentNumber?: string } | undefined)?.documentNumber;
  const facts = row.facts as PetitionFacts;
  const on = facts.dispatchedOn ?? facts.outcome?.on ?? undefined;
  return { reference: number ? `${label} số ${number}` : undefined, referenceDate: on };
}

/** DD — the urging letter to the body the petition was transferred or guided to. */
export async function urgeDocumentFields(
  db: Db,
  row: PetitionForDocuments,
  input: { on: string; reportBy: string; urgeCount: number },
) {
  const facts = row.facts as PetitionFacts & {
    targetAgency?: { name: string } | null;
    outcomeInput?: { targetBodies?: string[] };
  };
  const handledAs = row.state === "AWAITING_FEEDBACK" || row.state === "TRANSFERRED" ? "transfer" : "guide";
  const targetBody =
    facts.targetAgency?.name ??
    facts.outcome?.targetBody ??
    facts.outcomeInput?.targetBodies?.join("; ") ??
    "Cơ quan có thẩm quyền";
  const kind = kindOf(row.kind);
  const { petitioners } = await readParties(db, row.id);
  // A protected writer stays out of the letter; an anonymous letter has none.
  const petitioner = mayBeDenunciation(row.kind) || row.anonymous ? undefined : personOf(petitioners[0]);
  const mask = documentTextMasker(row.kind, petitioners);
  const { reference, referenceDate } = await referenceOf(db, row, handledAs);
  return {
    targetBody: targetBody.slice(0, 300),
    receivedOn: row.received_on,
    ...(row.written_on ? { letterDate: row.written_on } : {}),
    petitionKind: kind,
    handledAs,
    ...(reference ? { reference } : {}),
    ...(referenceDate ? { referenceDate } : {}),
    ...(petitioner ? { petitioner } : {}),
    summary: mask(row.summary ?? row.content).slice(0, 3900),
    reportBy: input.reportBy,
    urgeCount: input.urgeCount,
  };
}

export function archiveReasonLabel(reason: string | null | undefined): string {
  return reason && reason in ARCHIVE_REASONS ? ARCHIVE_REASONS[reason as ArchiveReason].label : "Lưu đơn";
}

/** One line of the destruction decision: the register code, never the writer. */
export function destructionLine(row: {
  code: string;
  received_on: string;
  retention_until: string | null;
  facts: unknown;
}) {
  const facts = row.facts as PetitionFacts;
  return {
    code: row.code,
    receivedOn: row.received_on,
    archiveReason: archiveReasonLabel(facts.archiveReason),
    retentionUntil: row.retention_until ?? row.received_on,
  };
}

/** QD-HUY — one decision for the petitions listed. */
export function destructionDocumentFields(
  rows: readonly Parameters<typeof destructionLine>[0][],
  input: { deciderTitle?: string | undefined },
) {
  return {
    petitions: rows.map(destructionLine),
    ...(input.deciderTitle ? { deciderTitle: input.deciderTitle } : {}),
  };
}
