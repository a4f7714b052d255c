// The counts 01/PCTN takes from corruption cases (docs/LAW.md §10.3), against hand-added figures.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CASE_CHANNEL_LABELS, CASE_CHANNELS, countCases } from "../src/anticorruption/index.ts";

describe("corruption case counts", () => {
  test("cases and persons by channel, exact đồng sums, transfers, discipline, heads", () => {
    const counts = countCases([
      {
        channel: "self_inspection",
        damageMoney: 1_250_000_000,
        recoveredMoney: 300_000_000,
        transferred: true,
        headsResponsible: 1,
        persons: [{ handling: "criminal" }, { handling: "discipline" }],
      },
      {
        channel: "inspection",
        damageMoney: 80_000_000,
        recoveredMoney: 0,
        transferred: false,
        headsResponsible: 0,
        persons: [{ handling: "pending" }],
      },
      {
        channel: "self_inspection",
        damageMoney: 0,
        recoveredMoney: 0,
        transferred: false,
        headsResponsible: 2,
        persons: [],
      },
    ]);
    assert.equal(counts.cases, 3);
    assert.equal(counts.persons, 3);
    assert.deepEqual(counts.byChannel.self_inspection, { cases: 2, persons: 2 });
    assert.deepEqual(counts.byChannel.inspection, { cases: 1, persons: 1 });
    assert.deepEqual(counts.byChannel.audit, { cases: 0, persons: 0 });
    assert.equal(counts.damageMoney, 1_330_000_000);
    assert.equal(counts.recoveredMoney, 300_000_000);
    assert.equal(counts.transferredCases, 1);
    assert.equal(counts.transferredPersons, 1);
    assert.equal(counts.disciplinedPersons, 1);
    assert.equal(counts.headsResponsible, 3);
  });

  test("a sum that would lose precision is refused", () => {
    const big = { channel: "audit" as const, recoveredMoney: 0, transferred: false, headsResponsible: 0, persons: [] };
    assert.throws(
      () =>
        countCases([
          { ...big, damageMoney: Number.MAX_SAFE_INTEGER },
          { ...big, damageMoney: 1 },
        ]),
      RangeError,
    );
  });

  test("every channel has a Vietnamese label", () => {
    for (const c of CASE_CHANNELS) assert.match(CASE_CHANNEL_LABELS[c], /^Qua /);
  });
});
