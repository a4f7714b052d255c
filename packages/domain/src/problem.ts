/**
 * A rule problem: a stable code for programs, a Vietnamese sentence for people, and the path of
 * the field it is about, so the web form can put the message next to the right input. Every
 * capability's rules (reception, petitions, cases, and those to come) answer with these.
 */
import type { RuleCode } from "./errors.ts";

export type Severity = "error" | "warning";

export interface Problem<C extends RuleCode = RuleCode> {
  code: C;
  /** Dot-separated path relative to the checked object ("representatives.1"); "" = the whole object. */
  field: string;
  message: string;
  /** "warning" does not block the action (e.g. a transfer made after its time limit must still be made). */
  severity: Severity;
  /** Article the rule comes from, when the problem is a legal rule rather than a form check. */
  basis?: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Re-roots problems found on a nested object: field "number" under "visitors.2.identity". */
export function prefixProblems<C extends RuleCode>(problems: readonly Problem<C>[], prefix: string): Problem<C>[] {
  if (!prefix) return [...problems];
  return problems.map((p) => ({ ...p, field: p.field ? `${prefix}.${p.field}` : prefix }));
}
