export * from "./overlap.ts";
export * from "./subjects.ts";
export * from "./plans.ts";
