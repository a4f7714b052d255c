export * from "./overlap.ts";
