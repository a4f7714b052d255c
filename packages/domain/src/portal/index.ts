export * from "./receipt.ts";
export * from "./pow.ts";
export * from "./filing.ts";
export * from "./survey.ts";
export * from "./publication.ts";
