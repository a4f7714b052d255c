/**
 * Periodic reports (issue 19, first part): the catalogue of forms and periods, a form computed
 * from the records, the records behind a figure, the form as Excel. Reporting officers, leaders
 * and viewers hold `report.read`; the agency asked for must be in their scope (compute.ts).
 */
import { FORMS } from "@minhbach/domain/reports/index";
import { periodsOfYear } from "@minhbach/domain/reports/index";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { ReportView } from "@minhbach/domain/api/reports";
import { actorOf, requireAuth } from "../../platform/access.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { DOCX_MIME } from "../documents/service.ts";
import { route, type Api } from "../../platform/http.ts";
import { computeReport } from "./compute.ts";
import { addLine, closeLine, listLines, readableClusters } from "./graph.ts";
import { todayInVietnam } from "@minhbach/domain";
import { drilldown } from "./drilldown.ts";
import { reportWorkbook } from "./excel.ts";
import { narrativeDocument } from "./narrative.ts";
import {
  createSubmission,
  getSubmission,
  listSubmissions,
  readVisible,
  submissionAction,
  submissionDrilldown,
} from "./submissions.ts";
import { submissionTimeliness } from "./timeliness.ts";
import { keyRing, hasKeyRing } from "../../platform/vault.ts";
import { LocalFileStorage } from "../attachments/storage.ts";
import { blankForm, openOriginal, uploadReport, type UploadDeps } from "./upload.ts";
import { getManualCells, saveManualCells } from "./manual-cells.ts";
import { reportDashboard } from "./dashboard.ts";
import { ReportJobs } from "./jobs.ts";

const read = { config: { permission: "report.read" as const } };

