export * from "./positions.ts";
export * from "./obligations.ts";
export * from "./lottery.ts";
export * from "./assets.ts";
export * from "./sha256.ts";
export * from "./rotation.ts";
export * from "./records.ts";
