/** The legal clock in one import: the working calendar and the deadline engine. */
export * from "./calendar/index.ts";
export * from "./deadlines/index.ts";