export function reportRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["reports.catalogue"], read, async (request) => ({
    forms: Object.values(FORMS).map((f) => ({ code: f.code, title: f.title })),
    periods: periodsOfYear(request.query.year).map((p) => ({
      kind: p.kind,
      label: p.label,
      from: p.from,
      to: p.to,
      regime: p.regime,
    })),
  }));

  route(app, ROUTES["reports.compute"], read, async (request) =>
    computeReport(ctx.db, requireAuth(request), request.query),
  );

  // Who looked at which records behind a figure is kept (the list names petitions and officials).
  route(app, ROUTES["reports.drilldown"], read, async (request) => {
    const q = request.query;
    const list = await drilldown(ctx.db, requireAuth(request), q);
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, actorOf(request), {
        action: "report.drilldown.viewed",
        entityType: "report",
        entityId: q.agencyId,
        summary: {
          form: q.form ?? null,
          from: q.from,
          to: q.to,
          subtree: q.subtree,
          indicator: list.indicator,
          row: list.row,
          ...(q.dimension !== undefined ? { dimension: q.dimension, value: q.value ?? null } : {}),
          page: q.page,
          total: list.total,
        },
      }),
    );
    return list;
  });

  route(app, ROUTES["reports.export"], read, async (request, reply) => {
    const file = await reportWorkbook(await computeReport(ctx.db, requireAuth(request), request.query));
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      .send(file.bytes as unknown as string);
  });

  route(app, ROUTES["reports.narrative"], read, async (request, reply) => {
    const q = request.query;
    const file = await narrativeDocument(ctx.db, requireAuth(request), q);
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, actorOf(request), {
        action: "report.narrative.downloaded",
        entityType: "report",
        entityId: q.agencyId,
        summary: { from: q.from, to: q.to, subtree: q.subtree },
      }),
    );
    return reply
      .header("content-type", DOCX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      .send(file.bytes as unknown as string);
  });

  // Submissions (issue 19): who may act is checked in submissions.ts (own unit or its superior).
  route(app, ROUTES["reports.submissions.list"], read, async (request) =>
    listSubmissions(ctx.db, requireAuth(request), request.query),
  );
  route(app, ROUTES["reports.submissions.timeliness"], read, async (request) =>
    submissionTimeliness(ctx.db, requireAuth(request), request.query),
  );
  route(app, ROUTES["reports.submissions.get"], read, async (request) =>
    getSubmission(ctx.db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["reports.submissions.create"], { config: { permission: "report.write" } }, async (request) =>
    createSubmission(ctx.db, requireAuth(request), actorOf(request), request.body),
  );
  for (const action of ["submit", "return", "accept"] as const) {
    route(app, ROUTES[`reports.submissions.${action}`], read, async (request) =>
      submissionAction(ctx.db, requireAuth(request), actorOf(request), request.params.id, action, request.body),
    );
  }

  // Reporting graph (issue 19): anyone reading the organisation sees the lines of their scope; the
  // system administrator of a unit's agency (`agency.manage`) adds and closes them (graph.ts).
  route(app, ROUTES["reports.lines.list"], { config: { permission: "agency.read" } }, async (request) =>
    listLines(ctx.db, requireAuth(request)),
  );
  route(app, ROUTES["reports.lines.create"], { config: { permission: "agency.manage" } }, async (request) =>
    addLine(ctx.db, requireAuth(request), actorOf(request), request.body),
  );
  route(app, ROUTES["reports.lines.close"], { config: { permission: "agency.manage" } }, async (request) =>
    closeLine(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["reports.clusters"], read, async (request) => ({
    items: await readableClusters(ctx.db, requireAuth(request), request.query.at ?? todayInVietnam()),
  }));
  // Uploaded Excel forms of units not on the system (upload.ts): the original kept in the
  // attachment store, encrypted like every attached file when the key ring is loaded.
  const uploadDeps: UploadDeps = {
    db: ctx.db,
    storage: new LocalFileStorage(ctx.config.storageDir, (id) => keyRing().rawKey(id)),
    maxUploadBytes: ctx.config.maxUploadBytes,
    get encrypt() {
      return hasKeyRing();
    },
  };
  route(app, ROUTES["reports.blank"], read, async (request, reply) => {
    const file = await blankForm(ctx.db, requireAuth(request), actorOf(request), request.query);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      .send(file.bytes as unknown as string);
  });
  route(
    app,
    ROUTES["reports.submissions.upload"],
    // base64 is 4/3 of the file: the attachment limit, plus room for the other fields.
    { config: { permission: "report.write" }, bodyLimit: Math.ceil((ctx.config.maxUploadBytes * 4) / 3) + 64 * 1024 },
    async (request) => uploadReport(uploadDeps, requireAuth(request), actorOf(request), request.body),
  );
  // A sent report as it was sent: the records behind a frozen figure (audited like any drill-down)
  // and its official Excel form with the frozen figures.
  route(app, ROUTES["reports.submissions.drilldown"], read, async (request) => {
    const { id } = request.params;
    const list = await submissionDrilldown(ctx.db, requireAuth(request), id, request.query);
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, actorOf(request), {
        action: "report.drilldown.viewed",
        entityType: "report_submission",
        entityId: id,
        summary: { indicator: list.indicator, row: list.row, page: request.query.page, total: list.total },
      }),
    );
    return list;
  });
  route(app, ROUTES["reports.submissions.form"], read, async (request, reply) => {
    const row = await readVisible(ctx.db, requireAuth(request), request.params.id);
    const snapshot = (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as ReportView;
    const file = await reportWorkbook(snapshot);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      .send(file.bytes as unknown as string);
  });
  route(app, ROUTES["reports.submissions.original"], read, async (request, reply) => {
    const file = await openOriginal(uploadDeps, requireAuth(request), actorOf(request), request.params.id);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-length", String(file.size))
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });
  // Manual cells of a form (issue 19, 06/QLKNTC): writing needs report.write on the agency (manual-cells.ts).
  route(app, ROUTES["reports.manualCells.get"], read, async (request) =>
    getManualCells(ctx.db, requireAuth(request), request.query),
  );
  route(app, ROUTES["reports.manualCells.save"], { config: { permission: "report.write" } }, async (request) =>
    saveManualCells(ctx.db, requireAuth(request), actorOf(request), request.body),
  );
  // Consolidated reports as a job with its progress (jobs.ts): read like the report it computes.
  const jobs = new ReportJobs(ctx.db, app.log);
  app.addHook("onReady", async () => jobs.sweep());
  app.addHook("onClose", async () => jobs.drain());
  route(app, ROUTES["reports.jobs.start"], read, async (request) =>
    jobs.start(requireAuth(request), actorOf(request), request.body),
  );
  route(app, ROUTES["reports.jobs.get"], read, async (request) => jobs.get(requireAuth(request), request.params.id));
  // Dashboard with charts (issue 19): the engine's figures; each point drills down via reports.drilldown.
  route(app, ROUTES["reports.dashboard"], read, async (request) =>
    reportDashboard(ctx.db, requireAuth(request), request.query),
  );
}
