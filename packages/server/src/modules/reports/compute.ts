/**
 * Computing statistical forms from the records (docs/LAW.md §11.7): the catalogue's indicators
 * (domain reports/indicators.ts) of every form asked for, this period's, the previous period's
 * end (the reconciliation) and, for a consolidated report, last year's, counted in one pass per
 * source (aggregate.ts), so PostgreSQL counts and adds, not JavaScript; then each form's cells,
 * rows and checks (a consolidated report's rows, this period and last year, take the units' sent
 * reports where they exist, rollup.ts). The drill-down turns the same definitions into a WHERE for
 * the list.
 */
import {
  FORMS,
  INDICATORS,
  RECONCILED_PAIRS,
  classifyPeriod,
  previousPeriod,
  formIndicators,
  reportingSubtreeOn,
  type FormDefinition,
  type IndicatorCode,
  type IndicatorSource,
  type ReportPeriod,
} from "@minhbach/domain/reports/index";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import type { ReportScope, ReportView } from "@minhbach/domain/api/reports";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { aggregateSources, type Wanted } from "./aggregate.ts";
import { SOURCE_TABLES } from "./sources.ts";
import {
  consolidatedReport,
  consolidationInputs,
  contributorsOf,
  duplicates,
  yearBefore,
  lastYearCovers,
  lastYearSources,
  sentReports,
  dedupedGroups,
  lastYearGroups,
  type ConsolidationFigures,
  type Contributor,
  type LastYearRow,
} from "./rollup.ts";
import { loadGraph, loadLineage } from "./graph.ts";

export interface ReportRequest {
  form: string;
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
  kind: "periodic" | "adhoc";
  /** unit, subtree (the reporting graph on the period's end) or cluster; `subtree` alone = subtree. */
  scope?: ReportScope | undefined;
  groupId?: string | undefined;
}

export function scopeOfRequest(q: Pick<ReportRequest, "scope" | "subtree">): ReportScope {
  return q.scope ?? (q.subtree ? "subtree" : "unit");
}

export interface ResolvedReport {
  form: FormDefinition;
  agency: { id: string; code: string; name: string; path: string };
  period: ReportPeriod | null;
  /** The agencies counted, the chosen one first, then its subtree in code order. */
  agencies: { id: string; code: string; name: string }[];
  scope: ReportScope;
  /** The rows of a consolidated report (scope subtree or cluster), see rollup.ts. */
  contributors: Contributor[];
  group: { id: string; code: string; name: string } | null;
}

/**
 * The agency asked for (in the user's `report.read` scope) and, with its subtree, its units: the
 * units reporting to it on `asOf` (the reporting graph, docs/LAW.md §11.8), as a consolidated
 * report counts them — the dashboard and its drill-down say "the units under an agency" the same way.
 */
