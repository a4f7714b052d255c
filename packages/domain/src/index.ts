export * from "./errors.ts";
export * from "./auth/permissions.ts";
export * from "./text/normalize.ts";
export * from "./text/redact.ts";
export * from "./time.ts";
export * from "./reception/index.ts";
export * from "./petitions/index.ts";
export * from "./cases/index.ts";
