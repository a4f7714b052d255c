/** Petition handling (xử lý đơn) under Thông tư 05/2021/TT-TTCP. docs/LAW.md §4, §6.2, §13.3–13.4. */
export * from "./kinds.ts";
export * from "./channels.ts";
export * from "./tax-code.ts";
export * from "./fields.ts";
export * from "./forms.ts";
export * from "./eligibility.ts";
export * from "./petition.ts";
export * from "./outcomes.ts";
export * from "./petition-machine.ts";
export * from "./follow-up.ts";
export * from "./duplicates.ts";
