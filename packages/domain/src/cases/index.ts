/**
 * Complaint cases (khiếu nại — Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP) and denunciation cases
 * (tố cáo — Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP). docs/LAW.md §5, §6, §13.3–13.4.
 */
export * from "./case.ts";
export * from "./catalogues.ts";
export * from "./actions.ts";
export * from "./case-deadlines.ts";
export * from "./case-machine.ts";
export * from "./figures.ts";
export * from "./enforcement.ts";
