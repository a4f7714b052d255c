import { compareVietnamese, normalizeForMatch } from "@minhbach/domain";
import type { Agency } from "@minhbach/domain/api/agencies";

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
  depth: number;
}

/** Builds the tree from the flat list; a unit whose parent is not in the list becomes a root. */
export function buildAgencyTree(items: readonly Agency[]): AgencyNode[] {
  const byId = new Map(items.map((agency) => [agency.id, agency]));
  const children = new Map<string | null, Agency[]>();
  for (const agency of items) {
    const parent = agency.parentId && byId.has(agency.parentId) ? agency.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(agency);
    children.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): AgencyNode[] =>
    (children.get(parent) ?? [])
      .filter((agency) => !seen.has(agency.id) && seen.add(agency.id))
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((agency) => ({ agency, depth, children: build(agency.id, depth + 1) }));
  return build(null, 0);
}

export function agencyMatches(agency: Agency, normalizedQuery: string): boolean {
  if (!normalizedQuery) return true;
  const haystack = normalizeForMatch([agency.name, agency.shortName ?? "", agency.code].join(" "));
  return normalizedQuery.split(" ").every((word) => haystack.includes(word));
}

/**
 * Ids to show for a search: every matching unit and its ancestors (so the match is seen in
 * place). Null when there is no search.
 */
export function visibleForSearch(
  roots: readonly AgencyNode[],
  query: string,
): { visible: Set<string>; matches: number } | null {
  const needle = normalizeForMatch(query);
  if (!needle) return null;
  const visible = new Set<string>();
  let matches = 0;
  const walk = (node: AgencyNode): boolean => {
    const self = agencyMatches(node.agency, needle);
    if (self) matches++;
    let below = false;
    for (const child of node.children) below = walk(child) || below;
    if (self || below) visible.add(node.agency.id);
    return self || below;
  };
  roots.forEach(walk);
  return { visible, matches };
}

export function allIds(roots: readonly AgencyNode[]): string[] {
  const ids: string[] = [];
  const walk = (node: AgencyNode) => {
    if (node.children.length > 0) ids.push(node.agency.id);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return ids;
}
