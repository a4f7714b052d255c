export * from "./text.ts";
export * from "./phases.ts";
export * from "./comment.ts";
