/**
 * The legal clock in bulk: one million deadlines across every rule, start dates in 2000–2040,
 * random variants, extensions and suspensions, on the seed calendar (official notices 2025–2026,
 * statutory provisional years elsewhere). The naive day-by-day loop runs on a subsample to give the
 * speed-up, and every case — subsample and the full million — is checked against it.
 *
 * Bench-only: the rules' validity windows are opened to 1990 so that every rule can be applied in
 * every year of the range (in production a case before 2019 cannot use the 2018 Denunciation Law).
 */
import {
  buildCalendar,
  isoFromDayNumber,
  dayNumberFromParts,
  SEED_NOTICES,
} from "../../packages/domain/src/calendar/index.ts";
import {
  computeDeadline,
  computeDue,
  DEFAULT_RULES,
  naiveComputeDeadline,
  type DeadlineInput,
  type DeadlineRule,
  type RuleSet,
} from "../../packages/domain/src/deadlines/index.ts";
import type { Scenario } from "../lib.ts";

const TOTAL = Number(process.env.BENCH_DEADLINES ?? 1_000_000);
const SUBSAMPLE = Math.min(TOTAL, 100_000);
const WARMUP = Math.min(TOTAL, 50_000);

/** Small, fast, seedable PRNG (mulberry32): the same inputs on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeInputs(rules: RuleSet, count: number): DeadlineInput[] {
  const random = prng(20260217);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const first = dayNumberFromParts(2000, 1, 1);
  const span = dayNumberFromParts(2040, 12, 31) - first + 1;
  const inputs: DeadlineInput[] = new Array<DeadlineInput>(count);
  for (let i = 0; i < count; i++) {
    const rule: DeadlineRule = pick(rules);
    const from = first + Math.floor(random() * span);
    const input: DeadlineInput = { rule: rule.id, from: isoFromDayNumber(from) };
    const variants = Object.keys(rule.variants ?? {});
    if (variants.length > 0 && random() < 0.5) input.variant = pick(variants);
    const policy = rule.extensions;
    if (policy) {
      const max = Math.min(policy.max, policy.maxBy?.[input.variant ?? "default"] ?? policy.max);
      input.extensions = Math.floor(random() * (max + 1));
    }
    if (rule.suspensionStopsClock && random() < 0.2) {
      const suspensions = [];
      let cursor = from;
      const n = 1 + Math.floor(random() * 2);
      for (let k = 0; k < n; k++) {
        const start = cursor + Math.floor(random() * 30);
        const end = start + Math.floor(random() * 20);
        suspensions.push({ from: isoFromDayNumber(start), to: isoFromDayNumber(end) });
        cursor = end + 1;
      }
      input.suspensions = suspensions;
    }
    inputs[i] = input;
  }
  return inputs;
}

const scenario: Scenario = {
  name: "deadlines",
  description:
    "Tính 1 triệu thời hạn (mọi quy tắc, 2000–2040, gia hạn, tạm đình chỉ) và đối chiếu với vòng lặp từng ngày",
  async run(report, log) {
    let t0 = performance.now();
    const calendar = buildCalendar(SEED_NOTICES);
    for (let y = 1990; y <= 2100; y++) calendar.yearListing(y); // builds every year
    report("calendar_build_all_years_ms", performance.now() - t0, "ms");

    const rules: RuleSet = DEFAULT_RULES.map((r) => ({ ...r, validFrom: "1990-01-01", validTo: null }));
    const options = { calendar, rules };
    t0 = performance.now();
    const inputs = makeInputs(rules, TOTAL);
    log(`${TOTAL.toLocaleString("vi-VN")} đầu vào tạo trong ${Math.round(performance.now() - t0)} ms`);

    for (let i = 0; i < WARMUP; i++) computeDue(inputs[i]!, options);
    const fast: string[] = new Array<string>(TOTAL);
    t0 = performance.now();
    for (let i = 0; i < TOTAL; i++) fast[i] = computeDue(inputs[i]!, options);
    const fastMs = performance.now() - t0;
    const perSecond = (TOTAL / fastMs) * 1000;
    report("deadlines_per_second", perSecond, "1/s");

    const explained = { calendar, rules, explain: true };
    t0 = performance.now();
    let steps = 0;
    for (let i = 0; i < SUBSAMPLE; i++) steps += computeDeadline(inputs[i]!, explained).explanation.length;
    report("deadlines_with_explanation_per_second", (SUBSAMPLE / (performance.now() - t0)) * 1000, "1/s");
    log(`trung bình ${(steps / SUBSAMPLE).toFixed(1)} bước giải thích mỗi thời hạn`);

    const naive: string[] = new Array<string>(SUBSAMPLE);
    t0 = performance.now();
    for (let i = 0; i < SUBSAMPLE; i++) naive[i] = naiveComputeDeadline(inputs[i]!, options);
    const naivePerSecond = (SUBSAMPLE / (performance.now() - t0)) * 1000;
    report("naive_deadlines_per_second", naivePerSecond, "1/s");
    report("speedup_vs_naive", perSecond / naivePerSecond, "x");

    let mismatches = 0;
    for (let i = 0; i < SUBSAMPLE; i++) {
      if (fast[i] !== naive[i]) {
        if (mismatches++ < 5) log(`khác biệt: ${JSON.stringify(inputs[i])} → ${fast[i]} / ${naive[i]}`);
      }
    }
    report("mismatches", mismatches, "count");

    let mismatchesFull = 0;
    for (let i = SUBSAMPLE; i < TOTAL; i++) {
      const expected = naiveComputeDeadline(inputs[i]!, options);
      if (fast[i] !== expected) {
        if (mismatchesFull++ < 5) log(`khác biệt: ${JSON.stringify(inputs[i])} → ${fast[i]} / ${expected}`);
      }
    }
    mismatchesFull += mismatches;
    report("mismatches_full_sample", mismatchesFull, "count");
    log(`đã đối chiếu ${TOTAL.toLocaleString("vi-VN")} thời hạn với vòng lặp từng ngày`);
    if (mismatchesFull > 0) throw new Error(`${mismatchesFull} thời hạn khác với vòng lặp từng ngày`);
  },
};

export default scenario;
