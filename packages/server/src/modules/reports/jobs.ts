/**
 * A consolidated report computed as a job (issue 19; the report itself: docs/LAW.md §11.9–§11.10): a province's or a
 * cluster's report may take seconds at scale, so the page starts it, gets the job's id at once and
 * follows its progress (done/total steps: each kind of record counted, then the totals) until the report is
 * there. The job is a row (report_job): a page reload finds it, and the result is the very report
 * reports.compute answers (computeReport with a progress, compute.ts).
 *
 * Who may read a job is who may read its report, checked again at every read (the agency in the
 * user's `report.read` scope, the cluster readable): a user moved to another unit no longer sees it.
 * The request is checked (form, period, agency, scope) before the job is created: a bad one is
 * refused at the start with the field named, and no row is written.
 *
 * Housekeeping: at most MAX_RUNNING_PER_USER running jobs per user; a heartbeat while a process
 * computes, so that jobs a stopped process left "running" are marked interrupted (at the server's
 * start and at each job's start, sweepReportJobs), which also removes jobs finished long ago.
 */
import { DomainError, ERROR_MESSAGES } from "@minhbach/domain";
import type { ReportJobBody, ReportJobView, ReportView } from "@minhbach/domain/api/reports";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
import { computeReport, reportStepCount, resolveReport, type ReportRequest } from "./compute.ts";
import { assertClusterReadable, loadCluster } from "./graph.ts";

/**
 * A process touches its running jobs this often (besides each step), so that a job no process
 * touches any more is known to be cut off, also where several server processes share the database.
 */
export const HEARTBEAT_MS = 20 * 1000;
/** A running job not heard from for this long was cut off (its server stopped): interrupted. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;
/** Jobs one user may have running at once: each holds a computation of a whole province. */
export const MAX_RUNNING_PER_USER = 3;
/** Finished jobs (done or failed) are kept this long, then removed: the report is recomputed at will. */
export const KEEP_FINISHED_DAYS = 7;

const INTERRUPTED = JSON.stringify({ code: "REPORT_JOB_INTERRUPTED", message: ERROR_MESSAGES.REPORT_JOB_INTERRUPTED });

/**
 * Housekeeping, at the server's start and at each job's start: the jobs left running by a process
 * that stopped (not heard from for STALE_AFTER_MS) are marked failed as interrupted, and the jobs
 * finished more than KEEP_FINISHED_DAYS ago are removed. Returns what it did.
 */
export async function sweepReportJobs(
  db: Kysely<DB>,
  now = new Date(),
): Promise<{ interrupted: number; removed: number }> {
  const interrupted = await db
    .updateTable("report_job")
    .set({ status: "failed", error: INTERRUPTED, updated_at: now, finished_at: now })
    .where("status", "=", "running")
    .where("updated_at", "<", new Date(now.getTime() - STALE_AFTER_MS))
    .executeTakeFirst();
  const removed = await db
    .deleteFrom("report_job")
    .where("status", "in", ["done", "failed"])
    .where("finished_at", "<", new Date(now.getTime() - KEEP_FINISHED_DAYS * 24 * 60 * 60 * 1000))
    .executeTakeFirst();
  return { interrupted: Number(interrupted.numUpdatedRows), removed: Number(removed.numDeletedRows) };
}

type JobRow = Awaited<ReturnType<typeof jobRow>>;

function jobRow(db: Kysely<DB>, id: string) {
  return db.selectFrom("report_job").selectAll().where("id", "=", id).executeTakeFirst();
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: unknown): T | null => (v === null ? null : ((typeof v === "string" ? JSON.parse(v) : v) as T));

function viewOf(row: NonNullable<JobRow>, now: Date): ReportJobView {
  const stale = row.status === "running" && now.getTime() - new Date(row.updated_at).getTime() > STALE_AFTER_MS;
  return {
    id: row.id,
    status: stale ? "failed" : row.status,
    done: row.done,
    total: row.total,
    step: row.step,
    request: {
      form: row.form,
      agencyId: row.agency_id,
      from: row.period_from,
      to: row.period_to,
      kind: row.kind,
      scope: row.scope,
      groupId: row.group_id,
    },
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    report: row.status === "done" ? json<ReportView>(row.result) : null,
    error: stale
      ? { code: "REPORT_JOB_INTERRUPTED", message: ERROR_MESSAGES.REPORT_JOB_INTERRUPTED }
      : json<ReportJobView["error"]>(row.error),
  };
}

