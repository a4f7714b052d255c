/**
 * The reporting graph (docs/LAW.md §11.8): which unit reports to which, on a date. A line says
 * "unit X reports to Y from D (until E)"; the lines of one unit never overlap. A unit without a
 * line on a date reports to its parent in the agency tree, so an installation without lines keeps
 * the tree. The 2025 reorganisation is two lines: a commune reported to its district until
 * 30/06/2025 and to the province from 01/07/2025.
 */
import type { IsoDate } from "../calendar/iso-date.ts";

export interface ReportingLine {
  id?: string;
  agencyId: string;
  reportsToId: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface GraphAgency {
  id: string;
  parentId: string | null;
}

export interface ReportingGraph {
  agencies: readonly GraphAgency[];
  lines: readonly ReportingLine[];
}

const covers = (line: ReportingLine, date: IsoDate) =>
  line.validFrom <= date && (line.validTo === null || line.validTo >= date);

/** The line of a unit in force on a date, if any. */
export function lineOn(graph: ReportingGraph, agencyId: string, date: IsoDate): ReportingLine | null {
  return graph.lines.find((l) => l.agencyId === agencyId && covers(l, date)) ?? null;
}

/** Who the unit reports to on the date: its line's superior, else its parent in the tree. */
export function superiorOn(graph: ReportingGraph, agencyId: string, date: IsoDate): string | null {
  const line = lineOn(graph, agencyId, date);
  if (line) return line.reportsToId;
  return graph.agencies.find((a) => a.id === agencyId)?.parentId ?? null;
}

/** Every unit's superior on the date (a map unit → superior, null for the top). */
export function superiorsOn(graph: ReportingGraph, date: IsoDate): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const a of graph.agencies) map.set(a.id, a.parentId);
  for (const l of graph.lines) if (covers(l, date)) map.set(l.agencyId, l.reportsToId);
  return map;
}

/** The units reporting directly to `superiorId` on the date. */
export function directReportsOn(graph: ReportingGraph, superiorId: string, date: IsoDate): string[] {
  const superiors = superiorsOn(graph, date);
  return [...superiors].filter(([id, sup]) => sup === superiorId && id !== superiorId).map(([id]) => id);
}

/**
 * The reporting subtree of `rootId` on the date: the root, then every unit whose chain of
 * superiors reaches it (breadth first). A cycle (X reports to Y, Y to X) cannot loop: a unit is
 * visited once.
 */
export function reportingSubtreeOn(graph: ReportingGraph, rootId: string, date: IsoDate): string[] {
  const superiors = superiorsOn(graph, date);
  const children = new Map<string, string[]>();
  for (const [id, sup] of superiors) {
    if (sup === null || sup === id) continue;
    const list = children.get(sup) ?? [];
    list.push(id);
    children.set(sup, list);
  }
  const seen = new Set<string>([rootId]);
  const order = [rootId];
  for (let i = 0; i < order.length; i++) {
    for (const child of children.get(order[i]!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      order.push(child);
    }
  }
  return order;
}

export type LineProblem = {
  code: "REPORTING_LINE_OVERLAP" | "REPORTING_LINE_SELF" | "REPORTING_LINE_RANGE";
  field: string;
};

/**
 * Whether a new line may be added next to the unit's existing lines: not to itself, an end not
 * before its start, and no day covered by another line of the same unit.
 */
export function checkNewLine(existing: readonly ReportingLine[], line: ReportingLine): LineProblem | null {
  if (line.agencyId === line.reportsToId) return { code: "REPORTING_LINE_SELF", field: "reportsToId" };
  if (line.validTo !== null && line.validTo < line.validFrom) return { code: "REPORTING_LINE_RANGE", field: "validTo" };
  const end = line.validTo ?? "9999-12-31";
  const overlaps = existing.some(
    (l) =>
      l.agencyId === line.agencyId &&
      l.id !== line.id &&
      l.validFrom <= end &&
      (l.validTo ?? "9999-12-31") >= line.validFrom,
  );
  return overlaps ? { code: "REPORTING_LINE_OVERLAP", field: "validFrom" } : null;
}

/** Members of a cluster on a date (membership with its own dates). */
export function membersOn(
  members: readonly { agencyId: string; validFrom: IsoDate; validTo: IsoDate | null }[],
  date: IsoDate,
): string[] {
  return members.filter((m) => m.validFrom <= date && (m.validTo === null || m.validTo >= date)).map((m) => m.agencyId);
}

/**
 * The successors under which a unit's history counts (docs/LAW.md §11.9): follows the lineage
 * predecessor → successor transitively to the unit existing today. A unit merged into two (split)
 * counts under each; callers only ask for the units of a scope, so each successor of the scope
 * takes the predecessors that lead to it.
 */
export function predecessorsOf(
  lineage: readonly { predecessorId: string; successorId: string }[],
  successorId: string,
): string[] {
  const out: string[] = [];
  const queue = [successorId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const l of lineage) {
      if (l.successorId !== id || seen.has(l.predecessorId)) continue;
      seen.add(l.predecessorId);
      out.push(l.predecessorId);
      queue.push(l.predecessorId);
    }
  }
  return out;
}
