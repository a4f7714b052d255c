/**
 * The report figures of cases (table case_figures, migration 0021): written with the facts they come
 * from, in the same transaction, and summed per agency and period for the report forms 03/GQKN,
 * 04/GQTC and 05/KQTH. Which fact gives which figure is the domain's rule (cases/figures.ts).
 */
import {
  AMOUNT_FIELD_LIST,
  caseEnding,
  caseFigures,
  caseResolutionDeadline,
  type CaseAmounts,
  type CaseFacts,
} from "@minhbach/domain";
import { computeDue, DeadlineError } from "@minhbach/domain/legal-clock";
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from "kysely";
import type { CaseFiguresTable, DB } from "../../db/schema.ts";
import { currentCalendar } from "../calendar/service.ts";
import { originalFacts } from "./at-rest.ts";

/** The amount figures and their columns, in the order of CaseAmounts. */
const AMOUNT_COLUMNS = {
  moneyToState: "money_to_state",
  moneyToOthers: "money_to_others",
  landToState: "land_to_state",
  landToOthers: "land_to_others",
  restoredOrganisations: "restored_organisations",
  restoredIndividuals: "restored_individuals",
  disciplineRecommended: "discipline_recommended",
  disciplineCadres: "discipline_cadres",
  investigationCases: "investigation_cases",
  investigationPersons: "investigation_persons",
} as const satisfies Record<keyof CaseAmounts, keyof CaseFiguresTable>;

type Calendar = Awaited<ReturnType<typeof currentCalendar>>;

/**
 * The resolution time limit's last day of a decided or concluded case; null otherwise, or when the
 * calendar cannot tell (a year not announced): the figure is then "not known", never a refused step.
 */
async function resolutionDueOn(facts: CaseFacts, calendar: () => Promise<Calendar>): Promise<string | null> {
  const ending = caseEnding(facts);
  if (ending?.by !== "decided" && ending?.by !== "concluded") return null;
  const input = caseResolutionDeadline(facts);
  if (!input) return null;
  try {
    return computeDue(input, { calendar: await calendar() });
  } catch (error) {
    if (error instanceof DeadlineError) return null;
    throw error;
  }
}

async function upsertFigures(
  db: Transaction<DB> | Kysely<DB>,
  kase: { id: string; agency_id: string; facts: CaseFacts },
  dueOn: string | null,
): Promise<void> {
  const f = caseFigures(kase.facts, dueOn);
  const values = {
    agency_id: kase.agency_id,
    kind: f.kind,
    instance: f.instance,
    repeated: f.repeated,
    received_on: f.receivedOn,
    accepted_on: f.acceptedOn,
    ended_by: f.endedBy,
    ended_on: f.endedOn,
    outcome: f.outcome,
    first_decision_upheld: f.firstDecisionUpheld,
    resolution_due_on: f.resolutionDueOn,
    on_time: f.onTime,
    dialogues: f.dialogues,
    ...Object.fromEntries(AMOUNT_FIELD_LIST.map((key) => [AMOUNT_COLUMNS[key], f[key]])),
    money_returned: f.moneyReturned,
    land_returned: f.landReturned,
    enforcement_completed: f.enforcementCompleted,
    updated_at: new Date(),
  };
  await db
    .insertInto("case_figures")
    .values({ case_id: kase.id, ...values })
    .onConflict((oc) => oc.column("case_id").doUpdateSet(values))
    .execute();
}

/** Writes (or rewrites) the figures of one case from its facts; call it wherever the facts change. */
export async function writeCaseFigures(
  trx: Transaction<DB>,
  kase: { id: string; agency_id: string; facts: CaseFacts },
): Promise<void> {
  await upsertFigures(trx, kase, await resolutionDueOn(kase.facts, () => currentCalendar(trx)));
}

/**
 * The cases migration 0021 backfilled decided or concluded, whose time limit SQL could not work out
 * (it needs the calendar): rewritten from their facts. Run at start; the partial index
 * case_figures_due_missing_idx keeps the look cheap once done. Returns how many were rewritten.
 */
export async function completeCaseFigures(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom("case_figures as cf")
    .innerJoin("resolution_case as c", "c.id", "cf.case_id")
    .select(["c.id", "c.agency_id", "c.facts", "c.facts_sealed"])
    .where("cf.ended_by", "in", ["decided", "concluded"])
    .where("cf.resolution_due_on", "is", null)
    .execute();
  let calendar: Promise<Calendar> | null = null;
  const once = () => (calendar ??= currentCalendar(db));
  let done = 0;
  for (const row of rows) {
    const facts = originalFacts(row);
    const dueOn = await resolutionDueOn(facts, once);
    // A due date the calendar cannot give stays unknown: nothing to rewrite.
    if (dueOn === null) continue;
    await upsertFigures(db, { id: row.id, agency_id: row.agency_id, facts }, dueOn);
    done++;
  }
  return done;
}