/** The jobs still computing in this process, so that closing the server waits for them. */
export class ReportJobs {
  private readonly running = new Set<Promise<void>>();
  /** The ids of this process's running jobs, touched by the heartbeat. */
  private readonly ids = new Set<string>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void },
  ) {}

  /** Checks the request, writes the job and its audit event, and starts computing. */
  async start(auth: AuthContext, actor: Actor, body: ReportJobBody, now = new Date()): Promise<ReportJobView> {
    const q: ReportRequest = { ...body, subtree: true, groupId: body.scope === "cluster" ? body.groupId : undefined };
    // Every check of the direct computation, with its field: form, period, agency, scope, cluster.
    const resolved = await resolveReport(this.db, auth, q);
    if (resolved.scope === "unit") fail("REPORT_JOB_SCOPE", "scope");
    await sweepReportJobs(this.db, now);
    const id = await this.db.transaction().execute(async (trx) => {
      // One start at a time per user, so that the count below and the insert agree.
      await trx.selectFrom("app_user").select("id").where("id", "=", auth.userId).forUpdate().executeTakeFirst();
      const running = await trx
        .selectFrom("report_job")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("created_by", "=", auth.userId)
        .where("status", "=", "running")
        .where("updated_at", ">=", new Date(now.getTime() - STALE_AFTER_MS))
        .executeTakeFirstOrThrow();
      if (Number(running.n) >= MAX_RUNNING_PER_USER)
        fail(
          "REPORT_JOB_LIMIT",
          undefined,
          `Bạn đang có ${MAX_RUNNING_PER_USER} việc tính báo cáo tổng hợp chưa xong: chờ một việc xong rồi mới bắt đầu việc mới.`,
        );
      const row = await trx
        .insertInto("report_job")
        .values({
          created_by: auth.userId,
          agency_id: body.agencyId,
          scope: body.scope,
          group_id: q.groupId ?? null,
          form: body.form,
          period_from: body.from,
          period_to: body.to,
          kind: body.kind,
          total: reportStepCount([resolved.form]),
          step: null,
          result: null,
          error: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: "report.job.started",
        entityType: "report",
        entityId: body.agencyId,
        summary: {
          job: row.id,
          form: body.form,
          from: body.from,
          to: body.to,
          scope: body.scope,
          ...(resolved.group ? { group: resolved.group.code } : {}),
          units: resolved.contributors.length,
        },
      });
      return row.id;
    });
    this.ids.add(id);
    this.beat();
    const run = this.run(id, auth, q, now).finally(() => {
      this.running.delete(run);
      this.ids.delete(id);
      this.beat();
    });
    this.running.add(run);
    return viewOf((await jobRow(this.db, id))!, new Date());
  }

  private async run(id: string, auth: AuthContext, q: ReportRequest, now: Date): Promise<void> {
    const db = this.db;
    try {
      const report = await computeReport(db, auth, q, now, {
        async step(done, total, label) {
          await db
            .updateTable("report_job")
            .set({ done, total, step: label, updated_at: new Date() })
            .where("id", "=", id)
            .execute();
        },
      });
      await db
        .updateTable("report_job")
        .set((eb) => ({
          status: "done",
          done: eb.ref("total"),
          step: null,
          result: JSON.stringify(report),
          updated_at: new Date(),
          finished_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    } catch (error) {
      const known = error instanceof DomainError;
      if (!known) this.log.error({ err: error, job: id }, "report job failed");
      const answer = known
        ? { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }
        : { code: "INTERNAL_ERROR", message: ERROR_MESSAGES.INTERNAL_ERROR };
      await db
        .updateTable("report_job")
        .set({ status: "failed", error: JSON.stringify(answer), updated_at: new Date(), finished_at: new Date() })
        .where("id", "=", id)
        .execute()
        .catch((e: unknown) => this.log.error({ err: e, job: id }, "report job: the failure could not be written"));
    }
  }

  /** The job, if the user may read its report (the agency in scope, the cluster readable). */
  async get(auth: AuthContext, id: string, now = new Date()): Promise<ReportJobView> {
    const row = await jobRow(this.db, id);
    if (!row) fail("REPORT_JOB_NOT_FOUND", "id");
    await assertAgencyInScope(this.db, auth, "report.read", row.agency_id, "id");
    if (row.group_id !== null) {
      try {
        await assertClusterReadable(this.db, auth, await loadCluster(this.db, row.group_id), row.period_to);
      } catch (error) {
        if (error instanceof DomainError) fail(error.code, "id");
        throw error;
      }
    }
    return viewOf(row, now);
  }

  /** Keeps the heartbeat going while this process has running jobs, and only then. */
  private beat(): void {
    if (this.ids.size === 0) {
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
      return;
    }
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      if (this.ids.size === 0) return;
      this.db
        .updateTable("report_job")
        .set({ updated_at: new Date() })
        .where("id", "in", [...this.ids])
        .where("status", "=", "running")
        .execute()
        .catch((e: unknown) => this.log.error({ err: e }, "report jobs: heartbeat not written"));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The server's start: the jobs a stopped process left running are interrupted, old ones removed. */
  async sweep(now = new Date()): Promise<void> {
    const done = await sweepReportJobs(this.db, now);
    if (done.interrupted > 0) this.log.warn({ jobs: done.interrupted }, "report jobs left running marked interrupted");
  }

  /** Waits for the jobs under way (the server is closing). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
    this.beat();
  }
}
