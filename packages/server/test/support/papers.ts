/**
 * The papers of a case as officers issue them: the resolver submits each draft to the leader, who
 * signs it; its number comes from the register (issue 16: a step and its paper are one act).
 */
import assert from "node:assert/strict";
import type { TestClient } from "../../src/testing.ts";

interface Paper {
  id: string;
  status: string;
  version: number;
  formCode: string;
}

/** Submits and signs every pending paper of a case; returns their symbols ("12/QĐ-SCT") in order. */
export async function signPapers(drafter: TestClient, leader: TestClient, caseId: string): Promise<string[]> {
  const leaderId = (await leader.get("/api/auth/me")).body.user.id as string;
  const list = await drafter.get(`/api/documents?entityType=case&entityId=${caseId}`);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const symbols: string[] = [];
  for (const paper of (list.body.items as Paper[]).filter((d) => d.status === "draft" || d.status === "submitted")) {
    if (paper.status === "draft") {
      const submitted = await drafter.post(`/api/documents/${paper.id}/submit`, {
        version: paper.version,
        signerId: leaderId,
      });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    }
    const issued = await leader.post(`/api/documents/${paper.id}/issue`, {});
    assert.equal(issued.status, 200, `${paper.formCode}: ${JSON.stringify(issued.body)}`);
    symbols.push(issued.body.symbol as string);
  }
  return symbols;
}
