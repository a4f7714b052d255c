import { ROUTES } from "@minhbach/domain/api/routes";
import type { FastifyReply } from "fastify";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { route, type Api } from "../../platform/http.ts";
import { DOCX_MIME } from "../documents/service.ts";
import {
  adjustCampaign,
  getCampaign,
  listCampaigns,
  openCampaign,
  receiveDeclaration,
  recomputeCampaign,
  recordPublication,
  remindCampaign,
} from "./campaigns.ts";
import { caseInspections, createCase, exportCases, getCase, listCases, updateCase } from "./cases.ts";
import {
  declarationFile,
  declarationForm,
  declarationTemplate,
  getDeclaration,
  importDeclaration,
  myDeclarations,
  submitDeclaration,
} from "./declarations.ts";
import { importOfficials, importTemplate } from "./import.ts";
import { addExemption, createOfficial, getOfficial, listOfficials, updateOfficial } from "./officials.ts";
import { obligatedListPaper, rotationPlanPaper, verificationPlanPaper } from "./papers.ts";
import { createPosition, listPositions, updatePosition } from "./positions.ts";
import {
  createGift,
  createLoophole,
  createPreventionDocument,
  createTraining,
  listGifts,
  listLoopholes,
  listPreventionDocuments,
  listTrainings,
  updateLoophole,
} from "./registers.ts";
import {
  addDeferral,
  announceRotationPlan,
  listRotations,
  planRotation,
  recordRotationOutcome,
  rotationList,
} from "./rotation.ts";
import {
  concludeVerification,
  createPlan,
  getPlan,
  listPlans,
  lotteryInputsFile,
  lotteryMinutes,
  runLottery,
} from "./verification.ts";

function sendFile(reply: FastifyReply, mime: string, file: { fileName: string; bytes: Buffer }) {
  return (
    reply
      .header("content-type", mime)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      // A Buffer is sent as it is, without the JSON serialiser; its table entry marks it a file.
      .send(file.bytes as unknown as string)
  );
}

const read = { config: { permission: "anticorruption.read" as const } };
const write = { config: { permission: "anticorruption.write" as const } };
/** Declarations: the declarant may be any signed-in user; the service decides who reads. */
const session = { config: { permission: "session" as const } };

