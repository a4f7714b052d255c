import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { encodePersonalId, MASKED_DENOUNCER, REGISTER_COLUMNS, REGISTER_TITLE, todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import ExcelJS from "exceljs";
import { foldLine } from "../src/modules/reception/ical.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const VIETNAMESE = /[àáảãạăâđêôơưếềệốồộớờợứừựíìịýỳ]/i;

// ---------------------------------------------------------------------------------------------
// A small RFC 5545 reader: checks the physical form, unfolds, splits into components.

interface ICalComponent {
  name: string;
  props: Map<string, string[]>;
  children: ICalComponent[];
}

function parseICal(text: string): ICalComponent {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/, "only CRLF line breaks");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const root: ICalComponent = { name: "", props: new Map(), children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(":");
    assert.ok(colon > 0, `no name:value in ${line}`);
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1]!;
    if (name === "BEGIN") {
      const child: ICalComponent = { name: value, props: new Map(), children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === "END") {
      assert.equal(top.name, value, `END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      top.props.set(name, [...(top.props.get(name) ?? []), value]);
    }
  }
  assert.equal(stack.length, 1, "every BEGIN has its END");
  assert.equal(root.children.length, 1);
  return root.children[0]!;
}

const unescapeText = (v: string) => v.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");

// ---------------------------------------------------------------------------------------------

for (const db of testDatabases()) {
  describe(`reception (${db.kind})`, () => {
    let t: TestApp;
    let tiepdan: TestClient;
    let lanhdao: TestClient;
    let xem: TestClient;
    let admin: TestClient;
    let agencies: Map<string, string>;
    const today = todayInVietnam();
    const cccd = (year: number, gender: "male" | "female", serial: number) =>
      encodePersonalId("010", year, gender, serial);

    before(async () => {
      t = await startTestApp({ db, listen: false });
      [tiepdan, lanhdao, xem, admin] = await Promise.all([
        t.login("tiepdan"),
        t.login("lanhdao"),
        t.login("xem"),
        t.login("admin"),
      ]);
      const list = await admin.get("/api/agencies");
      agencies = new Map(list.body.items.map((a: { code: string; id: string }) => [a.code, a.id]));
    });
    after(() => t.close());

    const person = (fullName: string, serial: number, over: Record<string, unknown> = {}) => ({
      fullName,
      address: "Phường Lào Cai, tỉnh Lào Cai",
      identity: { kind: "cccd", number: cccd(1975, "male", serial), birthYear: 1975, gender: "male" },
      ...over,
    });

    const visit = (over: Record<string, unknown> = {}) => ({
      kind: "regular",
      receivedOn: today,
      receiverName: "Trần Thị Hoa",
      visitors: [person("Nguyễn Văn Bình", 123456)],
      peopleCount: 1,
      contentSummary: "Kiến nghị về việc cấp điện sinh hoạt cho khu dân cư mới",
      contentKind: "recommendation",
      fieldCode: "CT.DIEN_LUC",
      ...over,
    });

    const group = (size: number, representatives: { fullName: string }[]) =>
      visit({
        visitors: Array.from({ length: size }, (_, i) => person(`Hộ dân số ${i + 1}`, 200000 + i)),
        peopleCount: size,
        representatives,
        writtenAppointment: true,
        contentKind: "complaint",
        contentSummary: "Khiếu nại việc bồi thường khi xây dựng đường dây 110 kV",
      });

    const count = async () => (await tiepdan.get("/api/reception/visits?pageSize=1")).body.total as number;

    async function download(client: TestClient, url: string) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: `mb_session=${client.session}` } });
      return res;
    }

    test("a regular visit is recorded with its number in the register, and audited", async () => {
      const res = await tiepdan.post("/api/reception/visits", visit());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.status, "OPEN");
      assert.equal(res.body.seqNo, 1);
      assert.equal(res.body.registerYear, Number(today.slice(0, 4)));
      assert.equal(res.body.isCrowd, false);
      assert.ok(res.body.receivedAt, "today's visit gets the time it was recorded");
      assert.ok(res.body.receiverId, "the receiver is the signed-in officer");
      assert.deepEqual(res.body.actions, ["edit", "handle", "create_petition"]);
      const second = await tiepdan.post(
        "/api/reception/visits",
        visit({ visitors: [person("Lò Thị Mai", 1, { identity: { kind: "cmnd", number: "063 123 456" } })] }),
      );
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.equal(second.body.seqNo, 2);
      assert.equal(second.body.visitors[0].identity.number, "063123456", "old 9-digit ID accepted and normalised");
      const passport = await tiepdan.post(
        "/api/reception/visits",
        visit({ visitors: [person("John Smith", 2, { identity: { kind: "passport_foreign", number: "x1234567" } })] }),
      );
      assert.equal(passport.status, 201, JSON.stringify(passport.body));
      const audit = await admin.get("/api/audit?action=reception.visit.created&entityType=reception_visit");
      assert.ok(audit.body.items.some((e: { entityId: string }) => e.entityId === res.body.id));
      assert.doesNotMatch(JSON.stringify(audit.body), /Nguyễn Văn Bình|123456/, "no personal data in the audit trail");
    });

    test("a group of 12 with 3 representatives among them is a crowd; a stranger as representative is refused", async () => {
      const ok = await tiepdan.post(
        "/api/reception/visits",
        group(12, [{ fullName: "Hộ dân số 1" }, { fullName: "ho dan so 5" }, { fullName: "Hộ dân số 9" }]),
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.isCrowd, true);
      assert.equal(ok.body.representatives.length, 3);
      // A PATCH changes only what it sends (the schema's defaults do not wipe the group).
      const noted = await tiepdan.patch(`/api/reception/visits/${ok.body.id}`, {
        version: ok.body.version,
        notes: "Có văn bản cử người đại diện",
      });
      assert.equal(noted.status, 200, JSON.stringify(noted.body));
      assert.equal(noted.body.representatives.length, 3);
      assert.equal(noted.body.contentSummary, ok.body.contentSummary);
      assert.equal(noted.body.version, ok.body.version + 1);

      const before = await count();
      const bad = await tiepdan.post(
        "/api/reception/visits",
        group(12, [{ fullName: "Hộ dân số 1" }, { fullName: "Hộ dân số 2" }, { fullName: "Người Ngoài Nhóm" }]),
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, "VALIDATION_FAILED");
      assert.equal(bad.body.field, "representatives.2");
      assert.match(bad.body.message, VIETNAMESE);
      assert.match(bad.body.message, /Người Ngoài Nhóm/);
      const tooMany = await tiepdan.post(
        "/api/reception/visits",
        group(8, [{ fullName: "Hộ dân số 1" }, { fullName: "Hộ dân số 2" }, { fullName: "Hộ dân số 3" }]),
      );
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.field, "representatives");
      assert.equal(await count(), before, "nothing saved");
    });

    test("bad identity papers and dates name the field in Vietnamese; nothing is saved", async () => {
      const before = await count();
      const cases: [Record<string, unknown>, string, string][] = [
        [
          visit({ visitors: [person("A", 1, { identity: { kind: "cccd", number: "12345678901" } })] }),
          "visitors.0.identity.number",
          "VALIDATION_FAILED",
        ],
        [
          visit({ visitors: [person("A", 1, { identity: { kind: "cccd", number: "999075123456" } })] }),
          "visitors.0.identity.number",
          "VALIDATION_FAILED",
        ],
        [
          visit({ visitors: [person("A", 1, { identity: { kind: "cmnd", number: "12345" } })] }),
          "visitors.0.identity.number",
          "VALIDATION_FAILED",
        ],
        [visit({ receivedOn: addDays(today, 3) }), "receivedOn", "VISIT_DATE_IN_FUTURE"],
        [visit({ receivedOn: "2026-02-30" }), "receivedOn", "VALIDATION_FAILED"],
        [visit({ receivedAt: "2020-01-01T08:00:00+07:00" }), "receivedAt", "VALIDATION_FAILED"],
        [visit({ kind: "periodic" }), "presidingHead", "VALIDATION_FAILED"],
        [visit({ fieldCode: "KHONG.CO" }), "fieldCode", "VALIDATION_FAILED"],
      ];
      for (const [body, field, code] of cases) {
        const res = await tiepdan.post("/api/reception/visits", body);
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, code, JSON.stringify(res.body));
        assert.equal(res.body.field, field, JSON.stringify(res.body));
        assert.match(res.body.message, VIETNAMESE);
      }
      // A CCCD whose birth year says 2099 (the form check uses the current year here).
      const future = await tiepdan.post(
        "/api/reception/visits",
        visit({
          visitors: [person("B", 1, { identity: { kind: "cccd", number: encodePersonalId("010", 2098, "male", 1) } })],
        }),
      );
      assert.equal(future.status, 400, JSON.stringify(future.body));
      assert.equal(future.body.field, "visitors.0.identity.number");
      assert.equal(await count(), before);
    });

    test("refusal: reason 3 needs the earlier matter and the notice; refused visits have no follow-up", async () => {
      const created = (await tiepdan.post("/api/reception/visits", visit({ contentKind: "complaint" }))).body;
      const missing = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: created.version,
        handling: { route: "refused", refusal: { reason: 3, refusalNotice: { number: "12/TB-SCT", date: today } } },
      });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.field, "handling.refusal.earlierMatterId");
      assert.match(missing.body.message, /khoản 3 Điều 9/);
      const futureNotice = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: created.version,
        handling: {
          route: "refused",
          refusal: {
            reason: 3,
            earlierMatterId: "LC.SCT-2025-000012",
            refusalNotice: { number: "12/TB-SCT", date: addDays(today, 2) },
          },
        },
      });
      assert.equal(futureNotice.status, 400);
      assert.equal(futureNotice.body.code, "REFUSAL_NOTICE_DATE_IN_FUTURE");
      assert.equal(futureNotice.body.field, "handling.refusal.refusalNotice.date");
      const unchanged = await tiepdan.get(`/api/reception/visits/${created.id}`);
      assert.equal(unchanged.body.status, "OPEN");
      assert.equal(unchanged.body.version, created.version);

      const refused = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: created.version,
        handling: {
          route: "refused",
          refusal: {
            reason: 3,
            earlierMatterId: "LC.SCT-2025-000012",
            refusalNotice: { number: "12/TB-SCT", date: today },
          },
        },
      });
      assert.equal(refused.status, 200, JSON.stringify(refused.body));
      assert.equal(refused.body.status, "HANDLED");
      assert.deepEqual(refused.body.actions, ["edit"]);
      const followUp = await tiepdan.post(`/api/reception/visits/${created.id}/follow-up`, {
        version: refused.body.version,
        followUp: "Không có",
      });
      assert.equal(followUp.status, 409);
      assert.equal(followUp.body.code, "VISIT_WRONG_STATE");
    });

    test("handle then follow up; stale versions and repeated handling are refused", async () => {
      const created = (
        await tiepdan.post("/api/reception/visits", visit({ competence: "not_within", contentKind: "complaint" }))
      ).body;
      const accepted = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: created.version,
        handling: { route: "accepted" },
      });
      assert.equal(accepted.status, 400, "not within competence: cannot accept");
      assert.equal(accepted.body.field, "competence");
      const handled = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: created.version,
        handling: { route: "transferred", targetBody: "Công ty Điện lực Lào Cai", documentNumber: "35/PC-SCT" },
      });
      assert.equal(handled.status, 200, JSON.stringify(handled.body));
      assert.equal(handled.body.handling.route, "transferred");
      assert.equal(handled.body.version, created.version + 1);
      const stale = await tiepdan.post(`/api/reception/visits/${created.id}/follow-up`, {
        version: created.version,
        followUp: "Đã chuyển",
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");
      const again = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: handled.body.version,
        handling: { route: "transferred", targetBody: "UBND tỉnh", documentNumber: "36/PC-SCT" },
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "VISIT_WRONG_STATE");
      const followed = await tiepdan.post(`/api/reception/visits/${created.id}/follow-up`, {
        version: handled.body.version,
        followUp: "Công ty Điện lực đã trả lời công dân bằng văn bản ngày 20/3.",
      });
      assert.equal(followed.status, 200, JSON.stringify(followed.body));
      assert.equal(followed.body.status, "FOLLOWED_UP");

      // Corrections through PATCH keep the record valid and are versioned.
      const patched = await tiepdan.patch(`/api/reception/visits/${created.id}`, {
        version: followed.body.version,
        notes: "Công dân đề nghị trả lời qua bưu điện",
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.notes, "Công dân đề nghị trả lời qua bưu điện");
      const stalePatch = await tiepdan.patch(`/api/reception/visits/${created.id}`, {
        version: followed.body.version,
        notes: "x",
      });
      assert.equal(stalePatch.status, 409);
      const yearChange = await tiepdan.patch(`/api/reception/visits/${created.id}`, {
        version: patched.body.version,
        receivedOn: "2025-12-31",
      });
      assert.equal(yearChange.status, 400);
      assert.equal(yearChange.body.code, "VISIT_YEAR_LOCKED");
      const badGroup = await tiepdan.patch(`/api/reception/visits/${created.id}`, {
        version: patched.body.version,
        peopleCount: 6,
      });
      assert.equal(badGroup.status, 400, "6 people without representatives");
      assert.equal(badGroup.body.field, "representatives");
    });

    test("a denouncer is masked for read-only users, in lists, search and the register", async () => {
      const den = await tiepdan.post(
        "/api/reception/visits",
        visit({
          visitors: [person("Đinh Công Tráng", 777001)],
          contentKind: "denunciation",
          contentSummary: "Tố cáo cán bộ quản lý thị trường nhận tiền của hộ kinh doanh",
          fieldCode: "CT.QUAN_LY_THI_TRUONG",
        }),
      );
      assert.equal(den.status, 201, JSON.stringify(den.body));
      assert.equal(den.body.identityMasked, false, "the recording officer sees the denouncer");

      const seen = await xem.get(`/api/reception/visits/${den.body.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.identityMasked, true);
      assert.equal(seen.body.visitors[0].fullName, MASKED_DENOUNCER);
      assert.equal(seen.body.visitors[0].identity, null);
      assert.doesNotMatch(JSON.stringify(seen.body), /Tráng|777001/);
      assert.deepEqual(seen.body.actions, []);

      const byName = await xem.get("/api/reception/visits?q=dinh%20cong%20trang");
      assert.equal(byName.body.total, 0, "a search by name does not reveal the denouncer");
      const byContent = await xem.get("/api/reception/visits?q=nhan%20tien");
      assert.equal(byContent.body.total, 1);
      assert.equal(byContent.body.items[0].visitors[0].fullName, MASKED_DENOUNCER);
      // A denouncer's name is not in the search index at all (it is sealed at rest): the officer
      // finds the visit by its content and then sees the name.
      const officerByName = await tiepdan.get("/api/reception/visits?q=%C4%90inh%20c%C3%B4ng");
      assert.equal(officerByName.body.total, 0);
      const officer = await tiepdan.get("/api/reception/visits?q=nhan%20tien");
      assert.equal(officer.body.total, 1);
      assert.equal(officer.body.items[0].visitors[0].fullName, "Đinh Công Tráng");
      const stored = await t.system.database.db
        .selectFrom("reception_visit")
        .selectAll()
        .where("id", "=", den.body.id)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(stored), /Tráng|trang|777001/);

      // Issue 14: holding reception.write is no ground to see a denouncer; the leader is masked like
      // any reader, and the receiving officer's read is the audited one.
      const leader = await lanhdao.get(`/api/reception/visits/${den.body.id}`);
      assert.equal(leader.body.identityMasked, true);
      const officerRead = await tiepdan.get(`/api/reception/visits/${den.body.id}`);
      assert.equal(officerRead.body.identityMasked, false);
      const audit = await admin.get("/api/audit?action=reception.visit.identity_viewed");
      assert.ok(audit.body.items.some((e: { entityId: string }) => e.entityId === den.body.id));

      const register = await xem.get(`/api/reception/register?from=${today}&to=${today}`);
      const row = register.body.rows.find((r: { visitId: string }) => r.visitId === den.body.id);
      assert.equal(row.nameAddress, MASKED_DENOUNCER);
      assert.equal(row.identity, "");
      const officerRegister = await tiepdan.get(`/api/reception/register?from=${today}&to=${today}`);
      const officerRow = officerRegister.body.rows.find((r: { visitId: string }) => r.visitId === den.body.id);
      assert.match(officerRow.nameAddress, /Đinh Công Tráng/);
    });

    test("the list filters, sorts, pages and searches without accents", async () => {
      const all = await tiepdan.get("/api/reception/visits?pageSize=200");
      assert.ok(all.body.total >= 7);
      const found = await tiepdan.get("/api/reception/visits?q=nguyen%20van%20binh");
      assert.ok(found.body.total >= 1);
      assert.ok(
        found.body.items.every((v: { visitors: { fullName: string }[] }) =>
          v.visitors.some((p) => p.fullName === "Nguyễn Văn Bình"),
        ),
      );
      const accented = await tiepdan.get(`/api/reception/visits?q=${encodeURIComponent("BỒI THƯỜNG")}`);
      assert.equal(accented.body.total, 1);
      const crowd = await tiepdan.get("/api/reception/visits?crowd=true");
      assert.ok(crowd.body.items.every((v: { isCrowd: boolean }) => v.isCrowd));
      assert.equal(crowd.body.total, 1);
      const handled = await tiepdan.get("/api/reception/visits?status=HANDLED,FOLLOWED_UP");
      assert.ok(handled.body.items.every((v: { status: string }) => v.status !== "OPEN"));
      assert.equal(handled.body.total, 2);
      const refused = await tiepdan.get("/api/reception/visits?route=refused");
      assert.equal(refused.body.total, 1);
      const complaints = await tiepdan.get("/api/reception/visits?contentKind=complaint&fieldCode=CT.DIEN_LUC");
      assert.ok(complaints.body.items.every((v: { contentKind: string }) => v.contentKind === "complaint"));
      const bySize = await tiepdan.get("/api/reception/visits?sort=peopleCount&order=desc&pageSize=2&page=1");
      assert.equal(bySize.body.items.length, 2);
      assert.equal(bySize.body.items[0].peopleCount, 12);
      const page2 = await tiepdan.get("/api/reception/visits?sort=receivedOn&order=asc&pageSize=2&page=2");
      assert.equal(page2.body.page, 2);
      assert.equal(page2.body.items[0].seqNo, 3);
      const badQuery = await tiepdan.get("/api/reception/visits?status=WHATEVER");
      assert.equal(badQuery.status, 400);
      assert.equal(badQuery.body.field, "status.0");

      const file = await download(tiepdan, "/api/reception/visits.xlsx?contentKind=complaint");
      assert.equal(file.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.getCell("A2").value, "DANH SÁCH LƯỢT TIẾP CÔNG DÂN");
      assert.equal(sheet.getRow(5).getCell(6).value, "Nội dung vụ việc");
      const complaintsAll = await tiepdan.get("/api/reception/visits?contentKind=complaint&pageSize=200");
      assert.equal(sheet.rowCount, 5 + complaintsAll.body.total);
    });

    test("the register: 12 columns as JSON and as an Excel book in the layout of Mẫu số 03", async () => {
      const res = await tiepdan.get(`/api/reception/register?from=${today}&to=${today}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.columns.length, 12);
      assert.deepEqual(
        res.body.columns.map((c: { header: string }) => c.header),
        REGISTER_COLUMNS.map((c) => c.header),
      );
      const rows = res.body.rows as Record<string, string | number>[];
      assert.deepEqual(
        rows.map((r) => r.sequence),
        rows.map((_, i) => i + 1),
        "register order, running numbers",
      );
      const crowd = rows.find((r) => String(r.notes).includes("Đoàn đông người"))!;
      assert.match(String(crowd.nameAddress), /\(đại diện\) và 9 người khác/);
      assert.equal(crowd.classification, "Khiếu nại/12");
      const transferred = rows.find((r) => r.transferred !== "")!;
      assert.equal(transferred.transferred, "Công ty Điện lực Lào Cai; văn bản số 35/PC-SCT");
      assert.match(String(transferred.followUp), /đã trả lời/);
      const refused = rows.find((r) => String(r.notes).includes("Từ chối"))!;
      assert.match(String(refused.notes), /khoản 3 Điều 9/);

      const file = await download(tiepdan, `/api/reception/register.xlsx?from=${today}&to=${today}`);
      assert.equal(file.statusCode, 200);
      assert.match(String(file.headers["content-type"]), /spreadsheetml/);
      assert.match(String(file.headers["content-disposition"]), /attachment; filename="So-tiep-cong-dan_/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.getCell("A1").value, "SỞ CÔNG THƯƠNG TỈNH LÀO CAI");
      assert.equal(sheet.getCell("A2").value, REGISTER_TITLE);
      assert.match(String(sheet.getCell("A3").value), /^Từ ngày \d{2}\/\d{2}\/\d{4} đến ngày/);
      for (const column of REGISTER_COLUMNS) {
        const row = column.group ? 6 : 5;
        assert.equal(sheet.getRow(row).getCell(column.number).value, column.header, `column ${column.number}`);
        assert.equal(sheet.getRow(7).getCell(column.number).value, `(${column.number})`);
      }
      assert.equal(sheet.getCell("H5").value, "Hướng xử lý");
      const merges = (sheet.model as unknown as { merges: string[] }).merges;
      assert.ok(merges.includes("H5:J5"), `merged group header: ${merges.join(",")}`);
      assert.ok(merges.includes("A5:A6") && merges.includes("L5:L6"));
      assert.equal(sheet.getCell("E5").font.name, "Times New Roman");
      assert.equal(sheet.getCell("E8").font.name, "Times New Roman");
      assert.equal(sheet.getCell("E8").border.top?.style, "thin");
      assert.equal(sheet.pageSetup.orientation, "landscape");
      assert.equal(sheet.pageSetup.paperSize, 9);
      assert.equal(sheet.pageSetup.printTitlesRow, "5:7");
      assert.ok((sheet.getColumn(5).width ?? 0) > (sheet.getColumn(1).width ?? 0));
      assert.equal(sheet.getRow(8).getCell(1).value, 1);
      assert.equal(sheet.rowCount, 7 + rows.length);
      const audit = await admin.get("/api/audit?action=reception.register.exported");
      assert.equal(audit.body.total, 1);
    });

    test("schedule: create, publish, public page and iCal without a session, conclusion notice", async () => {
      const hour = 3600_000;
      const past = new Date(Date.now() - 48 * hour);
      const entry = {
        leaderName: "Nguyễn Văn Thành",
        leaderTitle: "Giám đốc Sở Công Thương tỉnh Lào Cai",
        startsAt: past.toISOString(),
        endsAt: new Date(past.getTime() + 3 * hour).toISOString(),
        place: "Phòng tiếp công dân, số 2 đường Hoàng Liên, phường Lào Cai",
        kind: "periodic",
        note: "Tiếp theo đơn của ông Nguyễn Văn Bình",
      };
      const bad = await tiepdan.post("/api/reception/schedule", { ...entry, endsAt: entry.startsAt });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "endsAt");
      const created = await tiepdan.post("/api/reception/schedule", entry);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, "draft");
      assert.ok(created.body.actions.includes("publish"));
      const future = await lanhdao.post("/api/reception/schedule", {
        ...entry,
        kind: "ad_hoc",
        startsAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
        endsAt: new Date(Date.now() + 7 * 24 * hour + 2 * hour).toISOString(),
      });
      assert.equal(future.status, 201);
      const draftOnly = await tiepdan.post("/api/reception/schedule", { ...entry, leaderName: "Chưa Công Bố" });
      assert.equal(draftOnly.status, 201);

      const anon = t.anonymous();
      const empty = await anon.get("/api/public/reception-schedule?agency=LC.SCT");
      assert.equal(empty.status, 200);
      assert.equal(empty.body.items.length, 0, "drafts are not public");

      const published = await tiepdan.post(`/api/reception/schedule/${created.body.id}/publish`, {
        version: created.body.version,
      });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.status, "published");
      assert.ok(published.body.publishedAt);
      const twice = await tiepdan.post(`/api/reception/schedule/${created.body.id}/publish`, {
        version: published.body.version,
      });
      assert.equal(twice.body.code, "SCHEDULE_WRONG_STATUS");
      const futurePublished = await lanhdao.post(`/api/reception/schedule/${future.body.id}/publish`, {
        version: future.body.version,
      });
      assert.equal(futurePublished.status, 200);

      const calendar = await tiepdan.get(`/api/reception/schedule?from=${addDays(today, -3)}&to=${addDays(today, 10)}`);
      assert.equal(calendar.body.total, 3);
      const onlyPublished = await tiepdan.get("/api/reception/schedule?status=published&sort=startsAt&order=desc");
      assert.equal(onlyPublished.body.total, 2);
      assert.equal(onlyPublished.body.items[0].id, future.body.id);
      const searched = await tiepdan.get("/api/reception/schedule?q=chua%20cong%20bo");
      assert.equal(searched.body.total, 1);

      const pub = await anon.get("/api/public/reception-schedule?agency=LC.SCT");
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.agencyName, "Sở Công Thương tỉnh Lào Cai");
      assert.equal(pub.body.items.length, 2);
      assert.doesNotMatch(JSON.stringify(pub.body), /Bình|Chưa Công Bố|note|version/);
      const unknown = await anon.get("/api/public/reception-schedule?agency=KHONG.CO");
      assert.equal(unknown.status, 404);
      const noAgency = await anon.get("/api/public/reception-schedule");
      assert.equal(noAgency.status, 400);
      assert.equal(noAgency.body.field, "agency");

      const ics = await t.app.inject({ method: "GET", url: "/api/public/reception-schedule.ics?agency=LC.SCT" });
      assert.equal(ics.statusCode, 200);
      assert.match(String(ics.headers["content-type"]), /^text\/calendar/);
      const cal = parseICal(ics.body);
      assert.equal(cal.name, "VCALENDAR");
      assert.deepEqual(cal.props.get("VERSION"), ["2.0"]);
      assert.ok(cal.props.get("PRODID"));
      const events = cal.children.filter((c) => c.name === "VEVENT");
      assert.equal(events.length, 2);
      const uids = new Set(events.map((e) => e.props.get("UID")?.[0]));
      assert.equal(uids.size, 2);
      for (const e of events) {
        for (const prop of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"]) {
          assert.equal(e.props.get(prop)?.length, 1, `${prop} once`);
        }
        for (const prop of ["DTSTAMP", "DTSTART", "DTEND"]) assert.match(e.props.get(prop)![0]!, /^\d{8}T\d{6}Z$/);
        assert.equal(unescapeText(e.props.get("LOCATION")![0]!), entry.place);
      }
      const periodic = events.find((e) => e.props.get("UID")![0]!.includes(created.body.id))!;
      assert.equal(
        unescapeText(periodic.props.get("SUMMARY")![0]!),
        "Giám đốc Sở Công Thương tỉnh Lào Cai Nguyễn Văn Thành tiếp công dân định kỳ",
      );
      assert.equal(
        periodic.props.get("DTSTART")![0],
        past
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z")
          .replace(/[-:]/g, ""),
      );
      assert.ok(ics.body.includes("\r\n "), "long Vietnamese lines are folded");

      // The head's notice of conclusions: a TCD-KL draft linked to the entry.
      const conclusionBody = {
        version: published.body.version,
        citizens: [{ honorific: "Ông", fullName: "Nguyễn Văn Bình", address: "phường Lào Cai" }],
        summary: "Công dân kiến nghị cấp điện sinh hoạt cho khu dân cư mới.",
        conclusions: ["Giao Công ty Điện lực Lào Cai khảo sát, cấp điện trong quý II"],
        assignments: [
          { unit: "Phòng Quản lý năng lượng", task: "đôn đốc, báo cáo kết quả", dueOn: addDays(today, 30) },
        ],
      };
      const badDue = await tiepdan.post(`/api/reception/schedule/${created.body.id}/conclusion`, {
        ...conclusionBody,
        assignments: [{ unit: "Phòng X", task: "làm việc", dueOn: addDays(today, -10) }],
      });
      assert.equal(badDue.status, 400);
      assert.equal(badDue.body.field, "assignments.0.dueOn");
      const concluded = await tiepdan.post(`/api/reception/schedule/${created.body.id}/conclusion`, conclusionBody);
      assert.equal(concluded.status, 201, JSON.stringify(concluded.body));
      assert.equal(concluded.body.schedule.status, "held");
      assert.equal(concluded.body.schedule.conclusionDocumentId, concluded.body.document.id);
      assert.equal(concluded.body.document.formCode, "TCD-KL");
      assert.equal(concluded.body.document.status, "draft");
      assert.equal(concluded.body.document.entityType, "reception_schedule");
      assert.equal(concluded.body.document.entityId, created.body.id);
      assert.deepEqual(concluded.body.document.fields.chairedBy, {
        name: "Nguyễn Văn Thành",
        position: "Giám đốc Sở Công Thương tỉnh Lào Cai",
      });
      assert.equal(concluded.body.document.fields.receptionKind, "periodic");
      const doc = await tiepdan.get(`/api/documents?entityType=reception_schedule&entityId=${created.body.id}`);
      assert.equal(doc.body.items.length, 1);
      const again = await tiepdan.post(`/api/reception/schedule/${created.body.id}/conclusion`, {
        ...conclusionBody,
        version: concluded.body.schedule.version,
      });
      assert.equal(again.body.code, "SCHEDULE_CONCLUSION_EXISTS");
      const notYet = await lanhdao.post(`/api/reception/schedule/${future.body.id}/conclusion`, {
        ...conclusionBody,
        version: futurePublished.body.version,
      });
      assert.equal(notYet.body.code, "SCHEDULE_NOT_HELD_YET");

      // Cancelling a published entry shows the cancellation in the feed.
      const cancelled = await lanhdao.patch(`/api/reception/schedule/${future.body.id}`, {
        version: futurePublished.body.version,
        status: "cancelled",
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const after = parseICal(
        (await t.app.inject({ method: "GET", url: "/api/public/reception-schedule.ics?agency=LC.SCT" })).body,
      );
      const cancelledEvent = after.children.find((e) => e.props.get("UID")![0]!.includes(future.body.id))!;
      assert.deepEqual(cancelledEvent.props.get("STATUS"), ["CANCELLED"]);
      const editCancelled = await lanhdao.patch(`/api/reception/schedule/${future.body.id}`, {
        version: cancelled.body.version,
        place: "Nơi khác",
      });
      assert.equal(editCancelled.body.code, "SCHEDULE_WRONG_STATUS");

      const file = await download(tiepdan, "/api/reception/schedule.xlsx");
      assert.equal(file.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      assert.equal(workbook.worksheets[0]!.rowCount, 5 + 3);
    });

    test("a visit's letter becomes a petition in one step", async () => {
      const created = (
        await tiepdan.post(
          "/api/reception/visits",
          visit({
            contentKind: "complaint",
            respondentName: "Chi cục Quản lý thị trường",
            respondentAddress: "",
          }),
        )
      ).body;
      assert.equal(created.respondentName, "Chi cục Quản lý thị trường");
      assert.equal(created.respondentAddress, null, "an empty optional field is not given");
      const res = await tiepdan.post(`/api/reception/visits/${created.id}/petition`, { version: created.version });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(res.body.petition.code, /^LC\.SCT-\d{4}-\d{6}$/);
      assert.equal(res.body.visit.petitionId, res.body.petition.id);
      assert.ok(!res.body.visit.actions.includes("create_petition"));
      const petition = await tiepdan.get(`/api/petitions/${res.body.petition.id}`);
      assert.equal(petition.status, 200, JSON.stringify(petition.body));
      assert.equal(petition.body.channel, "in_person");
      assert.equal(petition.body.visitId, created.id);
      // What reception recorded travels with the letter: the classification starts from it.
      assert.deepEqual(petition.body.fromReception, {
        contentKind: "complaint",
        competence: created.competence ?? null,
      });
      // …and so does the respondent the citizen named: not asked again, not "—" until the decision.
      assert.deepEqual(
        petition.body.respondents.map((r: { name: string }) => r.name),
        ["Chi cục Quản lý thị trường"],
      );
      assert.match(JSON.stringify(petition.body), /Nguyễn Văn Bình/);
      const twice = await tiepdan.post(`/api/reception/visits/${created.id}/petition`, {
        version: res.body.visit.version,
      });
      assert.equal(twice.body.code, "VISIT_ALREADY_PETITION");
      // Handling later keeps the link.
      const handled = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: res.body.visit.version,
        handling: { route: "accepted" },
      });
      assert.equal(handled.status, 400, "competence not given yet");
      const withCompetence = await tiepdan.patch(`/api/reception/visits/${created.id}`, {
        version: res.body.visit.version,
        competence: "within",
      });
      const accepted = await tiepdan.post(`/api/reception/visits/${created.id}/handle`, {
        version: withCompetence.body.version,
        handling: { route: "accepted" },
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.handling.petitionId, res.body.petition.id);
      // A leader has reception.write but not petition.write.
      const other = (await tiepdan.post("/api/reception/visits", visit())).body;
      assert.ok(!(await lanhdao.get(`/api/reception/visits/${other.id}`)).body.actions.includes("create_petition"));
      const leader = await lanhdao.post(`/api/reception/visits/${other.id}/petition`, { version: other.version });
      assert.equal(leader.status, 403);
    });

    test("scope: another agency's officer gets 403; no session gets 401; read-only users cannot write", async () => {
      const snnmt = await t.login("admin.snnmt");
      const mine = (await tiepdan.get("/api/reception/visits?pageSize=1")).body.items[0];
      assert.equal((await snnmt.get("/api/reception/visits")).status, 403, "admin has no reception permission");
      const created = await snnmt.post("/api/users", {
        username: "tiepdan.snnmt",
        fullName: "Hà Văn Tiếp",
        agencyId: agencies.get("LC.SNNMT"),
        roles: ["reception_officer"],
        password: "MatKhau2026x",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const outsider = await t.login("tiepdan.snnmt", "MatKhau2026x");
      const get = await outsider.get(`/api/reception/visits/${mine.id}`);
      assert.equal(get.status, 403);
      assert.equal(get.body.code, "OUT_OF_SCOPE");
      const patch = await outsider.patch(`/api/reception/visits/${mine.id}`, { version: mine.version, notes: "x" });
      assert.equal(patch.status, 403);
      const handle = await outsider.post(`/api/reception/visits/${mine.id}/handle`, {
        version: mine.version,
        handling: { route: "accepted" },
      });
      assert.equal(handle.status, 403);
      assert.equal((await outsider.get("/api/reception/visits")).body.total, 0);
      const register = await outsider.get(`/api/reception/register?agencyId=${agencies.get("LC.SCT")}`);
      assert.equal(register.status, 403);
      assert.equal(register.body.field, "agencyId");
      const own = await outsider.post("/api/reception/visits", visit({ receiverName: "Hà Văn Tiếp" }));
      assert.equal(own.status, 201);
      assert.equal(own.body.seqNo, 1, "each agency numbers its own register");
      assert.equal((await tiepdan.get(`/api/reception/visits/${own.body.id}`)).status, 403);

      const anon = t.anonymous();
      assert.equal((await anon.get("/api/reception/visits")).status, 401);
      assert.equal((await anon.post("/api/reception/visits", visit())).status, 401);
      assert.equal((await anon.get("/api/reception/register.xlsx")).status, 401);
      const readOnly = await xem.post("/api/reception/visits", visit());
      assert.equal(readOnly.status, 403);
      assert.equal(readOnly.body.code, "FORBIDDEN");
      assert.equal((await xem.get("/api/reception/visits")).status, 200);
    });
  });
}

test("iCal folding never splits a character and keeps lines within 75 octets", () => {
  const line = `SUMMARY:${"Lãnh đạo tiếp công dân định kỳ ".repeat(8)}`;
  const folded = foldLine(line);
  for (const part of folded.split("\r\n")) assert.ok(Buffer.byteLength(part, "utf8") <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), line);
});
