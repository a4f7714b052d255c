/**
 * The petitions list (GET /petitions): the filters and the search narrow the caller's scope into a
 * plan (filteredPetitions, which the Excel export shares), and listPetitions counts its rows up to
 * a cap and reads the page in the list's order, choosing how from what the search learnt of its
 * match (search/find.ts SearchPlan).
 */
import {
  fieldByCode,
  PETITION_OPEN_STATES,
  PETITION_STATES,
  todayInVietnam,
  type PetitionState,
} from "@minhbach/domain";
import type { PetitionListQuery } from "@minhbach/domain/api/petitions";
import { DEFAULT_DUE_SOON_DAYS } from "@minhbach/domain/legal-clock";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { currentCalendar, listDueStatus } from "../calendar/service.ts";
import { listedTexts } from "../identity/masks.ts";
import { revealUnclassified } from "../identity/letter-texts.ts";
import {
  countWithPage,
  orderedIds,
  scopeAgencies,
  scopedRows,
  selectPetitions,
  type Counting,
  type ScopedRows,
} from "./list-rows.ts";
import { searchPetitions, type SearchPlan } from "./search/find.ts";
import { SEARCH_LIMITS } from "./search/limits.ts";
import { scansLocally } from "./search/scans.ts";
import { normalizeNeedle } from "./search/tiers.ts";

/** The rows a list's filters and search keep, and how to read them. */
export interface ListPlan {
  /** The rows of the caller's scope matching the filters and the search. */
  rows: ScopedRows;
  /** What a search learnt of its match; null without one (or with a needle of no letter or digit). */
  search: SearchPlan | null;
}

const isOpen = (state: string) => (PETITION_OPEN_STATES as readonly string[]).includes(state);

/** Lists count matches exactly up to this many and say "more than" beyond it. */
const COUNT_CAP = 10_000;

/**
 * The petitions of the caller's scope matching the list filters (GET /petitions and its Excel
 * export share it, so both find the same rows).
 */
export async function filteredPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  query: Omit<PetitionListQuery, "page" | "pageSize" | "sort" | "order">,
  today = todayInVietnam(),
  /** The list's page, when a search's probe is to count the matches for it (SearchPlan.probed). */
  counting?: Counting,
): Promise<ListPlan> {
  const scope = await scopeAgencies(db, auth);
  let q = selectPetitions(db);
  if (query.status?.length) q = q.where("p.state", "in", query.status);
  if (query.kind?.length) q = q.where("p.kind", "in", query.kind);
  if (query.channel?.length) q = q.where("p.channel", "in", query.channel);
  if (query.fieldCode) q = q.where("p.field_code", "=", query.fieldCode);
  if (query.from) q = q.where("p.received_on", ">=", query.from);
  if (query.to) q = q.where("p.received_on", "<=", query.to);
  if (query.anonymous !== undefined) q = q.where("p.anonymous", "=", query.anonymous);
  // Late and due-soon are about work the body still owes: a filed petition's date is the end of
  // its retention year, not a time limit, and a filed one past it is not late.
  if (query.overdue) q = q.where("p.state", "in", PETITION_OPEN_STATES).where("p.due_on", "<", today);
  if (query.dueSoon) {
    const calendar = await currentCalendar(db);
    // Due within three working days from today (inclusive), not yet overdue.
    q = q
      .where("p.state", "in", PETITION_OPEN_STATES)
      .where("p.due_on", ">=", today)
      .where("p.due_on", "<=", calendar.addWorkingDays(today, DEFAULT_DUE_SOON_DAYS));
  }
  if (query.q) {
    const needle = normalizeNeedle(query.q);
    if (needle) return searchPetitions(db, auth, q, scope, query.q, needle, counting);
  }
  return { rows: scopedRows(db, q, scope), search: null };
}