export function anticorruptionRoutes(app: Api, ctx: AppContext): void {
  const { db } = ctx;
  route(app, ROUTES["anticorruption.positions.list"], read, async () => listPositions(db));
  route(app, ROUTES["anticorruption.positions.create"], write, async (request, reply) =>
    reply.code(201).send(await createPosition(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.positions.update"], write, async (request) =>
    updatePosition(
      db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.body.version,
      request.body.position,
    ),
  );

  route(app, ROUTES["anticorruption.officials.list"], read, async (request) =>
    listOfficials(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.officials.create"], write, async (request, reply) =>
    reply.code(201).send(await createOfficial(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.officials.importTemplate"], write, async (_request, reply) =>
    sendFile(reply, XLSX_MIME, await importTemplate()),
  );
  route(app, ROUTES["anticorruption.officials.import"], { ...write, bodyLimit: 16 * 1024 * 1024 }, async (request) =>
    importOfficials(db, requireAuth(request), actorOf(request), request.body),
  );
  route(app, ROUTES["anticorruption.officials.get"], read, async (request) =>
    getOfficial(db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.officials.update"], write, async (request) =>
    updateOfficial(
      db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.body.version,
      request.body.official,
    ),
  );
  route(app, ROUTES["anticorruption.officials.exemptions.add"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await addExemption(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );

  route(app, ROUTES["anticorruption.campaigns.list"], read, async (request) => listCampaigns(db, requireAuth(request)));
  route(app, ROUTES["anticorruption.campaigns.create"], write, async (request, reply) =>
    reply.code(201).send(await openCampaign(db, requireAuth(request), actorOf(request), request.body.year)),
  );
  route(app, ROUTES["anticorruption.campaigns.get"], read, async (request) =>
    getCampaign(db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.campaigns.recompute"], write, async (request) =>
    recomputeCampaign(db, requireAuth(request), actorOf(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.campaigns.adjust"], write, async (request) =>
    adjustCampaign(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["anticorruption.campaigns.remind"], write, async (request) =>
    remindCampaign(db, requireAuth(request), actorOf(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.obligations.receive"], write, async (request) =>
    receiveDeclaration(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["anticorruption.obligations.publication"], write, async (request) =>
    recordPublication(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["anticorruption.declarations.submit"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await submitDeclaration(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  route(app, ROUTES["anticorruption.declarations.template"], write, async (request, reply) =>
    sendFile(reply, XLSX_MIME, await declarationTemplate(db, requireAuth(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.declarations.import"], { ...write, bodyLimit: 6 * 1024 * 1024 }, async (request) =>
    importDeclaration(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["anticorruption.declarations.get"], session, async (request, reply) => {
    const result = await getDeclaration(db, requireAuth(request), actorOf(request), request.params.id);
    void reply.header("cache-control", "no-store");
    return result;
  });
  route(app, ROUTES["anticorruption.declarations.file"], session, async (request, reply) =>
    sendFile(reply, XLSX_MIME, await declarationFile(db, requireAuth(request), actorOf(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.declarations.form"], session, async (request, reply) =>
    sendFile(reply, DOCX_MIME, await declarationForm(db, requireAuth(request), actorOf(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.declarations.mine"], session, async (request) =>
    myDeclarations(db, requireAuth(request)),
  );

  route(app, ROUTES["anticorruption.plans.list"], read, async (request) => listPlans(db, requireAuth(request)));
  route(app, ROUTES["anticorruption.plans.create"], write, async (request, reply) =>
    reply.code(201).send(await createPlan(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.plans.get"], read, async (request) =>
    getPlan(db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.plans.lottery"], write, async (request) =>
    runLottery(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["anticorruption.plans.minutes"], read, async (request, reply) =>
    sendFile(reply, DOCX_MIME, await lotteryMinutes(db, requireAuth(request), actorOf(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.plans.inputs"], read, async (request, reply) =>
    sendFile(reply, XLSX_MIME, await lotteryInputsFile(db, requireAuth(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.verifications.conclude"], write, async (request) =>
    concludeVerification(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["anticorruption.officials.deferrals.add"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await addDeferral(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  route(app, ROUTES["anticorruption.rotation.list"], read, async (request) =>
    rotationList(db, requireAuth(request), request.query.on),
  );
  route(app, ROUTES["anticorruption.rotations.list"], read, async (request) =>
    listRotations(db, requireAuth(request), request.query.year),
  );
  route(app, ROUTES["anticorruption.rotations.announce"], write, async (request) =>
    announceRotationPlan(db, requireAuth(request), actorOf(request), request.body),
  );
  route(app, ROUTES["anticorruption.rotations.plan"], write, async (request, reply) =>
    reply.code(201).send(await planRotation(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.rotations.outcome"], write, async (request) =>
    recordRotationOutcome(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  // Records the PCTN forms count: corruption cases (02/PCTN), loophole documents (03/PCTN),
  // prevention documents, gifts handed in, training and propaganda.
  route(app, ROUTES["anticorruption.cases.list"], read, async (request) =>
    listCases(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.cases.export"], read, async (request, reply) =>
    sendFile(reply, XLSX_MIME, await exportCases(db, requireAuth(request), actorOf(request), request.query)),
  );
  route(app, ROUTES["anticorruption.cases.create"], write, async (request, reply) =>
    reply.code(201).send(await createCase(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.cases.inspections"], write, async (request) =>
    caseInspections(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.cases.get"], read, async (request) =>
    getCase(db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["anticorruption.cases.update"], write, async (request) =>
    updateCase(db, requireAuth(request), actorOf(request), request.params.id, request.body.version, request.body.case),
  );
  route(app, ROUTES["anticorruption.loopholes.list"], read, async (request) =>
    listLoopholes(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.loopholes.create"], write, async (request, reply) =>
    reply.code(201).send(await createLoophole(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.loopholes.update"], write, async (request) =>
    updateLoophole(
      db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.body.version,
      request.body.document,
    ),
  );
  route(app, ROUTES["anticorruption.preventionDocuments.list"], read, async (request) =>
    listPreventionDocuments(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.preventionDocuments.create"], write, async (request, reply) =>
    reply.code(201).send(await createPreventionDocument(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.gifts.list"], read, async (request) =>
    listGifts(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.gifts.create"], write, async (request, reply) =>
    reply.code(201).send(await createGift(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.trainings.list"], read, async (request) =>
    listTrainings(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["anticorruption.trainings.create"], write, async (request, reply) =>
    reply.code(201).send(await createTraining(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["anticorruption.campaigns.obligatedList"], read, async (request, reply) =>
    sendFile(reply, DOCX_MIME, await obligatedListPaper(db, requireAuth(request), actorOf(request), request.params.id)),
  );
  route(app, ROUTES["anticorruption.plans.document"], read, async (request, reply) =>
    sendFile(
      reply,
      DOCX_MIME,
      await verificationPlanPaper(db, requireAuth(request), actorOf(request), request.params.id),
    ),
  );
  route(app, ROUTES["anticorruption.rotation.plan"], read, async (request, reply) =>
    sendFile(reply, DOCX_MIME, await rotationPlanPaper(db, requireAuth(request), actorOf(request), request.query.on)),
  );
}
