/**
 * Looking up the rule version in force, and checking a deadline input against it. Shared by the
 * fast engine and the naive reference so that both accept and reject exactly the same inputs.
 */
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from "../calendar/notice-schema.ts";
import { dayNumberFromParts, parseIsoDate, type DayNumber, type IsoDate } from "../calendar/iso-date.ts";
import { DeadlineError } from "./errors.ts";
import { DEADLINE_UNITS, type DeadlineRule, type DeadlineUnit, type RuleSet } from "./rules.ts";

export interface SuspensionInput {
  from: IsoDate;
  to: IsoDate;
}

export interface DeadlineInput {
  /** Rule id, e.g. "complaint.resolve.first". */
  rule: string;
  /** Date of the start event (not counted, Điều 147 Bộ luật Dân sự 2015). */
  from: IsoDate;
  /** Special case of the rule: "complex", "remote", "complex-remote", "extended", ... */
  variant?: string;
  /** Number of extensions granted (gia hạn). */
  extensions?: number;
  /** Periods (inclusive dates) during which the case was suspended. */
  suspensions?: readonly SuspensionInput[];
}

export const UNIT_CODE = {
  calendar_day: 0,
  working_day: 1,
  month: 2,
  year: 3,
  fixed_date: 4,
} as const satisfies Record<DeadlineUnit, number>;

interface CompiledVersion {
  rule: DeadlineRule;
  validFrom: DayNumber;
  validTo: DayNumber;
}

export interface CompiledRuleSet {
  byId: Map<string, CompiledVersion[]>;
}

/** A validated deadline input, in day numbers. Suspensions sorted, and empty when they do not stop the clock. */
export interface ResolvedInput {
  rule: DeadlineRule;
  unit: number;
  from: DayNumber;
  variant: string | undefined;
  /** Length of the variant, before extensions. */
  baseLength: number;
  extensions: number;
  /** Period counted, extensions included, in the rule's unit. */
  length: number;
  suspFrom: DayNumber[];
  suspTo: DayNumber[];
  /** Suspensions given but ignored because the rule's clock does not stop. */
  ignoredSuspensions: number;
}

const FIRST = dayNumberFromParts(CALENDAR_MIN_YEAR, 1, 1);
const LAST = dayNumberFromParts(CALENDAR_MAX_YEAR, 12, 31);
const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();
let lastRules: RuleSet | undefined;
let lastCompiled: CompiledRuleSet | undefined;
const NO_DAYS: DayNumber[] = [];

/** Checks a rule set once (ids, versions, validity windows) and indexes it by id. Cached per array. */
export function compileRuleSet(rules: RuleSet): CompiledRuleSet {
  if (rules === lastRules && lastCompiled) return lastCompiled;
  const cached = compiledCache.get(rules);
  if (cached) {
    lastRules = rules;
    lastCompiled = cached;
    return cached;
  }
  const byId = new Map<string, CompiledVersion[]>();
  for (const rule of rules) {
    if (!DEADLINE_UNITS.includes(rule.unit))
      throw new Error(`Quy tắc ${rule.id}: đơn vị không hợp lệ ${String(rule.unit)}`);
    if (rule.unit === "fixed_date" && !rule.fixed) throw new Error(`Quy tắc ${rule.id}: thiếu ngày cố định (fixed)`);
    if (rule.unit !== "fixed_date" && !(Number.isInteger(rule.length) && rule.length > 0)) {
      throw new Error(`Quy tắc ${rule.id}: độ dài thời hạn phải là số nguyên dương`);
    }
    const validFrom = parseIsoDate(rule.validFrom);
    const validTo = rule.validTo === null ? Number.POSITIVE_INFINITY : parseIsoDate(rule.validTo);
    if (validFrom === undefined || validTo === undefined || validTo < validFrom) {
      throw new Error(`Quy tắc ${rule.id} v${rule.version}: khoảng hiệu lực không hợp lệ`);
    }
    const versions = byId.get(rule.id) ?? [];
    for (const v of versions) {
      if (v.rule.version === rule.version) throw new Error(`Quy tắc ${rule.id}: trùng phiên bản ${rule.version}`);
      if (validFrom <= v.validTo && v.validFrom <= validTo) {
        throw new Error(`Quy tắc ${rule.id}: phiên bản ${rule.version} và ${v.rule.version} có hiệu lực chồng nhau`);
      }
    }
    versions.push({ rule, validFrom, validTo });
    versions.sort((a, b) => a.validFrom - b.validFrom);
    byId.set(rule.id, versions);
  }
  const compiled = { byId };
  compiledCache.set(rules, compiled);
  lastRules = rules;
  lastCompiled = compiled;
  return compiled;
}

function dateField(value: unknown, field: string): DayNumber {
  const n = parseIsoDate(value);
  if (n === undefined) throw new DeadlineError("INVALID_DATE", field, { value });
  if (n < FIRST || n > LAST) {
    throw new DeadlineError("DATE_OUT_OF_RANGE", field, {
      date: String(value),
      minYear: CALENDAR_MIN_YEAR,
      maxYear: CALENDAR_MAX_YEAR,
    });
  }
  return n;
}