export async function resolveAgencies(
  db: Kysely<DB>,
  auth: AuthContext | null,
  agencyId: string,
  subtree: boolean,
  asOf: string,
) {
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name", "path"])
    .where("id", "=", agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  if (auth) await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  if (!subtree) return { agency, agencies: [{ id: agency.id, code: agency.code, name: agency.name }] };
  const graph = await loadGraph(db);
  const units = reportingSubtreeOn(graph, agency.id, asOf)
    .slice(1)
    .map((id) => graph.byId.get(id)!)
    .map((a) => ({ id: a.id, code: a.code, name: a.name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { agency, agencies: [{ id: agency.id, code: agency.code, name: agency.name }, ...units] };
}

/** Checks a request (form, period, agency and scope) and names the field that is wrong. */
export async function resolveReport(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: ReportRequest,
): Promise<ResolvedReport> {
  const form = FORMS[q.form];
  if (!form) fail("REPORT_FORM_UNKNOWN", "form");
  const period = classifyPeriod(q.from, q.to);
  if (q.kind === "periodic") {
    if (!period) fail("REPORT_PERIOD_INVALID", "from");
    if (!form.regimes.includes(period.regime)) fail("REPORT_FORM_NOT_IN_REGIME", "form");
  }
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name", "path"])
    .where("id", "=", q.agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  if (auth) await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  const scope = scopeOfRequest(q);
  if (scope === "unit") {
    const agencies = [{ id: agency.id, code: agency.code, name: agency.name }];
    return { form, agency, period, agencies, scope, contributors: [], group: null };
  }
  const { contributors, group } = await contributorsOf(db, auth, { ...q, scope }, agency);
  const agencies = contributors.flatMap((c) => c.covers);
  return { form, agency, period, agencies, scope, contributors, group };
}

export const TOTAL_ROW = "tong";

/**
 * The steps of a report computed as a job (jobs.ts): one per kind of record counted (each told
 * once counted, done = the kinds counted so far), then the last step (the rows, totals,
 * duplicates, last year) with done = total.
 */
export interface ReportProgress {
  step(done: number, total: number, label: string): Promise<void>;
}

export const TOTALS_STEP = "Cộng tổng, trừ đơn trùng, đối chiếu kỳ trước và cùng kỳ năm trước";

/** The kinds of records the forms count, each one step of a job. */
function sourcesOf(forms: readonly FormDefinition[]): IndicatorSource[] {
  return [...new Set(forms.flatMap((f) => formIndicators(f).map((code) => INDICATORS[code]!.source)))];
}

/** The steps of a job computing the forms: their kinds of records, then the totals. */
export function reportStepCount(forms: readonly FormDefinition[]): number {
  return sourcesOf(forms).length + 1;
}

/**
 * The form computed for an agency (and its subtree) and a period: cells, indicators, reconciliation.
 * With `progress` (a job), it says which records it has counted.
 */
export async function computeReport(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: ReportRequest,
  now = new Date(),
  progress?: ReportProgress,
): Promise<ReportView> {
  return (await computeReports(db, auth, [q], now, progress))[0]!;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/**
 * Several forms of one agency, scope and period (a whole periodic report, the narrative draft),
 * each exactly as computeReport computes it alone, with every source read once for all of them.
 * Each request keeps its own form and kind (the narrative reads some forms outside their regime).
 */
export async function computeReports(
  db: Kysely<DB>,
  auth: AuthContext | null,
  requests: readonly ReportRequest[],
  now = new Date(),
  progress?: ReportProgress,
): Promise<ReportView[]> {
  const q = requests[0];
  if (!q) return [];
  for (const r of requests)
    if (r.agencyId !== q.agencyId || r.from !== q.from || r.to !== q.to || scopeOfRequest(r) !== scopeOfRequest(q))
      throw new Error("reports: the forms computed together share their agency, period and scope");
  const resolved: ResolvedReport[] = [];
  for (const r of requests) resolved.push(await resolveReport(db, auth, r));
  const consolidated = resolved[0]!.scope !== "unit";
  const forms = resolved.map((r) => {
    const codes = formIndicators(r.form);
    const pairs = RECONCILED_PAIRS.filter((p) => codes.includes(p.carriedOver) && codes.includes(p.inProgressAtEnd));
    return { codes, pairs };
  });
  const codes = unique(forms.flatMap((f) => f.codes));
  const ids = unique(resolved.flatMap((r) => r.agencies.map((a) => a.id)));
  const previousTo = addDays(q.from, -1);
  const wanted: Wanted[] = [
    ...codes.map((code) => ({ name: code, ind: INDICATORS[code]!, from: q.from, to: q.to })),
    // In progress at the end of the previous period, which ends the day before this one starts.
    ...unique(forms.flatMap((f) => f.pairs.map((p) => p.inProgressAtEnd))).map((code) => ({
      name: `prev:${code}`,
      ind: INDICATORS[code]!,
      from: q.from,
      to: previousTo,
    })),
  ];

  // A consolidated report's last year: each row's agencies and the units merged into them.
  const lyFrom = yearBefore(q.from);
  const lyTo = yearBefore(q.to);
  const lineage = consolidated ? await loadLineage(db) : [];
  const lyCovers = resolved.map((r) => lastYearCovers(lineage, r.contributors));
  const lyIds = consolidated ? unique([...ids, ...lyCovers.flatMap((covers) => covers.flatMap((c) => c.ids))]) : [];
  if (consolidated) {
    // This period's figures stay with this period's agencies; the merged units count last year only.
    if (lyIds.length > ids.length) for (const w of wanted) w.agencies = ids;
    wanted.push(
      ...codes.map((code) => ({ name: `ly:${code}`, ind: INDICATORS[code]!, from: lyFrom, to: lyTo, asOf: lyFrom })),
    );
  }

  const steps = reportStepCount(resolved.map((r) => r.form));
  let counted = 0;
  // The duplicates of each form's scope: forms standing on the same sent reports share one count.
  const dupOf = onceEach((groups: string[][]) => duplicates(db, codes, ids, q.from, q.to, groups));
  const [{ byAgency }, dup, names, lySent, graph] = await Promise.all([
    aggregateSources(db, consolidated ? lyIds : ids, wanted, q.from, undefined, async (source) => {
      counted += 1;
      await progress?.step(counted, steps, `Đã đếm ${SOURCE_TABLES[source].label}`);
    }),
    consolidated ? Promise.all(resolved.map((r) => dupOf(dedupedGroups(r.contributors)))) : [],
    consolidated ? agencyNames(db, lyIds) : new Map<string, string>(),
    // Last year's sent reports of every form, read beside the pass: the rows use their figures.
    consolidated ? sentReports(db, unique(resolved.map((r) => r.form.code)), lyFrom, lyTo, lyIds) : new Map(),
    consolidated ? loadGraph(db) : null,
  ]);

  const figures: Omit<ConsolidationFigures, "dup" | "lyDup"> = {
    lyFrom,
    lyTo,
    lyByAgency: new Map(
      [...byAgency].map(([id, values]) => [id, Object.fromEntries(codes.map((c) => [c, values[`ly:${c}`] ?? 0]))]),
    ),
    names,
  };
  // The consolidator's own row (scope subtree) counts its reports of itself alone (lastYearSources).
  const lySources = resolved.map((r, i) =>
    graph
      ? lastYearSources(
          graph,
          lyCovers[i]!,
          lySent.get(r.form.code) ?? new Map(),
          { from: lyFrom, to: lyTo },
          r.scope === "subtree" ? 0 : null,
        )
      : [],
  );
  const lyDupOf = onceEach((groups: string[][]) => duplicates(db, codes, lyIds, lyFrom, lyTo, groups));
  const lyDup = consolidated ? await Promise.all(lySources.map((rows) => lyDupOf(lastYearGroups(rows)))) : [];
  await progress?.step(steps, steps, TOTALS_STEP);
  return resolved.map((r, i) =>
    viewOf(
      r,
      forms[i]!,
      byAgency,
      consolidated ? { ...figures, dup: dup[i]!, lyDup: lyDup[i]!, lySources: lySources[i]! } : null,
      requests[i]!,
      now,
    ),
  );
}

/** `count` called once per distinct argument (compared as JSON), its promise shared. */
function onceEach<A, T>(count: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (arg) => {
    const key = JSON.stringify(arg);
    let found = seen.get(key);
    if (!found) seen.set(key, (found = count(arg)));
    return found;
  };
}

async function agencyNames(db: Kysely<DB>, ids: readonly string[]) {
  const rows =
    ids.length === 0 ? [] : await db.selectFrom("agency").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((a) => [a.id, a.name]));
}

/** One form's view from the pass's figures. */
function viewOf(
  resolved: ResolvedReport,
  { codes, pairs }: { codes: IndicatorCode[]; pairs: typeof RECONCILED_PAIRS },
  byAgency: Map<string, Record<string, number>>,
  figures: (ConsolidationFigures & { lySources: LastYearRow[] }) | null,
  q: ReportRequest,
  now: Date,
): ReportView {
  const { form, agency, period } = resolved;
  const previousTo = addDays(q.from, -1);
  // The reconciliation is the records' (a snapshot holds no previous period): the live total.
  const live = byAgency.get("") ?? {};
  const checks = pairs.map((p) => {
    const carried = live[p.carriedOver] ?? 0;
    const previousEnd = live[`prev:${p.inProgressAtEnd}`] ?? 0;
    return { ...p, carried, previousEnd, holds: carried === previousEnd };
  });
  const before = period ? previousPeriod(period) : null;
  const base = {
    form: form.code,
    title: form.title,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    from: q.from,
    to: q.to,
    period: period ? { kind: period.kind, label: period.label, regime: period.regime } : null,
    columns: form.columns.map((c) => ({ ...c, unit: INDICATORS[c.indicator]!.unit })),
    groups: [...form.groups],
    reconciliation: {
      previousFrom: before?.from ?? null,
      previousTo,
      checks,
      holds: checks.every((c) => c.holds),
    },
    computedAt: now.toISOString(),
  };
  if (figures) {
    const inputs = consolidationInputs(codes, figures);
    return { ...base, ...consolidatedReport(resolved, codes, byAgency, inputs, q), subtree: true };
  }
  const cells: Record<string, number> = {};
  for (const column of form.columns) cells[`${TOTAL_ROW}.${column.no}`] = live[column.indicator] ?? 0;
  return {
    ...base,
    subtree: false,
    rows: [{ key: TOTAL_ROW, label: "Tổng cộng" }],
    cells,
    indicators: Object.fromEntries(codes.map((code) => [code, live[code] ?? 0])),
  };
}
