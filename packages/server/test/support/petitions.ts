/**
 * Small factories for the API tests that need a petition at a given point of its handling: a
 * letter received, classified (checklist: the domain's ELIGIBLE_ANSWERS) and proposed for
 * acceptance (the point where a complaint or denunciation case can be opened).
 */
import assert from "node:assert/strict";
import { ELIGIBLE_ANSWERS } from "@minhbach/domain";
import type { Kysely, Updateable } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { receiveMany } from "../../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../../src/platform/audit.ts";
import type { TestClient } from "../../src/testing.ts";

/**
 * A letter received at an agency through the register (its texts sealed as intake seals them),
 * then given the figures a report test counts by hand (`fields`: received_on, kind, outcome …).
 */
export async function recordedLetter(
  db: Kysely<DB>,
  agencyId: string,
  key: string,
  fields: Updateable<DB["petition"]>,
): Promise<string> {
  const [created] = await receiveMany(db, SYSTEM_ACTOR, agencyId, [
    {
      channel: "post",
      receivedOn: "2026-03-02",
      petitioners: [{ kind: "person", fullName: `Người viết ${key}`, address: "xã Bắc Hà" }],
      anonymous: false,
      impersonated: false,
      respondents: [{ name: "Cửa hàng vật tư nông nghiệp" }],
      content: `Nội dung đơn ${key} về cửa hàng bán phân bón giả.`,
      language: "vi",
      attachments: [],
    },
  ]);
  await db.updateTable("petition").set(fields).where("id", "=", created!.id).execute();
  return created!.id;
}

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
