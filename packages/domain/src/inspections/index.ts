export * from "./overlap.ts";
export * from "./subjects.ts";
export * from "./plans.ts";
// The record, its steps, findings and follow-up (issue 17).
export * from "./durations.ts";
export * from "./findings.ts";
export * from "./follow-up.ts";
export * from "./inspection-machine.ts";
export * from "./inspection-steps.ts";
