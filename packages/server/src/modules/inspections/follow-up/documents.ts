/** The letter urging a recommendation's implementation (TTr-DD), drafted when an urging is recorded. */
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { Actor } from "../../../platform/audit.ts";
import { createDraft } from "../../documents/service.ts";

export async function urgingLetter(
  trx: Transaction<DB>,
  actor: Actor,
  row: {
    id: string;
    agency_id: string;
    inspection_title: string;
    conclusion_number: string | null;
    concluded_on: string | null;
    content: string;
    amount: number;
    recovered: number;
    due_on: string | null;
    urged: number;
    responsible_unit: string;
  },
): Promise<string> {
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection_recommendation",
    entityId: row.id,
    formCode: "TTr-DD",
    fields: {
      to: row.responsible_unit,
      conclusion: {
        number: row.conclusion_number ?? "……",
        date: row.concluded_on!,
        title: row.inspection_title,
      },
      recommendation: row.content,
      amountVnd: Number(row.amount),
      recoveredVnd: Number(row.recovered),
      ...(row.due_on ? { dueOn: row.due_on } : {}),
      urgeCount: Number(row.urged) + 1,
    },
  });
  return doc.id;
}