export async function listPetitions(
  db: Kysely<DB>,
  auth: AuthContext,
  query: PetitionListQuery,
  today = todayInVietnam(),
) {
  const cap = query.q ? SEARCH_LIMITS.cap : COUNT_CAP;
  const offset = (query.page - 1) * query.pageSize;
  // How many matches a search reads at once when it expects few (see oneScan below).
  const fewReads = Math.max(cap, SEARCH_LIMITS.sortUpTo);
  // A match the search probes its index for (none of the newest letters holds it) is counted
  // next, as one expecting few: the probe is then that count.
  const probeReads = SEARCH_LIMITS.beyondCap === "estimate" ? fewReads : cap;
  const plan = await filteredPetitions(
    db,
    auth,
    query,
    today,
    query.q && offset < cap ? { query, offset, reads: probeReads } : undefined,
  );
  const q = plan.rows.q;
  // Counting a million matches costs more than the page itself: count up to a cap, and say
  // when the real number is larger.
  const count = async () => {
    const counted = await db
      .selectFrom(
        q
          .select(sql<number>`1`.as("one"))
          .limit(cap + 1)
          .as("c"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };
  // Deferred join: find the page's ids on the narrow index first (an index-only scan even deep
  // into the list), then read only those fifty rows.
  const page = async (limit = query.pageSize, skip = offset) => {
    const walk = plan.search?.walk;
    const ordered = orderedIds(walk ?? plan.rows, query, skip + limit)
      .limit(limit)
      .offset(skip)
      .compile();
    if (!walk) return (await db.executeQuery(ordered)).rows.map((r) => r.id);
    // A search with many matches: walk the list's index in order, testing each row's own text,
    // and stop at the page. The planner cannot tell how common a phrase is and would otherwise
    // gather every match (a hundred thousand for "xăng dầu") to sort them for fifty.
    return db.transaction().execute(async (trx) => {
      await scansLocally(trx, { bitmapscan: false, seqscan: false });
      return (await trx.executeQuery(ordered)).rows.map((r) => r.id);
    });
  };
  let total: number;
  let ids: string[];
  if (offset >= cap) {
    // Past the cap a non-empty page already says "more than the cap".
    ids = await page();
    total = ids.length ? offset + ids.length : await count();
  } else if (plan.search?.common) {
    // A search with a common match: the first cap + 1 matches in the list's order are its count
    // and its page.
    const all = await page(cap + 1, 0);
    total = all.length;
    const fits = all.length <= cap || offset + query.pageSize <= all.length;
    ids = fits ? all.slice(offset, offset + query.pageSize) : await page();
  } else if (narrowed(query)) {
    // Filters or a search: one scan takes up to cap + 1 matches with their sort key; when there
    // are no more than the cap, the page is sorted out of them (whatever the planner guesses of
    // the filters' selectivity), otherwise the ordered index walk finds it among many matches.
    // A search whose match none or few of the newest letters hold is rare, or at most a few
    // thousand: one scan reads up to SEARCH_LIMITS.sortUpTo of them, where counting to the cap
    // first and then sorting them all read a thousand of them twice. Few by the cost model used
    // past the cap below: reading the M matches expected once costs less than the cap's count
    // and a walk of the list for the page, M × (M − cap) < page end × rows × walkedRowCost: up to
    // 1,800 expected at 100,000 letters, 4,400 at a million.
    const expected = plan.search?.expected;
    const oneScan =
      query.q &&
      expected !== undefined &&
      SEARCH_LIMITS.beyondCap === "estimate" &&
      expected.matches <= SEARCH_LIMITS.sortUpTo &&
      (expected.matches === 0 ||
        expected.matches * (expected.matches - cap) <
          (offset + query.pageSize) * expected.rows * SEARCH_LIMITS.walkedRowCost);
    const probed = plan.search?.probed;
    const reads = probed?.reads ?? (oneScan ? fewReads : cap);
    const first = probed?.counted ?? (await countWithPage(db, q, query, offset, reads));
    total = first.n;
    if (first.n <= reads) ids = first.ids;
    else if (!query.q) ids = await page();
    else {
      // More matches than the cap. The count read them in the table's physical order, so the share
      // of the table it went through estimates how many there are in all (letters are stored as
      // they arrive, and a word is about as common in every month). Walking the list for a page
      // tests about (offset + page size) × rows / matches rows, each cheaper than a match read
      // through a bitmap (SEARCH_LIMITS.walkedRowCost); sorting all matches reads them all.
      const need = offset + query.pageSize;
      const limit =
        SEARCH_LIMITS.beyondCap === "sort"
          ? null
          : Math.ceil(2 * Math.sqrt(need * first.rows * SEARCH_LIMITS.walkedRowCost));
      const estimated = first.reach > 0 ? (reads + 1) / first.reach : Infinity;
      const sort =
        SEARCH_LIMITS.beyondCap === "sort" ||
        (SEARCH_LIMITS.beyondCap === "estimate" &&
          estimated * estimated < need * first.rows * SEARCH_LIMITS.walkedRowCost);
      // The estimate misses when the matches crowd one end of the table (a word new this month):
      // past the limit, the walk finds them.
      const all = sort ? await countWithPage(db, q, query, offset, limit) : null;
      ids = all && (limit === null || all.n <= limit) ? all.ids : await page();
    }
  } else {
    [total, ids] = await Promise.all([count(), page()]);
  }
  const unordered = !ids.length
    ? []
    : await db
        .selectFrom("petition as p")
        .innerJoin("agency as a", "a.id", "p.agency_id")
        .select([
          "p.id",
          "p.code",
          "p.agency_id",
          "a.name as agency_name",
          "p.received_on",
          "p.channel",
          "p.kind",
          "p.state",
          "p.field_code",
          "p.petitioner_display",
          "p.respondent_display",
          "p.summary",
          "p.content",
          "p.excerpt",
          "p.title",
          "p.texts_sealed",
          "p.due_on",
          "p.outcome",
          "p.anonymous",
          "p.transferred_from_id",
          "p.version",
        ])
        .where("p.id", "in", ids)
        .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  const rows = unordered.sort((x, y) => position.get(x.id)! - position.get(y.id)!);
  const calendar = query.overdue || query.dueSoon ? null : await currentCalendar(db);
  const revealed = await revealUnclassified(db, auth, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      receivedOn: r.received_on,
      channel: r.channel,
      kind: r.kind,
      state: r.state,
      stateLabel: PETITION_STATES[r.state as PetitionState],
      fieldCode: r.field_code,
      fieldName: r.field_code ? (fieldByCode(r.field_code)?.name ?? r.field_code) : null,
      ...listedTexts(auth, r, revealed),
      respondent: r.respondent_display,
      dueOn: r.due_on,
      dueStatus: r.due_on && isOpen(r.state) ? listDueStatus(r.due_on, today, calendar) : null,
      outcome: r.outcome,
      anonymous: r.anonymous,
      transferredIn: r.transferred_from_id !== null,
      version: r.version,
    })),
    total: Math.min(total, cap),
    totalCapped: total > cap,
    /** How a search found its matches; null without one, or when it found none. */
    searchedAs: plan.search?.searchedAs ?? null,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Whether the list is narrowed by anything beyond the scope (filters or a search). */
function narrowed(query: PetitionListQuery): boolean {
  return Boolean(
    query.q ||
    query.status?.length ||
    query.kind?.length ||
    query.channel?.length ||
    query.fieldCode ||
    query.from ||
    query.to ||
    query.anonymous !== undefined ||
    query.overdue ||
    query.dueSoon,
  );
}
