/**
 * A case step and its paper are one act (issue 16): the step drafts the paper, the paper is
 * signed and issued by a leader, and only then does the step carry the paper's number and signer,
 * taken from the register, never typed. The next step waits for the papers before it (or records
 * why it goes ahead, audited).
 */
import { CASE_ACTIONS_NOT_AFTER_PAPERS, type CaseAction, type CaseFacts } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { bumpVersion, writeEvent } from "../../platform/procedure.ts";
import { onPaperIssued, type IssuedPaper } from "../documents/service.ts";
import { findTemplate } from "../documents/templates.ts";
import { originalFacts } from "./at-rest.ts";

export interface PendingPaper {
  id: string;
  formCode: string;
  title: string;
  status: "draft" | "submitted";
}

/** The case's papers drafted but not issued yet. */
export async function pendingPapers(db: Kysely<DB> | Transaction<DB>, caseId: string): Promise<PendingPaper[]> {
  const rows = await db
    .selectFrom("official_document")
    .select(["id", "form_code", "status"])
    .where("entity_type", "=", "case")
    .where("entity_id", "=", caseId)
    .where("status", "in", ["draft", "submitted"])
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    formCode: r.form_code,
    title: findTemplate(r.form_code)?.name ?? r.form_code,
    status: r.status as "draft" | "submitted",
  }));
}

/**
 * Refuses a step while earlier papers are pending, unless the officer records why it goes ahead;
 * returns what the step's event and audit keep of the override.
 */
export async function assertPapersIssued(
  db: Kysely<DB>,
  caseId: string,
  action: CaseAction,
  override: string | null | undefined,
): Promise<{ reason: string; papers: string[] } | null> {
  if (CASE_ACTIONS_NOT_AFTER_PAPERS.has(action)) return null;
  const pending = await pendingPapers(db, caseId);
  if (pending.length === 0) return null;
  const reason = override?.trim();
  if (!reason) {
    const list = pending.map((p) => `${p.title} (${p.status === "submitted" ? "đang trình ký" : "dự thảo"})`);
    fail(
      "CASE_PAPERS_PENDING",
      "paperOverride",
      `Văn bản của bước trước chưa ban hành: ${list.join("; ")}. Trình ký, ban hành văn bản đó trước, hoặc ghi lý do để ghi nhận bước này.`,
    );
  }
  return { reason, papers: pending.map((p) => p.id) };
}

/** Where the number (and signer) of an issued paper goes in the facts, by the step that drafted it. */
function withNumber(facts: CaseFacts, action: string, symbol: string, signer: string): CaseFacts | null {
  // Papers of repeated steps (extensions, suspensions) are issued in order: the first without a number.
  const firstUnnumbered = <K extends string, T extends Record<K, string | null>>(list: T[], key: K) => {
    const i = list.findIndex((x) => x[key] === null);
    return i < 0 ? null : list.map((x, j) => (j === i ? { ...x, [key]: symbol } : x));
  };
  switch (action) {
    case "accept":
      return facts.acceptance ? { ...facts, acceptance: { ...facts.acceptance, documentNumber: symbol } } : null;
    case "reject":
      return facts.rejection ? { ...facts, rejection: { ...facts.rejection, documentNumber: symbol } } : null;
    case "assign_verification":
      return facts.verification ? { ...facts, verification: { ...facts.verification, documentNumber: symbol } } : null;
    case "decide":
      return facts.decision ? { ...facts, decision: { ...facts.decision, number: symbol, signer } } : null;
    case "conclude":
      return facts.conclusion ? { ...facts, conclusion: { ...facts.conclusion, number: symbol, signer } } : null;
    case "extend": {
      const extensions = firstUnnumbered(facts.extensions, "decisionNumber");
      return extensions ? { ...facts, extensions } : null;
    }
    case "suspend": {
      const suspensions = firstUnnumbered(facts.suspensions, "documentNumber");
      return suspensions ? { ...facts, suspensions } : null;
    }
    case "terminate":
    case "withdraw":
      return facts.termination ? { ...facts, termination: { ...facts.termination, documentNumber: symbol } } : null;
    case "transfer":
      return facts.transfer ? { ...facts, transfer: { ...facts.transfer, documentNumber: symbol } } : null;
    case "handle_conclusion":
      return facts.conclusionHandling
        ? { ...facts, conclusionHandling: { ...facts.conclusionHandling, documentNumber: symbol } }
        : null;
    default:
      return null;
  }
}

/** Writes an issued paper's number and signer into its step, with a timeline entry, in the transaction. */
async function recordIssuedPaper(trx: Transaction<DB>, actor: Actor, paper: IssuedPaper): Promise<void> {
  const step = await trx
    .selectFrom("case_event")
    .select(["action"])
    .where("case_id", "=", paper.entityId)
    .where("document_id", "=", paper.id)
    .where("action", "!=", "paper_issued")
    .executeTakeFirst();
  const row = await trx
    .selectFrom("resolution_case")
    .select(["id", "state", "facts", "facts_sealed", "version"])
    .where("id", "=", paper.entityId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return;
  const next = step ? withNumber(originalFacts(row), step.action, paper.symbol, paper.signer) : null;
  if (next) await bumpVersion(trx, "resolution_case", row.id, row.version, { facts: JSON.stringify(next) });
  await writeEvent(trx, "case", row.id, actor, {
    action: "paper_issued",
    from: row.state,
    to: row.state,
    data: {
      symbol: paper.symbol,
      formCode: paper.formCode,
      issuedOn: paper.issuedOn,
      signer: paper.signer,
      step: step?.action ?? null,
    },
    documentId: paper.id,
  });
}

// Cases import this file (service.ts), so wherever a case step can draft a paper, its issue is heard.
onPaperIssued("case", recordIssuedPaper);
