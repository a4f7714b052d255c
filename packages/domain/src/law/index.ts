/** The legal texts and the periods taken from them (docs/LAW.md). */
export * from "./acts.ts";
export * from "./periods.ts";
