/**
 * The identity key ring: sealing is bound to its row, rotation keeps old rows readable until they
 * are re-sealed, the key file is written owner-only, and the database holds no writer in clear.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { resealAll, sealedByKey } from "../src/platform/sealed-columns.ts";
import { keyRing, KeyRing, loadKeyRing, useKeyRing, VaultError, writeKeyRing } from "../src/platform/vault.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

describe("vault", () => {
  test("seal and open; the sealed text is bound to its row and names its key", () => {
    const ring = KeyRing.generate("a");
    const sealed = ring.seal("Nguyễn Văn An", "petition_party:1");
    assert.match(sealed, /^v1\.a\./);
    assert.doesNotMatch(sealed, /Nguy/);
    assert.equal(ring.open(sealed, "petition_party:1"), "Nguyễn Văn An");
    assert.throws(() => ring.open(sealed, "petition_party:2"), VaultError);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    assert.throws(() => ring.open(tampered, "petition_party:1"), VaultError);
    assert.throws(() => KeyRing.generate("b").open(sealed, "petition_party:1"), /Không có khóa "a"/);
  });

  test("blind index: equal inputs meet, different rings do not, nothing readable", () => {
    const ring = KeyRing.generate("a");
    assert.equal(ring.blind("id:010088012345"), ring.blind("id:010088012345"));
    assert.notEqual(ring.blind("id:010088012345"), ring.blind("id:010088012346"));
    assert.notEqual(ring.blind("x"), KeyRing.generate("a").blind("x"));
    assert.doesNotMatch(ring.blind("id:010088012345"), /0100/);
  });

  test("rotation: new primary seals, old key still opens; retiring the primary is refused", () => {
    const ring = KeyRing.generate("a");
    const old = ring.seal("bí mật", "c");
    const next = ring.rotated("b");
    assert.equal(next.primaryId, "b");
    assert.match(next.seal("bí mật", "c"), /^v1\.b\./);
    assert.equal(next.open(old, "c"), "bí mật");
    assert.ok(next.sameIndex(ring));
    assert.throws(() => next.without("b"), /khóa chính/);
    assert.throws(() => next.without("a").open(old, "c"), VaultError);
  });

  test("key file: created 0600 on first start, read back, bad files refused with a clear message", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "minhbach-keys-"));
    try {
      const file = path.join(dir, "keys", "identity-keys.json");
      const created = loadKeyRing({ file, create: true });
      assert.equal(created.origin, "created");
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const again = loadKeyRing({ file, create: true });
      assert.equal(again.origin, "file");
      assert.equal(again.ring.primaryId, created.ring.primaryId);
      writeKeyRing(file, created.ring.rotated("k2"));
      assert.equal(loadKeyRing({ file, create: false }).ring.primaryId, "k2");
      assert.throws(() => loadKeyRing({ json: "{", file, create: false }), /MINHBACH_KEYS/);
      assert.throws(
        () => loadKeyRing({ json: JSON.stringify({ primary: "x", keys: {}, index: "AA==" }), file, create: false }),
        VaultError,
      );
      assert.throws(() => loadKeyRing({ file: path.join(dir, "none.json"), create: false }), /Không tìm thấy tệp khóa/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const db of testDatabases()) {
  describe(`identity sealing at rest (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("no writer is stored in clear; duplicate keys are keyed hashes; reseal moves rows to a new key", async () => {
      const handler = await t.login("xulydon");
      const created = await handler.post("/api/petitions", {
        channel: "post",
        receivedOn: "2026-11-02",
        petitioners: [
          {
            kind: "person",
            fullName: "Hoàng Thị Bích Ngọc",
            address: "Thôn Khe Lếch, xã Sa Pa, tỉnh Lào Cai",
            identity: { kind: "cccd", number: "010190054321", birthYear: 1990, gender: "female" },
          },
        ],
        respondents: [{ name: "Ông Trần Văn Bảo, cán bộ địa chính xã" }],
        content: "Tôi tố cáo ông Trần Văn Bảo nhận tiền của người dân khi làm thủ tục cấp giấy chứng nhận.",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const kysely = t.system.database.db;
      const parties = await kysely
        .selectFrom("petition_party")
        .selectAll()
        .where("petition_id", "=", created.body.id)
        .execute();
      const raw = JSON.stringify(parties);
      assert.doesNotMatch(raw, /Ngọc|Khe Lếch|010190054321/);
      assert.match(raw, /Trần Văn Bảo/, "respondents stay readable");
      const petition = await kysely
        .selectFrom("petition")
        .select(["person_keys"])
        .where("id", "=", created.body.id)
        .executeTakeFirstOrThrow();
      assert.ok(petition.person_keys.length >= 2);
      assert.doesNotMatch(JSON.stringify(petition.person_keys), /ngoc|010190054321/);

      // Rotation: a new primary, every row re-sealed, the detail still reads the writer.
      const before = keyRing();
      // The rotated ring stays in use: it opens what both keys sealed, for the rest of the process.
      useKeyRing(before.rotated(`rot${db.kind}`));
      {
        assert.ok((await resealAll(kysely)) >= 1);
        const counts = await sealedByKey(kysely);
        assert.equal(counts[before.primaryId] ?? 0, 0);
        assert.ok((counts[`rot${db.kind}`] ?? 0) >= 1);
        const detail = await handler.get(`/api/petitions/${created.body.id}`);
        assert.equal(detail.body.petitioners[0].fullName, "Hoàng Thị Bích Ngọc");
      }
    });
  });
}
