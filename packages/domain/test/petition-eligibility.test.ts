/**
 * Eligibility for handling: Điều 6 khoản 2 điểm a Thông tư 05/2021/TT-TTCP, with the exception of
 * Điều 25 khoản 2 Luật Tố cáo 2018 for anonymous denunciations with evidence.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  applicableEligibilityItems,
  assessEligibility,
  ELIGIBILITY_ITEMS,
  ELIGIBLE_ANSWERS,
  type EligibilityAnswers,
  type EligibilityItemId,
  type EligibilityPetition,
} from "../src/petitions/index.ts";

const yes = (ids: readonly EligibilityItemId[]): EligibilityAnswers => Object.fromEntries(ids.map((id) => [id, true]));
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

const complaint: EligibilityPetition = { kind: "complaint", anonymous: false, impersonated: false, language: "vi" };
const denunciation: EligibilityPetition = { kind: "denunciation", anonymous: false, impersonated: false };
const anonymous: EligibilityPetition = { kind: "denunciation", anonymous: true, impersonated: false };
const COMMON = ["date", "writer_identity", "signature"] as const;
const EXCEPTION = ["anonymous_wrongdoer_identified", "anonymous_concrete_evidence", "anonymous_verifiable"] as const;

describe("the checklist as data", () => {
  test("every item has a Vietnamese label, kinds and a basis", () => {
    for (const item of ELIGIBILITY_ITEMS) {
      assert.ok(item.label.length > 10 && item.appliesTo.length > 0 && /Điều \d+/.test(item.basis), item.id);
    }
  });

  test("items per kind", () => {
    assert.deepEqual(ids(applicableEligibilityItems(complaint)), [
      "language",
      "date",
      "writer_identity",
      "signature",
      "complaint_respondent",
      "complaint_content",
    ]);
    assert.deepEqual(ids(applicableEligibilityItems({ ...complaint, kind: "feedback" })), [
      "language",
      "date",
      "writer_identity",
      "signature",
      "recommendation_content",
    ]);
    assert.equal(ids(applicableEligibilityItems(denunciation)).includes("anonymous_concrete_evidence"), false);
    assert.equal(ids(applicableEligibilityItems(anonymous)).includes("anonymous_concrete_evidence"), true);
  });

  test("a letter in order: every item of an identified writer's letter is met, of every kind", () => {
    assert.deepEqual(Object.keys(ELIGIBLE_ANSWERS), [
      "language",
      "date",
      "writer_identity",
      "signature",
      "complaint_respondent",
      "complaint_content",
      "denunciation_subject",
      "denunciation_act",
      "denunciation_contact",
      "recommendation_content",
    ]);
    for (const kind of ["complaint", "denunciation", "recommendation"] as const) {
      assert.equal(assessEligibility({ ...complaint, kind }, ELIGIBLE_ANSWERS).eligible, true, kind);
    }
  });
});

describe("identified writers", () => {
  test("a complete complaint is eligible", () => {
    const r = assessEligibility(complaint, yes([...COMMON, "complaint_respondent", "complaint_content"]));
    assert.equal(r.eligible, true);
    assert.equal(r.complete, true);
    assert.equal(r.archiveReason, null);
  });

  test("unanswered items keep the verdict open", () => {
    const r = assessEligibility(complaint, yes(COMMON));
    assert.equal(r.eligible, false);
    assert.equal(r.complete, false);
    assert.deepEqual(ids(r.unanswered), ["complaint_respondent", "complaint_content"]);
    assert.equal(r.archiveReason, null);
  });

  test("a failed item is final: not eligible, to be filed", () => {
    const r = assessEligibility(complaint, { ...yes(COMMON), signature: false });
    assert.equal(r.eligible, false);
    assert.equal(r.complete, true);
    assert.deepEqual(ids(r.failed), ["signature"]);
    assert.equal(r.archiveReason, "not_eligible");
  });

  test("a foreign-language letter needs a notarised translation", () => {
    const answers = yes([...COMMON, "complaint_respondent", "complaint_content"]);
    const foreign = assessEligibility({ ...complaint, language: "other", notarisedTranslation: false }, answers);
    assert.deepEqual(ids(foreign.failed), ["language"]);
    const translated = assessEligibility({ ...complaint, language: "other", notarisedTranslation: true }, answers);
    assert.equal(translated.eligible, true);
  });

  test("an anonymous complaint fails on the writer's identity (no exception for complaints)", () => {
    const r = assessEligibility(
      { ...complaint, anonymous: true },
      yes([...COMMON, "complaint_respondent", "complaint_content"]),
    );
    assert.equal(r.eligible, false);
    assert.deepEqual(ids(r.failed), ["writer_identity"]);
    assert.equal(r.archiveReason, "not_eligible");
  });
});

describe("anonymous and impersonated denunciations (Điều 25 Luật Tố cáo 2018)", () => {
  const core = ["language", "denunciation_subject", "denunciation_act"] as const;

  test("with an identified wrongdoer, concrete evidence and a basis for verification: eligible by exception", () => {
    const r = assessEligibility(anonymous, yes([...core, ...EXCEPTION]));
    assert.equal(r.eligible, true);
    assert.equal(r.anonymousDenunciationException, true);
    assert.deepEqual(r.failed, []);
  });

  test("without evidence: not eligible, filed as anonymous without evidence", () => {
    const r = assessEligibility(anonymous, {
      ...yes([...core, "anonymous_wrongdoer_identified", "anonymous_verifiable"]),
      anonymous_concrete_evidence: false,
    });
    assert.equal(r.eligible, false);
    assert.equal(r.anonymousDenunciationException, false);
    assert.equal(r.complete, true);
    assert.equal(r.archiveReason, "anonymous_without_evidence");
    assert.deepEqual(ids(r.failed), ["writer_identity", "anonymous_concrete_evidence"]);
  });

  test("impersonated is treated like anonymous", () => {
    const impersonated = { ...denunciation, impersonated: true };
    assert.equal(assessEligibility(impersonated, yes([...core, ...EXCEPTION])).anonymousDenunciationException, true);
    assert.equal(
      assessEligibility(impersonated, { ...yes(core), anonymous_wrongdoer_identified: false }).archiveReason,
      "anonymous_without_evidence",
    );
  });

  test("exception items not yet answered: open", () => {
    const r = assessEligibility(anonymous, yes(core));
    assert.equal(r.complete, false);
    assert.deepEqual(ids(r.unanswered), [...EXCEPTION]);
  });

  test("the exception does not cure a missing act", () => {
    const r = assessEligibility(anonymous, {
      ...yes([...EXCEPTION, "language", "denunciation_subject"]),
      denunciation_act: false,
    });
    assert.equal(r.eligible, false);
    assert.equal(r.archiveReason, "not_eligible");
  });

  test("an identified denouncer is never helped by the exception items", () => {
    const r = assessEligibility(denunciation, yes([...COMMON, ...core, "denunciation_contact"]));
    assert.equal(r.eligible, true);
    assert.equal(r.anonymousDenunciationException, false);
  });

  test("property: eligible exactly when all three exception conditions hold", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (a, b, c) => {
        const r = assessEligibility(anonymous, {
          ...yes(core),
          anonymous_wrongdoer_identified: a,
          anonymous_concrete_evidence: b,
          anonymous_verifiable: c,
        });
        assert.equal(r.eligible, a && b && c);
        assert.equal(r.complete, true);
        assert.equal(r.archiveReason, a && b && c ? null : "anonymous_without_evidence");
      }),
    );
  });
});
