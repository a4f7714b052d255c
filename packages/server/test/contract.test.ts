/**
 * One contract per operation: every route the server registers under /api is an entry of the
 * route table (packages/domain/src/api/routes.ts) and every entry is registered, each with a
 * response schema.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ROUTE_LIST } from "@minhbach/domain/api/routes";
import { declaredRoutes } from "../src/platform/access.ts";
import { startTestApp, type TestApp } from "../src/testing.ts";

describe("route table", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ listen: false });
  });
  after(() => t.close());

  const key = (method: string, url: string) => `${method} ${url}`;

  test("ids and method + path are unique in the table", () => {
    assert.equal(new Set(ROUTE_LIST.map((r) => r.id)).size, ROUTE_LIST.length);
    assert.equal(new Set(ROUTE_LIST.map((r) => key(r.method, r.path))).size, ROUTE_LIST.length);
  });

  test("every route registered under /api is in the table, with its id and a response schema", () => {
    const table = new Map(ROUTE_LIST.map((r) => [key(r.method, `/api${r.path}`), r]));
    let checked = 0;
    for (const route of declaredRoutes.values()) {
      // Swagger UI's pages and assets, not operations of the API.
      if (route.url.startsWith("/api/docs")) continue;
      const entry = table.get(key(route.method, route.url));
      assert.ok(entry, `${route.method} ${route.url} is registered but not in the route table`);
      assert.equal(route.operationId, entry.id, `${route.method} ${route.url} not registered from its entry`);
      assert.ok(
        route.responses.some((s) => s.startsWith("2")),
        `${route.method} ${route.url} has no success response schema`,
      );
      checked++;
    }
    assert.ok(checked >= 80, `only ${checked} routes checked`);
  });

  test("every table entry is registered", () => {
    for (const entry of ROUTE_LIST) {
      assert.ok(
        t.app.hasRoute({ method: entry.method, url: `/api${entry.path}` }),
        `${entry.id} (${entry.method} ${entry.path}) is in the table but not registered`,
      );
      assert.ok(declaredRoutes.has(key(entry.method, `/api${entry.path}`)), `${entry.id} not declared`);
    }
  });
});
