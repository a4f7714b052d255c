/**
 * Deadline API types, from the domain's shared schemas. Later modules (petitions, cases,
 * inspections) receive the same `DeadlineResult` and `DeadlineStatus` inside their records.
 */
import type { deadlineInputSchema } from "@minhbach/domain/deadlines/input-schema";
import type { deadlineResultView, deadlineRuleView, explanationStep } from "@minhbach/domain/api/calendar";
import type { DeadlineUnit } from "@minhbach/domain/deadlines/rules";
import type { z } from "@minhbach/domain/api/zod-vi";

export type { DeadlineUnit };
export type DeadlineRule = z.infer<typeof deadlineRuleView>;
export type DeadlineResult = z.infer<typeof deadlineResultView>;
export type ExplanationStep = z.infer<typeof explanationStep>;
export type DeadlineStatus = NonNullable<DeadlineResult["status"]>;
export type DeadlineStatusCode = DeadlineStatus["status"];
export type ComputeDeadlineBody = z.input<typeof deadlineInputSchema>;
