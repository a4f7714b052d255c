/**
 * The domain's rule problems at the HTTP edge: the first error becomes a response with the
 * domain's stable code, the field it is about and its Vietnamese message; the status is the
 * code's in the error catalogue (@minhbach/domain errors.ts), like every other error's.
 */
import { statusOf, type ErrorStatus, type Problem, type RuleCode } from "@minhbach/domain";

/** A broken rule of a procedure, with the domain's code, field and Vietnamese message. */
export class RuleViolation extends Error {
  override readonly name = "RuleViolation";
  readonly status: ErrorStatus;
  constructor(
    readonly code: RuleCode,
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.status = statusOf(code);
  }
}

/** Throws the first error among the problems. */
export function throwProblems(problems: readonly Problem[], prefix = ""): void {
  const first = problems.find((p) => p.severity === "error");
  if (!first) return;
  throw new RuleViolation(first.code, first.message, prefix && first.field ? `${prefix}.${first.field}` : first.field);
}
