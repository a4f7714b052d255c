/**
 * The route table on its own: each entry answers a success with a schema, names its path
 * parameters in its params schema, and no answer is left open where its shape is known (no loose
 * object, no record or value of unknown: open values are JSON, said so where declared).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildPath, isFileResponse, type PathParams } from "../src/api/contract.ts";
import { ROUTE_LIST, ROUTES } from "../src/api/routes.ts";
import type { z } from "../src/api/zod-vi.ts";

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Paths inside a schema where an answer would pass anything through. */
function openings(schema: unknown, path = "", seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (s: unknown, p: string) => openings(s, p, seen);
  switch (def.type) {
    case "unknown":
    case "any":
      return [path || "(root)"];
    case "object": {
      const out: string[] = [];
      const catchall = def.catchall as unknown;
      if (catchall && ["unknown", "any"].includes(defOf(catchall).type)) out.push(`${path || "(root)"} (loose)`);
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>))
        out.push(...inner(value, `${path}.${key}`));
      return out;
    }
    case "record":
      return inner(def.valueType, `${path}[*]`);
    case "array":
      return inner(def.element, `${path}[]`);
    case "union":
      return (def.options as unknown[]).flatMap((o) => inner(o, path));
    case "intersection":
      return [...inner(def.left, path), ...inner(def.right, path)];
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType, path);
    case "pipe":
      return inner(def.out, path);
    // z.json(): a recursive union of JSON values, open on purpose and only JSON.
    case "lazy":
      return [];
    default:
      return [];
  }
}

describe("route table", () => {
  test("has every operation once, each with a success answer", () => {
    assert.ok(ROUTE_LIST.length >= 90, `only ${ROUTE_LIST.length} operations`);
    for (const entry of ROUTE_LIST) {
      const statuses = Object.keys(entry.response);
      assert.ok(
        statuses.some((s) => ["200", "201", "204"].includes(s)),
        `${entry.id} has no success answer`,
      );
      assert.ok(entry.path.startsWith("/") && !entry.path.startsWith("/api/"), `${entry.id}: path relative to /api`);
    }
  });

  test("path parameters are the keys of the params schema", () => {
    for (const entry of ROUTE_LIST) {
      const names = [...entry.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const shape = entry.params ? Object.keys(defOf(entry.params).shape as object) : [];
      assert.deepEqual(shape.sort(), names.sort(), `${entry.id}: ${entry.path}`);
    }
  });

  test("no JSON answer passes unknown keys or values through", () => {
    const open: string[] = [];
    for (const entry of ROUTE_LIST) {
      // The OpenAPI document describes the API itself: open by nature.
      if (entry.id === "system.openapi") continue;
      for (const [status, schema] of Object.entries(entry.response)) {
        if (isFileResponse(schema)) continue;
        open.push(...openings(schema as z.ZodType).map((p) => `${entry.id} ${status} ${p}`));
      }
    }
    assert.deepEqual(open, []);
  });

  test("file answers are marked, and only on downloads", () => {
    const files = ROUTE_LIST.filter((e) => Object.values(e.response).some(isFileResponse)).map((e) => e.id);
    assert.deepEqual(files.sort(), [
      // anticorruption
      "anticorruption.campaigns.obligatedList",
      "anticorruption.cases.export",
      "anticorruption.declarations.file",
      "anticorruption.declarations.form",
      "anticorruption.declarations.template",
      "anticorruption.officials.importTemplate",
      "anticorruption.plans.document",
      "anticorruption.plans.inputs",
      "anticorruption.plans.minutes",
      "anticorruption.rotation.plan",
      "attachments.download",
      "documents.file",
      "inspectionFollowUp.export",
      "inspectionSubjects.importReport",
      "petitions.export",
      "public.inspectionPlans.csv",
      "public.inspectionPlans.xlsx",
      "public.openData.statistics.csv",
      "public.receptionSchedule.ics",
      "reception.register.export",
      "reception.schedule.export",
      "reception.visits.export",
      "reports.blank",
      "reports.export",
      "reports.narrative",
      "reports.submissions.form",
      "reports.submissions.original",
    ]);
  });

  test("buildPath fills and encodes parameters", () => {
    const params: Record<PathParams<(typeof ROUTES)["petitionFields.update"]["path"]>, string> = { code: "CT/A B" };
    assert.equal(buildPath(ROUTES["petitionFields.update"].path, params), "/petition-fields/CT%2FA%20B");
    assert.throws(() => buildPath("/users/:id", {}), /Missing path parameter id/);
  });
});
