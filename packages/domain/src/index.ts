export * from "./errors.ts";
export * from "./problem.ts";
export * from "./auth/permissions.ts";
export * from "./text/normalize.ts";
export * from "./text/redact.ts";
export * from "./text/money.ts";
export * from "./time.ts";
export * from "./law/index.ts";
export * from "./reception/index.ts";
export * from "./petitions/index.ts";
export * from "./cases/index.ts";
export * from "./audit/actions.ts";
export * from "./inspections/index.ts";
export * from "./anticorruption/index.ts";
// periodic reports (issue 19)
export * from "./reports/index.ts";
