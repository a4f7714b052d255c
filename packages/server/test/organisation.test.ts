import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

interface AgencyBody {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  version: number;
  predecessors: { code: string }[];
}

for (const db of testDatabases()) {
  describe(`organisation (${db.kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    const byCode = async (client: TestClient, query = "") => {
      const res = await client.get(`/api/agencies${query}`);
      assert.equal(res.status, 200);
      return new Map((res.body.items as AgencyBody[]).map((a) => [a.code, a]));
    };
    before(async () => {
      t = await startTestApp({ db, listen: false });
      admin = await t.login("admin");
    });
    after(() => t.close());

    test("the province admin sees today's tree of the demo province with merge lineage", async () => {
      const agencies = await byCode(admin);
      const sct = agencies.get("LC.SCT")!;
      assert.equal(sct.name, "Sở Công Thương tỉnh Lào Cai");
      assert.equal(sct.parentId, agencies.get("LC.UBND")!.id);
      assert.equal(agencies.get("LC.SCT.QLTT")!.parentId, sct.id);
      assert.deepEqual(
        agencies
          .get("LC.UBND")!
          .predecessors.map((p) => p.code)
          .sort(),
        ["OLD.UBND.LC", "OLD.UBND.YB"],
      );
      assert.ok(!agencies.has("OLD.UBND.YB"), "ended units are not in today's tree");
      assert.ok(!agencies.has("TQ.UBND"), "other provinces are outside the admin's scope");
    });

    test("a department user sees only their department", async () => {
      const agencies = await byCode(await t.login("xulydon"));
      assert.deepEqual([...agencies.keys()], ["LC.SCT"]);
    });

    test("the tree at a past date is the pre-reform structure, reached through merge lineage", async () => {
      const agencies = await byCode(admin, "?at=2025-06-30");
      assert.ok(!agencies.has("LC.SCT"), "the merged department did not exist yet");
      assert.ok(agencies.has("OLD.UBND.YB"), "the province merged into Lào Cai");
      assert.ok(agencies.has("OLD.UBND.H.BACHA"), "its district, abolished on 01/07/2025");
      assert.ok(!agencies.has("TQ.UBND"), "another province stays out of scope");
      const dept = await byCode(await t.login("xulydon"), "?at=2025-06-30");
      assert.equal(dept.size, 0, "a department formed in 2025 has no predecessors here");
      const bad = await admin.get("/api/agencies?includeEnded=maybe");
      assert.equal(bad.status, 400);
    });

    test("create a unit under the department; a district after 01/07/2025 is refused", async () => {
      const agencies = await byCode(admin);
      const res = await admin.post("/api/agencies", {
        code: "LC.SCT.KTAT",
        name: "Phòng Kỹ thuật an toàn - Môi trường",
        kind: "department_unit",
        parentId: agencies.get("LC.SCT")!.id,
        validFrom: "2026-01-01",
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const district = await admin.post("/api/agencies", {
        code: "LC.HUYEN.MOI",
        name: "UBND huyện Mới",
        kind: "district_committee",
        parentId: agencies.get("LC.UBND")!.id,
        validFrom: "2026-01-01",
      });
      assert.equal(district.status, 400);
      assert.equal(district.body.field, "kind");
      const dup = await admin.post("/api/agencies", {
        code: "LC.SCT",
        name: "Trùng mã",
        kind: "department",
        parentId: agencies.get("LC.UBND")!.id,
        validFrom: "2026-01-01",
      });
      assert.equal(dup.status, 409);
      const badDate = await admin.post("/api/agencies", {
        code: "LC.X.NGAYSAI",
        name: "Ngày sai",
        kind: "commune_committee",
        parentId: agencies.get("LC.UBND")!.id,
        validFrom: "2026-02-30",
      });
      assert.equal(badDate.status, 400);
      assert.equal(badDate.body.field, "validFrom");
    });

    test("rename with version; a stale version is a conflict; end date before start refused", async () => {
      const qltt = (await byCode(admin)).get("LC.SCT.QLTT")!;
      const ok = await admin.patch(`/api/agencies/${qltt.id}`, {
        version: qltt.version,
        name: "Chi cục Quản lý thị trường tỉnh Lào Cai",
      });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.version, qltt.version + 1);
      const stale = await admin.patch(`/api/agencies/${qltt.id}`, { version: qltt.version, name: "Khác" });
      assert.equal(stale.status, 409);
      const bad = await admin.patch(`/api/agencies/${qltt.id}`, { version: ok.body.version, validTo: "2020-01-01" });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "validTo");
    });

    test("a department admin cannot manage another department", async () => {
      const deptAdmin = await t.login("admin.snnmt");
      const sct = (await byCode(admin)).get("LC.SCT")!;
      const res = await deptAdmin.patch(`/api/agencies/${sct.id}`, { version: sct.version, name: "Chiếm quyền" });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, "OUT_OF_SCOPE");
      const get = await deptAdmin.get(`/api/agencies/${sct.id}`);
      assert.equal(get.status, 403);
      const create = await deptAdmin.post("/api/agencies", {
        code: "LC.SCT.XAM",
        name: "Xâm nhập",
        kind: "department_unit",
        parentId: sct.id,
        validFrom: "2026-01-01",
      });
      assert.equal(create.status, 403);
    });

    test("an administrator sets the letterhead used by official documents", async () => {
      const sct = (await byCode(admin)).get("LC.SCT")!;
      const res = await admin.patch(`/api/agencies/${sct.id}`, {
        version: sct.version,
        docAbbreviation: "SCT",
        docPlace: "Lào Cai",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.docAbbreviation, "SCT");
      assert.equal(res.body.docPlace, "Lào Cai");
      const bad = await admin.patch(`/api/agencies/${sct.id}`, {
        version: res.body.version,
        docAbbreviation: "S C T!",
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "docAbbreviation");
    });

    test("agency groups list the emulation cluster with member names", async () => {
      const res = await admin.get("/api/agency-groups");
      const cluster = res.body.items.find((g: { code: string }) => g.code === "CUM.MNPB");
      assert.ok(cluster);
      assert.ok(cluster.memberNames.includes("UBND tỉnh Tuyên Quang"));
      assert.equal(cluster.memberIds.length, 6);
    });
  });
}
