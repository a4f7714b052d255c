/**
 * One contract per operation: every route the server registers under /api is an entry of the
 * route table (packages/domain/src/api/routes.ts) and every entry is registered, each with a
 * response schema; a response schema is an allow-list of what leaves the server; real answers
 * (users, petition and case detail, audit) fit their entries on both databases.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ROUTE_LIST, ROUTES } from "@minhbach/domain/api/routes";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { declaredRoutes } from "../src/platform/access.ts";
import { route, type Api } from "../src/platform/http.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import { proposedPetition } from "./support/petitions.ts";

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

describe("strict response schemas", () => {
  /** A bare app with the server's zod compilers: what the serialiser writes for an entry. */
  async function bare() {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    return app as unknown as Api;
  }

  test("a key the entry does not declare never leaves the server (a password hash, a sealed column)", async () => {
    const app = await bare();
    const user = {
      id: "00000000-0000-4000-8000-000000000001",
      username: "an",
      fullName: "Nguyễn Văn An",
      position: null,
      email: null,
      agencyId: "a",
      agencyName: "Sở Công Thương",
      roles: ["viewer"],
      disabled: false,
      lastLoginAt: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      version: 1,
    };
    route(app, ROUTES["users.get"], {}, async () => ({ ...user, passwordHash: "$argon2id$v=19$secret" }) as never);
    route(app, ROUTES["petitions.identity"], {}, async () => ({
      ground: "assigned",
      petitioners: [
        {
          kind: "person" as const,
          fullName: "Vương Thị Thanh Xuân",
          address: "Tổ 5",
          identity: { kind: "cccd" as const, number: "010195067890", sealedWith: "k1" },
          sealed: "v1:AES-GCM:ciphertext",
        },
      ],
    }));
    await app.ready();
    const res = await app.inject({ method: "GET", url: `/users/${user.id}` });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), user);
    assert.doesNotMatch(res.body, /passwordHash|argon2/);

    const id = await app.inject({ method: "GET", url: `/petitions/${user.id}/identity` });
    assert.equal(id.statusCode, 200);
    assert.doesNotMatch(id.body, /sealed|ciphertext|sealedWith/);
    assert.equal(id.json().petitioners[0].identity.number, "010195067890");
    await app.close();
  });

  test("an answer that does not fit its schema is an error, not a leak", async () => {
    const app = await bare();
    route(app, ROUTES["users.get"], {}, async () => ({ id: 1 }) as never);
    await app.ready();
    const res = await app.inject({ method: "GET", url: "/users/00000000-0000-4000-8000-000000000001" });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /"id":1/);
    await app.close();
  });
});

for (const db of testDatabases()) {
  describe(`real answers fit their entries (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    /** The answer parses with the entry's success schema, and holds no key the schema drops. */
    function fits(id: keyof typeof ROUTES, body: unknown) {
      const schema = (ROUTES[id].response as Record<number, unknown>)[200] as z.ZodType;
      const parsed = schema.safeParse(body);
      assert.ok(parsed.success, `${id}: ${parsed.error?.message}`);
      assert.deepEqual(JSON.parse(JSON.stringify(parsed.data)), body, `${id}: the answer holds undeclared keys`);
    }

    test("users list, petition detail with its writer, case detail", async () => {
      const admin = await t.login("admin");
      const users = await admin.get("/api/users?pageSize=200");
      assert.equal(users.status, 200);
      fits("users.list", users.body);

      const handler = await t.login("xulydon");
      const leader = await t.login("lanhdao");
      const resolverId = (await (await t.login("xacminh")).get("/api/auth/me")).body.user.id;
      const petition = await proposedPetition(
        handler,
        {
          channel: "post",
          receivedOn: "2026-11-02",
          writtenOn: "2026-10-30",
          petitioners: [
            {
              kind: "person",
              fullName: "Lương Văn Bình",
              address: "Thôn Làng Mới, xã Bảo Thắng, tỉnh Lào Cai",
              identity: { kind: "cccd", number: "010078011111", birthYear: 1978, gender: "male" },
            },
          ],
          respondents: [{ name: "Giám đốc Sở Công Thương" }],
          content:
            "Tôi khiếu nại Quyết định số 210/QĐ-SCT ngày 15/10/2026 xử phạt vi phạm hành chính cửa hàng của tôi; " +
            "đề nghị hủy quyết định vì tôi có đủ hóa đơn chứng từ.",
          fieldCode: "CT.QUAN_LY_THI_TRUONG",
        },
        "complaint",
        "2026-11-05",
      );
      const detail = await handler.get(`/api/petitions/${petition.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.petitioners[0].identity.number, "010078011111");
      assert.ok(detail.body.classification && detail.body.eligibility && detail.body.deadlines.length);
      fits("petitions.get", detail.body);

      const opened = await leader.post("/api/cases", { petitionId: petition.id, instance: 1, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const caseDetail = await leader.get(`/api/cases/${opened.body.id}`);
      assert.equal(caseDetail.status, 200);
      fits("cases.get", caseDetail.body);

      const audit = await admin.get("/api/audit?pageSize=50");
      assert.equal(audit.status, 200);
      fits("audit.list", audit.body);
    });
  });
}
