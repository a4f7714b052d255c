/**
 * Every API route refuses a request without a session (401), a request from a role that lacks
 * its permission (403), and a state-changing request without the CSRF token (403) — walked
 * over the route inventory, so a new route is covered the day it is added.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ROLES, type Permission } from "@minhbach/domain";
import { declaredRoutes } from "../src/platform/access.ts";
import { DEMO_ACCOUNTS } from "../src/seed/demo.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

function concreteUrl(url: string): string {
  return url
    .replace(/:id\b/g, SAMPLE_ID)
    .replace(/:year\b/g, "2026")
    .replace(/:[a-zA-Z]+/g, "x");
}

function accountLacking(permission: Permission) {
  return DEMO_ACCOUNTS.find((a) => !a.roles.some((r) => ROLES[r].permissions.includes(permission)));
}

for (const db of testDatabases()) {
  describe(`access control on every route (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("inventory is not empty and every /api route declares what it needs", () => {
      const routes = [...declaredRoutes.values()];
      assert.ok(routes.length >= 15, `only ${routes.length} routes declared`);
    });

    test("no session → 401 on every protected route", async () => {
      const anon = t.anonymous();
      for (const route of declaredRoutes.values()) {
        if (route.permission === null) continue;
        const res = await anon.request(
          route.method as "GET",
          concreteUrl(route.url),
          route.method === "GET" ? undefined : {},
        );
        assert.equal(res.status, 401, `${route.method} ${route.url} answered ${res.status} without a session`);
        assert.equal((res.body as { code: string }).code, "UNAUTHENTICATED");
      }
    });

    test("wrong role → 403 on every route whose permission some role lacks", async () => {
      let checked = 0;
      for (const route of declaredRoutes.values()) {
        if (route.permission === null || route.permission === "session") continue;
        const account = accountLacking(route.permission);
        if (!account) continue; // granted to every role (e.g. agency.read)
        const client = await t.login(account.username);
        const res = await client.request(
          route.method as "GET",
          concreteUrl(route.url),
          route.method === "GET" ? undefined : {},
        );
        assert.equal(res.status, 403, `${route.method} ${route.url} as ${account.username}: ${res.status}`);
        assert.equal((res.body as { code: string }).code, "FORBIDDEN");
        checked++;
      }
      assert.ok(checked >= 8, `only ${checked} routes had a role to refuse`);
    });

    test("state-changing request without CSRF token → 403 CSRF_INVALID", async () => {
      const admin = await t.login("admin");
      let checked = 0;
      for (const route of declaredRoutes.values()) {
        if (route.permission === null || route.method === "GET") continue;
        const res = await admin.request(route.method as "POST", concreteUrl(route.url), {}, { csrf: false });
        assert.equal(res.status, 403, `${route.method} ${route.url} without CSRF: ${res.status}`);
        assert.equal((res.body as { code: string }).code, "CSRF_INVALID");
        checked++;
      }
      assert.ok(checked >= 5);
    });
  });
}
