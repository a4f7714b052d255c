/**
 * Test support of inspections: the accounts (an Inspectorate's head and inspectors, a Department's
 * inspector), subjects inserted straight into the registry (its API is another capability's), and
 * a helper that walks an inspection through its steps.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { ensureInspectionUsers } from "../../src/seed/demo-inspections.ts";
import type { TestApp, TestClient } from "../../src/testing.ts";

export interface InspectionWorld {
  db: Kysely<DB>;
  tt: string;
  sct: string;
  /** Head of the provincial Inspectorate (decider). */
  head: TestClient;
  /** Inspectors of the Inspectorate. */
  long: TestClient;
  thu: TestClient;
  son: TestClient;
  /** The Department of Industry and Trade's inspector and its head. */
  sctInspector: TestClient;
  sctHead: TestClient;
  viewer: TestClient;
  ids: Record<"head" | "long" | "thu" | "son" | "sctInspector", string>;
}

export async function inspectionWorld(t: TestApp): Promise<InspectionWorld> {
  const db = t.system.database.db;
  await ensureInspectionUsers(db);
  const agency = async (code: string) =>
    (await db.selectFrom("agency").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const user = async (username: string) =>
    (await db.selectFrom("app_user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
  return {
    db,
    tt: await agency("LC.TT"),
    sct: await agency("LC.SCT"),
    head: await t.login("lanhdao.tt"),
    long: await t.login("thanhtra"),
    thu: await t.login("thanhtra2"),
    son: await t.login("thanhtra3"),
    sctInspector: await t.login("kiemtra.sct"),
    sctHead: await t.login("lanhdao"),
    viewer: await t.login("xem"),
    ids: {
      head: await user("lanhdao.tt"),
      long: await user("thanhtra"),
      thu: await user("thanhtra2"),
      son: await user("thanhtra3"),
      sctInspector: await user("kiemtra.sct"),
    },
  };
}

let taxSeq = 0;

/** A subject of the registry, inserted directly (the registry's API is another capability's). */
export async function createSubject(
  db: Kysely<DB>,
  registeredBy: string,
  input: { name: string; kind?: "enterprise" | "household" | "state_body" | "individual"; taxCode?: string | null },
): Promise<string> {
  taxSeq++;
  const row = await db
    .insertInto("inspection_subject")
    .values({
      kind: input.kind ?? "enterprise",
      tax_code:
        input.taxCode === undefined
          ? `53${String(Date.now() % 1e6).padStart(6, "0")}${String(taxSeq).padStart(2, "0")}`
          : input.taxCode,
      name: input.name,
      registered_by_agency_id: registeredBy,
      search_text: input.name.toLowerCase(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Asserts-free step call: posts a step with the current version, returns the response. */
export async function step(client: TestClient, id: string, version: number, body: Record<string, unknown>) {
  return client.post(`/api/inspections/${id}/steps`, { version, ...body });
}

export interface WalkDates {
  decide: string;
  plan: string;
  announce: string;
  endOnsite: string;
  report: string;
  assign: string;
  draft: string;
  appraise: string;
  sign: string;
}

/** Proposes and decides an ad hoc inspection of the Inspectorate; returns its id and version. */
export async function decidedInspection(w: InspectionWorld, subjectIds: string[], year: number, decideOn: string) {
  const created = await w.long.post("/api/inspections", {
    kind: "ad_hoc",
    trigger: "violation_sign",
    violationSign: "Dấu hiệu chi sai chế độ được phản ánh qua báo chí",
    title: `Thanh tra việc quản lý, sử dụng ngân sách năm ${year - 1}`,
    content: "Thanh tra việc quản lý, sử dụng ngân sách và tài sản công",
    year,
    subjectIds,
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const decided = await w.head.post(`/api/inspections/${created.body.id}/decision`, {
    version: created.body.version,
    issuedOutside: true,
    date: decideOn,
    number: `${created.body.code.slice(-3)}/QĐ-TTr`,
    leaderId: w.ids.long,
    memberIds: [w.ids.thu],
    declarations: [
      { userId: w.ids.long, hasConflict: false },
      { userId: w.ids.thu, hasConflict: false },
    ],
  });
  if (decided.status !== 200) throw new Error(JSON.stringify(decided.body));
  return { id: created.body.id as string, version: decided.body.version as number };
}

/** Takes the steps from the plan's approval up to the appraisal (not signing). */
export async function walkToAppraised(
  w: InspectionWorld,
  id: string,
  version: number,
  d: Omit<WalkDates, "decide" | "sign">,
) {
  let v = version;
  const steps: [TestClient, Record<string, unknown>][] = [
    [w.head, { action: "approve_plan", date: d.plan }],
    [w.long, { action: "announce", date: d.announce }],
    [w.long, { action: "end_onsite", date: d.endOnsite }],
    [w.long, { action: "report", date: d.report }],
    [w.head, { action: "assign_draft", date: d.assign }],
    [w.long, { action: "submit_draft", date: d.draft }],
    [w.son, { action: "appraise", date: d.appraise }],
  ];
  for (const [client, body] of steps) {
    const res = await step(client, id, v, body);
    if (res.status !== 200) throw new Error(`${String(body.action)}: ${JSON.stringify(res.body)}`);
    v = res.body.version;
  }
  return v;
}

/**
 * A paper drafted by a step (decision, extension, conclusion), submitted by the team's leader to
 * the Inspectorate's head, who signs and issues it on `issuedOn`: returns the response.
 */
export async function signPaper(w: InspectionWorld, documentId: string, issuedOn: string, signer = w.head) {
  const doc = await w.long.get(`/api/documents/${documentId}`);
  if (doc.status !== 200) throw new Error(JSON.stringify(doc.body));
  const submitted = await w.long.post(`/api/documents/${documentId}/submit`, {
    version: doc.body.version,
    signerId: w.ids.head,
  });
  if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body));
  return signer.post(`/api/documents/${documentId}/issue`, { issuedOn });
}

/** The paper a step drafted that holds the inspection, from its detail. */
export function awaitingDocument(detail: { awaiting: { documentId: string } | null }): string {
  if (!detail.awaiting) throw new Error("no paper awaits signature");
  return detail.awaiting.documentId;
}