/** Validates `input` against `rules` and returns it in day numbers; throws DeadlineError. */
export function resolveInput(input: DeadlineInput, rules: RuleSet): ResolvedInput {
  if (typeof input !== "object" || input === null) throw new DeadlineError("INVALID_INPUT", "");
  const compiled = compileRuleSet(rules);
  const versions = typeof input.rule === "string" ? compiled.byId.get(input.rule) : undefined;
  if (!versions) throw new DeadlineError("UNKNOWN_RULE", "rule", { rule: String(input.rule) });
  const from = dateField(input.from, "from");
  let version: CompiledVersion | undefined;
  for (const v of versions) if (v.validFrom <= from && from <= v.validTo) version = v;
  if (!version) throw new DeadlineError("RULE_NOT_IN_FORCE", "from", { rule: input.rule, date: input.from });
  const rule = version.rule;

  let baseLength = rule.length;
  const variant =
    input.variant === undefined || input.variant === null || input.variant === "" ? undefined : input.variant;
  if (variant !== undefined) {
    const v =
      typeof variant === "string" && rule.variants && Object.hasOwn(rule.variants, variant)
        ? rule.variants[variant]
        : undefined;
    if (v === undefined) {
      throw new DeadlineError("VARIANT_NOT_ALLOWED", "variant", {
        rule: rule.id,
        variant: String(variant),
        allowed: Object.keys(rule.variants ?? {}),
      });
    }
    baseLength = v;
  }

  const extensions = input.extensions ?? 0;
  if (typeof extensions !== "number" || !Number.isInteger(extensions) || extensions < 0) {
    throw new DeadlineError("INVALID_EXTENSIONS", "extensions", { value: extensions });
  }
  let length = baseLength;
  if (extensions > 0) {
    const policy = rule.extensions;
    if (!policy) throw new DeadlineError("EXTENSIONS_NOT_ALLOWED", "extensions", { rule: rule.id });
    const max = Math.min(policy.max, policy.maxBy?.[variant ?? "default"] ?? policy.max);
    if (extensions > max) throw new DeadlineError("TOO_MANY_EXTENSIONS", "extensions", { max, requested: extensions });
    length += extensions * policy.length;
  }

  let suspFrom = NO_DAYS;
  let suspTo = NO_DAYS;
  let ignoredSuspensions = 0;
  const list = input.suspensions;
  if (list !== undefined && list !== null && (!Array.isArray(list) || list.length > 0)) {
    if (!Array.isArray(list)) throw new DeadlineError("INVALID_SUSPENSIONS", "suspensions");
    const parsed: { from: DayNumber; to: DayNumber; index: number }[] = [];
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as SuspensionInput | undefined;
      if (typeof s !== "object" || s === null) throw new DeadlineError("INVALID_SUSPENSIONS", `suspensions[${i}]`);
      const a = dateField(s.from, `suspensions[${i}].from`);
      const b = dateField(s.to, `suspensions[${i}].to`);
      if (b < a)
        throw new DeadlineError("SUSPENSION_ENDS_BEFORE_START", `suspensions[${i}].to`, { from: s.from, to: s.to });
      if (a < from)
        throw new DeadlineError("SUSPENSION_BEFORE_START", `suspensions[${i}].from`, {
          from: s.from,
          date: input.from,
        });
      parsed.push({ from: a, to: b, index: i });
    }
    parsed.sort((x, y) => x.from - y.from);
    for (let j = 1; j < parsed.length; j++) {
      const prev = parsed[j - 1]!;
      const cur = parsed[j]!;
      if (cur.from <= prev.to) {
        const later = cur.index > prev.index ? cur : prev;
        const earlier = later === cur ? prev : cur;
        throw new DeadlineError("SUSPENSIONS_OVERLAP", `suspensions[${later.index}].from`, {
          from: list[later.index]!.from,
          to: list[later.index]!.to,
          other: `${list[earlier.index]!.from}–${list[earlier.index]!.to}`,
        });
      }
    }
    if (rule.suspensionStopsClock && rule.unit !== "fixed_date") {
      suspFrom = [];
      suspTo = [];
      for (const p of parsed) {
        suspFrom.push(p.from);
        suspTo.push(p.to);
      }
    } else {
      ignoredSuspensions = parsed.length;
    }
  }

  return {
    rule,
    unit: UNIT_CODE[rule.unit],
    from,
    variant,
    baseLength,
    extensions,
    length,
    suspFrom,
    suspTo,
    ignoredSuspensions,
  };
}

/** The rule version in force on `date`, or undefined. */
export function ruleInForce(rules: RuleSet, id: string, date: IsoDate): DeadlineRule | undefined {
  const d = parseIsoDate(date);
  if (d === undefined) return undefined;
  for (const v of compileRuleSet(rules).byId.get(id) ?? []) if (v.validFrom <= d && d <= v.validTo) return v.rule;
  return undefined;
}
