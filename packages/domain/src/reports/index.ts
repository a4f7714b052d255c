export * from "./periods.ts";
export * from "./indicators.ts";
export * from "./forms.ts";
export * from "./submission.ts";
export * from "./narrative.ts";
export * from "./timeliness.ts";
export * from "./graph.ts";
export * from "./rollup.ts";
export * from "./upload.ts";
// manual cells of the forms (06/QLKNTC)
export * from "./manual-cells.ts";
