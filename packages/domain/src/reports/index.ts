export * from "./periods.ts";
export * from "./indicators.ts";
export * from "./forms.ts";