// ---- Reports -----------------------------------------------------------------------------------

export interface CaseFiguresPeriod {
  agencyIds: readonly string[];
  /** First and last day of the report's data period (inclusive). */
  from: string;
  to: string;
}

/**
 * Totals of one kind (and instance) over a period. Flows count cases whose day falls in the period;
 * stocks (carriedOver, inProgressAtEnd) are as of the period's start and end, so that a period's
 * carriedOver is the previous period's inProgressAtEnd, as the report forms require.
 * Outcome, time limit, dialogue, amount and enforcement figures are of the cases resolved (decided
 * or concluded) in the period.
 */
export interface CaseFigureTotals extends CaseAmounts {
  /** Accepted before the period, not ended before it. */
  carriedOver: number;
  accepted: number;
  /** Accepted, being resolved at the period's end. */
  inProgressAtEnd: number;
  /** Decided (complaints) or concluded (denunciations). */
  resolved: number;
  right: number;
  partlyRight: number;
  wrong: number;
  /** Denunciations: the repeated ones (tố cáo tiếp), counted apart by 04/GQTC. */
  repeatedAccepted: number;
  repeatedResolved: number;
  repeatedRight: number;
  repeatedPartlyRight: number;
  repeatedWrong: number;
  /** Second-instance complaints: first decision upheld, or annulled/amended. */
  firstDecisionUpheld: number;
  firstDecisionChanged: number;
  withdrawn: number;
  terminated: number;
  notAccepted: number;
  transferred: number;
  onTime: number;
  late: number;
  dialogues: number;
  moneyReturned: number;
  landReturned: number;
  enforcementCompleted: number;
}

export interface CaseFiguresReport {
  complaint: CaseFigureTotals;
  /** The complaint totals split by instance. */
  complaintFirst: CaseFigureTotals;
  complaintSecond: CaseFigureTotals;
  denunciation: CaseFigureTotals;
}

/**
 * The report-shaped query: one row per kind and instance, and one per kind over its instances
 * (exported for the SQL snapshot test).
 */
export function caseFiguresQuery(db: Kysely<DB>, period: CaseFiguresPeriod) {
  const { from, to } = period;
  type Eb = ExpressionBuilder<DB, "case_figures">;
  const resolvedIn = (eb: Eb) =>
    eb.and([eb("ended_by", "in", ["decided", "concluded"]), eb("ended_on", ">=", from), eb("ended_on", "<=", to)]);
  const endedIn = (by: NonNullable<CaseFiguresTable["ended_by"]>) => (eb: Eb) =>
    eb.and([eb("ended_by", "=", by), eb("ended_on", ">=", from), eb("ended_on", "<=", to)]);
  const count = (eb: Eb, where: (eb: Eb) => ReturnType<Eb["and"]>) => eb.fn.countAll<number>().filterWhere(where);
  const sumResolved = (eb: Eb, column: keyof CaseFiguresTable) =>
    eb.fn.sum<string | number | null>(column).filterWhere(resolvedIn);
  return db
    .selectFrom("case_figures")
    .select((eb) => [
      "kind",
      "instance",
      // 1 on a kind's total over its instances, so that PostgreSQL adds the amounts, not JavaScript.
      sql<number>`grouping(instance)`.as("all_instances"),
      count(eb, (eb) =>
        eb.and([eb("accepted_on", "<", from), eb.or([eb("ended_on", "is", null), eb("ended_on", ">=", from)])]),
      ).as("carried_over"),
      count(eb, (eb) => eb.and([eb("accepted_on", ">=", from), eb("accepted_on", "<=", to)])).as("accepted"),
      count(eb, (eb) =>
        eb.and([eb("accepted_on", "<=", to), eb.or([eb("ended_on", "is", null), eb("ended_on", ">", to)])]),
      ).as("in_progress_at_end"),
      count(eb, resolvedIn).as("resolved"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("outcome", "=", "right")])).as("right"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("outcome", "=", "partly_right")])).as("partly_right"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("outcome", "=", "wrong")])).as("wrong"),
      count(eb, (eb) =>
        eb.and([eb("repeated", "=", true), eb("accepted_on", ">=", from), eb("accepted_on", "<=", to)]),
      ).as("repeated_accepted"),
      count(eb, (eb) => eb.and([eb("repeated", "=", true), resolvedIn(eb)])).as("repeated_resolved"),
      count(eb, (eb) => eb.and([eb("repeated", "=", true), resolvedIn(eb), eb("outcome", "=", "right")])).as(
        "repeated_right",
      ),
      count(eb, (eb) => eb.and([eb("repeated", "=", true), resolvedIn(eb), eb("outcome", "=", "partly_right")])).as(
        "repeated_partly_right",
      ),
      count(eb, (eb) => eb.and([eb("repeated", "=", true), resolvedIn(eb), eb("outcome", "=", "wrong")])).as(
        "repeated_wrong",
      ),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("first_decision_upheld", "=", true)])).as("first_decision_upheld"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("first_decision_upheld", "=", false)])).as("first_decision_changed"),
      count(eb, endedIn("withdrawn")).as("withdrawn"),
      count(eb, endedIn("terminated")).as("terminated"),
      count(eb, endedIn("not_accepted")).as("not_accepted"),
      count(eb, endedIn("transferred")).as("transferred"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("on_time", "=", true)])).as("on_time"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("on_time", "=", false)])).as("late"),
      sumResolved(eb, "dialogues").as("dialogues"),
      ...AMOUNT_FIELD_LIST.map((key) => sumResolved(eb, AMOUNT_COLUMNS[key]).as(AMOUNT_COLUMNS[key])),
      sumResolved(eb, "money_returned").as("money_returned"),
      sumResolved(eb, "land_returned").as("land_returned"),
      count(eb, (eb) => eb.and([resolvedIn(eb), eb("enforcement_completed", "=", true)])).as("enforcement_completed"),
    ])
    .where("agency_id", "in", [...period.agencyIds])
    .where((eb) =>
      eb.and([
        // Cases that ended before the period count in none of its figures.
        eb.or([eb("ended_on", "is", null), eb("ended_on", ">=", from)]),
        eb.or([eb("accepted_on", "<=", to), eb("ended_on", "<=", to)]),
      ]),
    )
    .groupBy(sql`grouping sets ((kind, instance), (kind))`)
    .orderBy("kind")
    .orderBy(sql`instance nulls first`)
    .orderBy("all_instances");
}

