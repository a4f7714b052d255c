/**
 * No petition is left open without a clock: in every state in which the body still has to act,
 * for every kind of letter that can reach that state, some legal time limit runs (issue: an
 * accepted complaint dropped out of tracking). The combinations are the domain's own: the outcomes
 * its guards allow from ELIGIBLE, and the dispatch of a transfer slip.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allowedOutcomes,
  CASE_OPEN_WITHOUT_CLOCK,
  CASE_STATE_LIST,
  FINAL_STATES,
  RESOLVING_STATES,
  OUTCOMES,
  PETITION_CLOSED_STATES,
  PETITION_OPEN_WITHOUT_CLOCK,
  PETITION_STATE_LIST,
  petitionDeadlines,
  type Competence,
  type PetitionFacts,
  type PetitionKind,
  type PetitionState,
} from "../src/index.ts";

const KINDS: PetitionKind[] = ["complaint", "denunciation", "recommendation", "feedback", "multi_content"];
const COMPETENCES: Competence[] = ["within", "not_within"];
const BEFORE_OUTCOME: PetitionState[] = ["RECEIVED", "REGISTERED", "CLASSIFIED", "ELIGIBLE", "NOT_ELIGIBLE"];

/** Every letter the tests try: each kind and competence, by post and forwarded by the press, named or anonymous. */
function letters(): PetitionFacts[] {
  const out: PetitionFacts[] = [];
  for (const kind of KINDS)
    for (const competence of COMPETENCES)
      for (const channel of ["post", "press"] as const)
        for (const anonymous of [false, true])
          out.push({
            status: "ELIGIBLE",
            channel,
            receivedOn: "2026-03-02",
            anonymous,
            impersonated: false,
            classification: {
              kind,
              competence,
              fieldCode: "HC.DAT_DAI",
              complaintAcceptable: kind === "complaint" ? true : null,
              contentKinds: kind === "multi_content" ? ["complaint", "denunciation"] : null,
              severalBodies: kind === "multi_content" ? true : null,
            },
            // An anonymous denunciation with evidence may be proposed for a check (Điều 25 khoản 2).
            eligibility: anonymous ? ({ anonymousDenunciationException: true } as PetitionFacts["eligibility"]) : null,
          });
  return out;
}

/** The petitions in `state` that the domain's own guards can produce. */
function reachable(state: PetitionState): PetitionFacts[] {
  if (BEFORE_OUTCOME.includes(state)) return letters().map((p) => ({ ...p, status: state }));
  const out: PetitionFacts[] = [];
  for (const p of letters()) {
    for (const option of allowedOutcomes(p).allowed) {
      const after: PetitionFacts = {
        ...p,
        status: OUTCOMES[option.outcome].to,
        outcome: { outcome: option.outcome, on: "2026-03-05" },
      };
      if (after.status === state) out.push(after);
      // A transfer's slip sent: the petition waits for the receiving body's answer.
      if (after.status === "TRANSFERRED" && state === "AWAITING_FEEDBACK")
        out.push({ ...after, status: "AWAITING_FEEDBACK", dispatchedOn: "2026-03-06" });
    }
  }
  return out;
}

describe("every open petition has a clock", () => {
  test("each state is closed, open with a clock, or open without one for a stated reason", () => {
    for (const state of Object.keys(PETITION_OPEN_WITHOUT_CLOCK) as PetitionState[]) {
      assert.ok(!PETITION_CLOSED_STATES.includes(state), state);
      assert.ok(PETITION_OPEN_WITHOUT_CLOCK[state]!.length > 10, `${state}: the reason is written`);
    }
  });

  for (const state of PETITION_STATE_LIST) {
    if (PETITION_CLOSED_STATES.includes(state) || state in PETITION_OPEN_WITHOUT_CLOCK) continue;
    test(`${state}: some time limit runs for every letter that can be in it`, () => {
      const petitions = reachable(state);
      assert.ok(petitions.length > 0, `${state} is reached by some letter`);
      for (const p of petitions) {
        const c = p.classification!;
        assert.ok(
          petitionDeadlines(p).length > 0,
          `${state}: ${c.kind}, ${c.competence}, ${p.channel}${p.anonymous ? ", nặc danh" : ""} has no time limit`,
        );
      }
    });
  }

  test("hand-checked: a transfer not yet sent and a proposed denunciation keep their clocks", () => {
    const [transfer] = reachable("TRANSFERRED").filter((p) => p.classification?.kind === "denunciation");
    assert.deepEqual(
      petitionDeadlines(transfer!).map((d) => d.rule),
      ["petition.handle", "denunciation.initial", "denunciation.transfer"],
    );
    const [proposed] = reachable("PROPOSED_FOR_ACCEPTANCE").filter(
      (p) => p.classification?.kind === "denunciation" && p.channel === "post",
    );
    assert.deepEqual(
      petitionDeadlines(proposed!).map((d) => d.rule),
      ["denunciation.initial"],
    );
  });
});

describe("every case not final either runs a clock or says why not", () => {
  test("acceptance, initial processing and resolution run one; the others are final or give a reason", () => {
    for (const state of CASE_STATE_LIST) {
      const clocked = ["AWAITING_ACCEPTANCE", "INITIAL_PROCESSING", ...RESOLVING_STATES].includes(state);
      const final = FINAL_STATES.includes(state);
      const reason = CASE_OPEN_WITHOUT_CLOCK[state];
      assert.equal([clocked, final, reason !== undefined].filter(Boolean).length, 1, state);
    }
  });
});
