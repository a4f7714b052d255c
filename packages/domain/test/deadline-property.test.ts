/**
 * Properties of the legal clock on random inputs (fast-check), over 2000–2040 with the seed
 * notices for 2025–2026 and provisional years elsewhere.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  buildCalendar,
  dayNumberFromParts,
  isoFromDayNumber,
  parseIsoDate,
  SEED_NOTICES,
} from "../src/calendar/index.ts";
import {
  computeDue,
  DEFAULT_RULES,
  naiveComputeDeadline,
  type DeadlineInput,
  type DeadlineRule,
  type RuleSet,
} from "../src/deadlines/index.ts";

const calendar = buildCalendar(SEED_NOTICES);
const FIRST = dayNumberFromParts(2000, 1, 1);
const LAST = dayNumberFromParts(2040, 12, 31);

/** The default rules opened to every start date, plus test rules for the units and clocks the defaults lack. */
const RULES: RuleSet = [
  ...DEFAULT_RULES.map((r) => ({ ...r, validFrom: "1990-01-01", validTo: null })),
  ...(["calendar_day", "working_day", "month", "year"] as const).map((unit): DeadlineRule => ({
    id: `test.${unit}`,
    version: 1,
    basis: "Quy tắc thử",
    title: "Quy tắc thử",
    unit,
    length: unit === "month" ? 3 : unit === "year" ? 2 : 12,
    startEvent: "ngày thử",
    variants: { longer: unit === "month" ? 7 : unit === "year" ? 3 : 25 },
    extensions: {
      length: unit === "working_day" ? 5 : unit === "month" ? 1 : unit === "year" ? 1 : 30,
      max: 3,
      basis: "Quy tắc thử",
    },
    suspensionStopsClock: true,
    validFrom: "1990-01-01",
    validTo: null,
  })),
];

const dayArb = fc.integer({ min: FIRST, max: LAST });

/** A random valid input for `rule`: variant, extensions and suspensions within what it allows. */
function inputArb(rule: DeadlineRule): fc.Arbitrary<DeadlineInput> {
  const variants = [undefined, ...Object.keys(rule.variants ?? {})];
  return fc
    .record({
      from: dayArb,
      variant: fc.constantFrom(...variants),
      extRoll: fc.nat(),
      susp: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 20 }) }), {
        maxLength: 3,
      }),
    })
    .map(({ from, variant, extRoll, susp }) => {
      const input: DeadlineInput = { rule: rule.id, from: isoFromDayNumber(from) };
      if (variant !== undefined) input.variant = variant;
      const policy = rule.extensions;
      if (policy) {
        const max = Math.min(policy.max, policy.maxBy?.[variant ?? "default"] ?? policy.max);
        input.extensions = extRoll % (max + 1);
      }
      let cursor = from;
      const suspensions = susp.map(({ gap, len }) => {
        const a = cursor + gap;
        cursor = a + len; // next suspension starts after this one ends
        return { from: isoFromDayNumber(a), to: isoFromDayNumber(a + len - 1) };
      });
      if (suspensions.length > 0) input.suspensions = suspensions;
      return input;
    });
}

const anyInput = fc.constantFrom(...RULES).chain(inputArb);
const periodInput = fc.constantFrom(...RULES.filter((r) => r.unit !== "fixed_date")).chain(inputArb);

describe("properties of computed deadlines", () => {
  test("the fast engine equals the day-by-day loop", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        assert.equal(
          computeDue(input, { calendar, rules: RULES }),
          naiveComputeDeadline(input, { calendar, rules: RULES }),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test("a due date is never before its start and always a working day (periods)", () => {
    fc.assert(
      fc.property(periodInput, (input) => {
        const due = computeDue(input, { calendar, rules: RULES });
        assert.ok(due > input.from, `${due} > ${input.from}`);
        assert.ok(calendar.isWorkingDay(due), `${due} is a working day`);
      }),
      { numRuns: 2000 },
    );
  });

  test("a longer period never ends earlier", () => {
    const units = ["calendar_day", "working_day", "month", "year"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        dayArb,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        (unit, from, a, extra) => {
          const scale = unit === "month" ? 0.1 : unit === "year" ? 0.02 : 1;
          const l1 = Math.max(1, Math.round(a * scale));
          const l2 = l1 + Math.round(extra * scale);
          const rule = (length: number): RuleSet => [{ ...RULES.find((r) => r.id === `test.${unit}`)!, length }];
          const input = { rule: `test.${unit}`, from: isoFromDayNumber(from) };
          assert.ok(
            computeDue(input, { calendar, rules: rule(l1) }) <= computeDue(input, { calendar, rules: rule(l2) }),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("more extensions or an extra suspension never end earlier", () => {
    fc.assert(
      fc.property(periodInput, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 15 }), (input, gap, len) => {
        const due = computeDue(input, { calendar, rules: RULES });
        const rule = RULES.find((r) => r.id === input.rule)!;
        const policy = rule.extensions;
        const max = policy ? Math.min(policy.max, policy.maxBy?.[input.variant ?? "default"] ?? policy.max) : 0;
        if ((input.extensions ?? 0) < max) {
          const more = computeDue({ ...input, extensions: (input.extensions ?? 0) + 1 }, { calendar, rules: RULES });
          assert.ok(more >= due);
        }
        // A suspension after the last one.
        const lastEnd = Math.max(
          parseIsoDate(input.from)!,
          ...(input.suspensions ?? []).map((s) => parseIsoDate(s.to)!),
        );
        const extra = { from: isoFromDayNumber(lastEnd + 1 + gap), to: isoFromDayNumber(lastEnd + gap + len) };
        const suspended = computeDue(
          { ...input, suspensions: [...(input.suspensions ?? []), extra] },
          { calendar, rules: RULES },
        );
        assert.ok(suspended >= due);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("properties of the working-day calendar", () => {
  test("adding n then m working days equals adding n + m", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (d, n, m) => {
        const cal = calendar.days;
        assert.equal(cal.addWorking(cal.addWorking(d, n), m), cal.addWorking(d, n + m));
      }),
      { numRuns: 2000 },
    );
  });

  test("counting is the inverse of adding, and the result is a working day", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 800 }), (d, n) => {
        const cal = calendar.days;
        const end = cal.addWorking(d, n);
        assert.equal(cal.countWorking(d, end), n);
        assert.ok(cal.isWorking(end));
        assert.ok(end > d);
      }),
      { numRuns: 2000 },
    );
  });
});