type FiguresRow = Awaited<ReturnType<ReturnType<typeof caseFiguresQuery>["execute"]>>[number];

const TOTAL_COLUMNS = {
  carriedOver: "carried_over",
  accepted: "accepted",
  inProgressAtEnd: "in_progress_at_end",
  resolved: "resolved",
  right: "right",
  partlyRight: "partly_right",
  wrong: "wrong",
  repeatedAccepted: "repeated_accepted",
  repeatedResolved: "repeated_resolved",
  repeatedRight: "repeated_right",
  repeatedPartlyRight: "repeated_partly_right",
  repeatedWrong: "repeated_wrong",
  firstDecisionUpheld: "first_decision_upheld",
  firstDecisionChanged: "first_decision_changed",
  withdrawn: "withdrawn",
  terminated: "terminated",
  notAccepted: "not_accepted",
  transferred: "transferred",
  onTime: "on_time",
  late: "late",
  dialogues: "dialogues",
  ...AMOUNT_COLUMNS,
  moneyReturned: "money_returned",
  landReturned: "land_returned",
  enforcementCompleted: "enforcement_completed",
} as const satisfies Record<keyof CaseFigureTotals, keyof FiguresRow>;

const TOTAL_KEYS = Object.keys(TOTAL_COLUMNS) as (keyof CaseFigureTotals)[];

function emptyTotals(): CaseFigureTotals {
  return Object.fromEntries(TOTAL_KEYS.map((key) => [key, 0])) as unknown as CaseFigureTotals;
}

/** A row's figures (sums of numeric columns arrive as strings from pg). */
function totalsOf(row: FiguresRow): CaseFigureTotals {
  return Object.fromEntries(
    TOTAL_KEYS.map((key) => [key, Number(row[TOTAL_COLUMNS[key]] ?? 0)]),
  ) as unknown as CaseFigureTotals;
}

/** The figures of the cases of `agencyIds` for the report period from … to (inclusive). */
export async function caseFiguresForPeriod(db: Kysely<DB>, period: CaseFiguresPeriod): Promise<CaseFiguresReport> {
  const report: CaseFiguresReport = {
    complaint: emptyTotals(),
    complaintFirst: emptyTotals(),
    complaintSecond: emptyTotals(),
    denunciation: emptyTotals(),
  };
  if (period.agencyIds.length === 0) return report;
  for (const row of await caseFiguresQuery(db, period).execute()) {
    const all = Number(row.all_instances) === 1;
    if (row.kind === "denunciation") {
      if (all) report.denunciation = totalsOf(row);
    } else if (all) report.complaint = totalsOf(row);
    else if (row.instance === 2) report.complaintSecond = totalsOf(row);
    else report.complaintFirst = totalsOf(row);
  }
  return report;
}
