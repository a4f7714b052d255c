/**
 * The safe defaults of a fresh start: a demo (accounts with a published password) listens on this
 * machine only unless HOST says otherwise, and says so; Strict-Transport-Security only over
 * HTTPS; /api/health tells an anonymous caller neither the schema version nor the demo mode; the
 * errors answered before any route (a broken or too long URL) carry the same security headers.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "../src/config.ts";
import { DEMO_LOCAL_ONLY, startupMessage } from "../src/startup-message.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

describe("where the server listens", () => {
  test("a demo on the embedded database listens on 127.0.0.1 and says how to open it", () => {
    const config = loadConfig({});
    assert.equal(config.demo, true);
    assert.equal(config.host, "127.0.0.1");
    assert.equal(config.demoLocalOnly, true);
    const text = startupMessage(config).join("\n");
    assert.ok(text.includes(DEMO_LOCAL_ONLY));
    assert.match(text, /chỉ nhận kết nối từ chính máy này \(127\.0\.0\.1\)/);
    assert.match(text, /HOST=0\.0\.0\.0/);
  });

  test("DEMO=1 on a server listens on 127.0.0.1 too", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://x@db/minhbach", DEMO: "1" });
    assert.equal(config.host, "127.0.0.1");
    assert.equal(config.demoLocalOnly, true);
  });

  test("HOST set explicitly wins, and the demo warning says the network can log in", () => {
    for (const host of ["0.0.0.0", "192.168.1.10"]) {
      const config = loadConfig({ HOST: host });
      assert.equal(config.demo, true);
      assert.equal(config.host, host);
      assert.equal(config.demoLocalOnly, false);
      const text = startupMessage(config).join("\n");
      assert.ok(!text.includes(DEMO_LOCAL_ONLY));
      assert.ok(text.includes(`Máy chủ nghe trên ${host} (HOST): máy khác trong mạng`));
    }
    const local = startupMessage(loadConfig({ HOST: "127.0.0.1" })).join("\n");
    assert.ok(local.includes("Máy chủ chỉ nghe trên 127.0.0.1 (HOST)."));
  });

  test("outside demo mode the default stays every address, and nothing is said about a demo", () => {
    for (const env of [{ DATABASE_URL: "postgres://x@db/minhbach" }, { DEMO: "0" }, { DEMO: "false" }]) {
      const config = loadConfig(env);
      assert.equal(config.demo, false);
      assert.equal(config.host, "0.0.0.0");
      assert.equal(config.demoLocalOnly, false);
      assert.doesNotMatch(startupMessage(config).join("\n"), /trình diễn/);
    }
  });
});

for (const db of testDatabases()) {
  describe(`safe defaults over HTTP (${db.kind})`, () => {
    let t: TestApp;
    let proxied: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      proxied = await startTestApp({ db, listen: false, config: { trustProxy: true } });
    });
    after(async () => {
      await t.close();
      await proxied.close();
    });

    test("health tells an anonymous caller neither the schema version nor the demo mode", async () => {
      const res = await t.anonymous().get("/api/health");
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: "ok", database: db.kind });
    });

    test("health tells a signed-in user the schema version and the demo mode", async () => {
      const res = await (await t.login("xem")).get("/api/health");
      assert.equal(res.status, 200);
      assert.equal(res.body.status, "ok");
      assert.match(res.body.migration, /^\d{4}_/);
      assert.equal(res.body.demo, true);
    });

    test("no Strict-Transport-Security over plain HTTP, nor on a proxy's word when no proxy is trusted", async () => {
      const plain = await t.anonymous().get("/api/health");
      assert.equal(plain.headers["strict-transport-security"], undefined);
      assert.equal(plain.headers["x-content-type-options"], "nosniff");
      const claimed = await t.anonymous().request("GET", "/api/health", undefined, {
        headers: { "x-forwarded-proto": "https" },
      });
      assert.equal(claimed.headers["strict-transport-security"], undefined);
      // Nor an upgrade of every script and style to https:// that a plain-HTTP page cannot follow.
      assert.match(String(plain.headers["content-security-policy"]), /default-src 'self'/);
      assert.doesNotMatch(String(plain.headers["content-security-policy"]), /upgrade-insecure-requests/);
      const proxiedPlain = await proxied.anonymous().get("/api/health");
      assert.equal(proxiedPlain.headers["strict-transport-security"], undefined);
    });

    test("Strict-Transport-Security when a trusted proxy reports HTTPS", async () => {
      for (const url of ["/api/health", "/api/khong-co", "/"]) {
        const res = await proxied.anonymous().request("GET", url, undefined, {
          headers: { "x-forwarded-proto": "https" },
        });
        assert.equal(res.headers["strict-transport-security"], "max-age=31536000; includeSubDomains", url);
      }
    });

    test("a broken or too long URL is answered with the same security headers", async () => {
      const normal = await t.anonymous().get("/api/health");
      for (const [url, status, code] of [
        ["/api/petitions/%E0%A4%A", 400, "URL_INVALID"],
        [`/api/petitions/${"a".repeat(300)}`, 414, "URL_TOO_LONG"],
      ] as const) {
        const res = await t.anonymous().get(url);
        assert.equal(res.status, status, url);
        assert.equal(res.body.code, code);
        for (const name of [
          "content-security-policy",
          "x-content-type-options",
          "x-frame-options",
          "referrer-policy",
          "cross-origin-opener-policy",
          "cross-origin-resource-policy",
        ]) {
          assert.equal(res.headers[name], normal.headers[name], `${name} on ${code}`);
        }
        assert.equal(res.headers["x-powered-by"], undefined);
        assert.equal(res.headers["strict-transport-security"], undefined);
      }
      const overHttps = await proxied.anonymous().request("GET", `/api/petitions/${"a".repeat(300)}`, undefined, {
        headers: { "x-forwarded-proto": "https" },
      });
      assert.equal(overHttps.status, 414);
      assert.equal(overHttps.headers["strict-transport-security"], "max-age=31536000; includeSubDomains");
      const untrusted = await t.anonymous().request("GET", `/api/petitions/${"a".repeat(300)}`, undefined, {
        headers: { "x-forwarded-proto": "https" },
      });
      assert.equal(untrusted.status, 414);
      assert.equal(untrusted.headers["strict-transport-security"], undefined);
    });
  });
}
