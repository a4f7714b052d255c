/** Citizen reception (tiếp công dân): identity papers, visits, groups, the register. docs/LAW.md §3. */
export * from "./identity.ts";
export * from "./group.ts";
export * from "./visit.ts";
export * from "./visit-machine.ts";
export * from "./register.ts";
export * from "./visit-identity.ts";
