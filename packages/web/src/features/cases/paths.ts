import { PATHS } from "../shell/nav.ts";
import { listPath } from "../../ui/url-state.ts";

export type CaseKind = "complaint" | "denunciation";

/** The list of one kind of case: complaints and denunciations have their own area. */
export function casesPath(kind: CaseKind): string {
  return kind === "complaint" ? PATHS.complaints : PATHS.denunciations;
}

export function casePath(kind: CaseKind, id: string): string {
  return `${casesPath(kind)}/${id}`;
}

/** A filtered list, as the dashboard links to it (the list keeps its filters in the URL). */
export function casesListPath(kind: CaseKind, filters: Record<string, string>): string {
  return listPath(casesPath(kind), filters);
}
