/**
 * Small factories for the API tests that need a petition at a given point of its handling:
 * the eligibility checklist all answered yes, and a letter received, classified and proposed for
 * acceptance (the point where a complaint or denunciation case can be opened).
 */
import assert from "node:assert/strict";
import type { TestClient } from "../../src/testing.ts";

/** Every item of the TT 05/2021 Điều 6 checklist answered "yes". */
export const ALL_YES: Record<string, boolean> = {
  language: true,
  date: true,
  writer_identity: true,
  signature: true,
  complaint_respondent: true,
  complaint_content: true,
  denunciation_subject: true,
  denunciation_act: true,
  denunciation_contact: true,
  recommendation_content: true,
};

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
    eligibilityAnswers: ALL_YES,
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
