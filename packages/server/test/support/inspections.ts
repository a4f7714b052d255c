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
    sctInspector: await t.login("thanhtra.sct"),
    sctHead: await t.login("lanhdao"),
    viewer: await t.login("xem"),
    ids: {
      head: await user("lanhdao.tt"),
      long: await user("thanhtra"),
      thu: await user("thanhtra2"),
      son: await user("thanhtra3"),
      sctInspector: await user("thanhtra.sct"),
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
