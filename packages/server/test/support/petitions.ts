/**
 * Small factories for the API tests that need a petition at a given point of its handling: a
 * letter received, classified (checklist: the domain's ELIGIBLE_ANSWERS) and proposed for
 * acceptance (the point where a complaint or denunciation case can be opened).
 */
import assert from "node:assert/strict";
import { ELIGIBLE_ANSWERS } from "@minhbach/domain";
import type { TestClient } from "../../src/testing.ts";

export interface ProposedPetition {
  id: string;
  code: string;
  state: string;
  version: number;
}

/** Receives a letter as `handler`, classifies it as `kind` within competence, proposes acceptance on `on`. */
export async function proposedPetition(
  handler: TestClient,
  letter: Record<string, unknown>,
  kind: "complaint" | "denunciation",
  on: string,
  fieldCode = "CT.QUAN_LY_THI_TRUONG",
): Promise<ProposedPetition> {
  const created = await handler.post("/api/petitions", { fieldCode, ...letter });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const p = (await handler.get(`/api/petitions/${created.body.id}`)).body;
  const classified = await handler.post(`/api/petitions/${p.id}/classify`, {
    version: p.version,
    kind,
    competence: "within",
    fieldCode,
    ...(kind === "complaint" ? { complaintAcceptable: true } : {}),
    eligibilityAnswers: ELIGIBLE_ANSWERS,
  });
  assert.equal(classified.status, 200, JSON.stringify(classified.body));
  const outcome = await handler.post(`/api/petitions/${p.id}/outcome`, {
    version: classified.body.version,
    outcome: "propose_acceptance",
    on,
  });
  assert.equal(outcome.status, 200, JSON.stringify(outcome.body));
  return outcome.body.petition as ProposedPetition;
}
