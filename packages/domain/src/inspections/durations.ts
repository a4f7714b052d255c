/**
 * Per-level durations of an inspection (docs/LAW.md §8.3, §8.4): how long on-site work may last,
 * how long one extension adds, how long drafting the conclusion may take, and whether the draft
 * must be appraised. The 2025 law's values per level of inspection body were not read [U]: these
 * are defaults of the configuration (app_setting key INSPECTION_DURATIONS_KEY), not law, and the
 * explanation of each due date says so.
 */
import type { RuleOverride } from "../deadlines/rules.ts";

export type BodyLevel = "central" | "province" | "department";

export const BODY_LEVELS: readonly BodyLevel[] = ["central", "province", "department"];

export const BODY_LEVEL_LABELS: Record<BodyLevel, string> = {
  central: "Thanh tra Chính phủ",
  province: "Thanh tra tỉnh, thành phố",
  department: "Sở, ngành (kiểm tra chuyên ngành)",
};

export interface LevelDurations {
  /** Calendar days of on-site work from the announcement. */
  onsiteDays: number;
  /** Calendar days one extension adds. */
  extensionDays: number;
  /** Most extensions of one inspection. */
  maxExtensions: number;
  /** Calendar days to draft the conclusion from the assignment. */
  draftDays: number;
  /** The draft conclusion must be appraised (thẩm định) before signing. */
  appraisalRequired: boolean;
}

export type InspectionDurations = Record<BodyLevel, LevelDurations>;

export const INSPECTION_DURATIONS_KEY = "inspection.durations";

/**
 * Defaults [U]: the predecessor law's orders of magnitude (60/45/30 days of on-site work, one
 * extension), appraisal mandatory at central and provincial level (docs/LAW.md §8.4).
 */
export const DEFAULT_INSPECTION_DURATIONS: InspectionDurations = {
  central: { onsiteDays: 60, extensionDays: 30, maxExtensions: 1, draftDays: 30, appraisalRequired: true },
  province: { onsiteDays: 45, extensionDays: 30, maxExtensions: 1, draftDays: 20, appraisalRequired: true },
  department: { onsiteDays: 30, extensionDays: 15, maxExtensions: 1, draftDays: 15, appraisalRequired: false },
};

/** The configured durations over the defaults (a partial or malformed setting falls back per field). */
export function durationsFrom(setting: unknown): InspectionDurations {
  const out = structuredClone(DEFAULT_INSPECTION_DURATIONS);
  if (!setting || typeof setting !== "object") return out;
  for (const level of BODY_LEVELS) {
    const given = (setting as Record<string, unknown>)[level];
    if (!given || typeof given !== "object") continue;
    const g = given as Record<string, unknown>;
    for (const key of ["onsiteDays", "extensionDays", "maxExtensions", "draftDays"] as const) {
      const v = g[key];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 365) out[level][key] = v;
    }
    if (typeof g.appraisalRequired === "boolean") out[level].appraisalRequired = g.appraisalRequired;
  }
  return out;
}

/** The deadline engine's overrides for one level (configureRules). */
export function levelRuleOverrides(d: LevelDurations): Record<string, RuleOverride> {
  return {
    "inspection.onsite": { length: d.onsiteDays, extensions: { length: d.extensionDays, max: d.maxExtensions } },
    "inspection.conclusion.draft": { length: d.draftDays },
  };
}

/** The level of an inspection body from its agency's kind. */
export function bodyLevelOf(agencyKind: string): BodyLevel {
  if (agencyKind === "government_inspectorate") return "central";
  if (agencyKind === "province_inspectorate") return "province";
  return "department";
}
