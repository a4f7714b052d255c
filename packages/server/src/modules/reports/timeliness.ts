/**
 * The superior's view of a period (docs/LAW.md §11.3): each unit reporting to it on the period's
 * last day (the reporting graph, graph.ts), the day by which
 * that unit had to send the form (the domain's per-level rule through the deadline engine, on the
 * working calendar the database holds) and whether it was sent on time, late (by how many days),
 * not yet sent and late, or not yet due. A report counts as sent from its earliest revision that
 * stands submitted or accepted; a report returned to the unit counts as not sent until it is sent
 * again.
 */
import {
  classifyPeriod,
  directReportsOn,
  FORMS,
  reportingLevelOf,
  REPORTING_LEVEL_LABELS,
  submissionDue,
  submissionRuleFor,
  SUBMISSION_STATUS_LABELS,
  timelinessOf,
  TIMELINESS_LABELS,
  type SubmissionStatus,
  type Timeliness,
} from "@minhbach/domain/reports/index";
import type { TimelinessView } from "@minhbach/domain/api/routes/reports";
import { todayInVietnam } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { currentCalendar } from "../calendar/service.ts";
import { loadGraph } from "./graph.ts";

export async function submissionTimeliness(
  db: Kysely<DB>,
  auth: AuthContext,
  q: { form: string; from: string; to: string },
  now = new Date(),
): Promise<TimelinessView> {
  const form = FORMS[q.form];
  if (!form) fail("REPORT_FORM_UNKNOWN", "form");
  const period = classifyPeriod(q.from, q.to);
  if (!period) fail("REPORT_PERIOD_INVALID", "from");
  if (!form.regimes.includes(period.regime)) fail("REPORT_FORM_NOT_IN_REGIME", "form");
  const rule = submissionRuleFor(period.to);
  if (!rule) fail("REPORT_PERIOD_INVALID", "from");

  // The units reporting to the user's agency on the period's last day (the reporting graph: a line
  // in force then, else the tree parent), existing on that day.
  const graph = await loadGraph(db);
  const units = directReportsOn(graph, auth.agencyId, period.to)
    .map((id) => graph.byId.get(id)!)
    .filter((a) => a.validFrom <= period.to && (a.validTo === null || a.validTo >= period.to))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows =
    units.length === 0
      ? []
      : await db
          .selectFrom("report_submission")
          .select(["id", "agency_id", "revision", "status", "submitted_at"])
          .where(
            "agency_id",
            "in",
            units.map((u) => u.id),
          )
          .where("form", "=", q.form)
          .where("period_from", "=", period.from)
          .where("period_to", "=", period.to)
          .orderBy("revision")
          .execute();

  const calendar = await currentCalendar(db);
  const today = todayInVietnam(now);
  const counts: Record<Timeliness, number> = { on_time: 0, late: 0, overdue: 0, not_due: 0 };
  const items = units.map((u) => {
    const level = reportingLevelOf(u.kind);
    const due = submissionDue(period.to, level, calendar);
    const mine = rows.filter((r) => r.agency_id === u.id);
    const latest = mine.at(-1) ?? null;
    let submittedOn: string | null = null;
    for (const r of mine) {
      if ((r.status === "submitted" || r.status === "accepted") && r.submitted_at) {
        const day = todayInVietnam(new Date(r.submitted_at));
        if (submittedOn === null || day < submittedOn) submittedOn = day;
      }
    }
    const t = timelinessOf({ due, submittedOn, today });
    counts[t.status] += 1;
    return {
      agency: { id: u.id, code: u.code, name: u.name },
      level,
      levelLabel: REPORTING_LEVEL_LABELS[level],
      due,
      status: t.status,
      statusLabel: TIMELINESS_LABELS[t.status],
      daysLate: t.daysLate,
      submittedOn,
      submission: latest
        ? {
            id: latest.id,
            revision: latest.revision,
            status: latest.status as SubmissionStatus,
            statusLabel: SUBMISSION_STATUS_LABELS[latest.status as SubmissionStatus],
          }
        : null,
    };
  });
  return {
    form: q.form,
    period: { label: period.label, from: period.from, to: period.to, regime: period.regime },
    today,
    rule: { basis: rule.basis, probable: rule.probable, note: rule.note },
    counts,
    items,
  };
}
