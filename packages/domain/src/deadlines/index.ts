export {
  computeDeadline,
  computeDue,
  computeDueDays,
  type ComputeOptions,
  type DeadlineResult,
  type DueDays,
} from "./engine.ts";
export { naiveComputeDeadline } from "./naive.ts";
export { DeadlineError, deadlineErrorMessage, type DeadlineErrorCode, type DeadlineErrorParams } from "./errors.ts";
export {
  buildExplanation,
  explanationLines,
  explanationText,
  type ExplanationStep,
  type ExplanationStepKind,
} from "./explanation.ts";
export {
  deadlineInputSchema,
  isoDateSchema,
  suspensionSchema,
  validateDeadlineInput,
  type DeadlineInputData,
  type InputProblem,
} from "./input-schema.ts";
export { diffCalendars, type CalendarDiff, type MovedDeadline, type OpenDeadline } from "./recompute.ts";
export {
  compileRuleSet,
  resolveInput,
  ruleInForce,
  type DeadlineInput,
  type ResolvedInput,
  type SuspensionInput,
} from "./rule-set.ts";
export {
  configureRules,
  DEADLINE_UNITS,
  DEFAULT_RULES,
  VARIANT_LABELS,
  variantLabel,
  type DeadlineRule,
  type DeadlineUnit,
  type ExtensionPolicy,
  type RuleOverride,
  type RuleSet,
} from "./rules.ts";
export { DEFAULT_DUE_SOON_DAYS } from "../law/periods.ts";
export { deadlineStatus, type DeadlineStatus, type StatusOptions, type StatusUnit } from "./status.ts";
