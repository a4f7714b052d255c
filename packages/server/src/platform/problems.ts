/**
 * The domain's rule problems at the HTTP edge: the first error becomes a response with the
 * domain's stable code, the field it is about and its Vietnamese message (platform/errors.ts).
 */
import type { Problem } from "@minhbach/domain";

/** A broken rule of a procedure, with the domain's code, field and Vietnamese message. */
export class RuleViolation extends Error {
  override readonly name = "RuleViolation";
  constructor(
    readonly code: string,
    message: string,
    readonly field: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Throws the first error among the problems (409 for a wrong state, 400 otherwise). */
export function throwProblems(problems: readonly Problem[], prefix = ""): void {
  const first = problems.find((p) => p.severity === "error");
  if (!first) return;
  const status = first.code === "WRONG_STATE" ? 409 : 400;
  throw new RuleViolation(
    first.code,
    first.message,
    prefix && first.field ? `${prefix}.${first.field}` : first.field,
    status,
  );
}
