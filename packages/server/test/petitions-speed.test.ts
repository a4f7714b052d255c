/**
 * The petition list after its speed work (0010_petition_speed.sql, scope resolved before the
 * query, count skipped when the page tells it): the same rows in the same order, and the same
 * totals, as the plain query over `inScope` — for one agency, a one-agency subtree and a subtree
 * of several agencies, every sort, forward and back, and pages past the end. Behaviour only:
 * timing belongs to the benchmark.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { grantsOf } from "@minhbach/domain";
import type { PetitionListQuery } from "@minhbach/domain/api/petitions";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../src/db/schema.ts";
import { letterColumns, simhashOf } from "../src/modules/petitions/facts.ts";
import { openLetterTexts } from "../src/modules/identity/letter-texts.ts";
import { readParties } from "../src/modules/identity/parties.ts";
import type { AuthContext } from "../src/platform/access.ts";
import { inScope } from "../src/platform/access.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { filteredPetitions, listPetitions } from "../src/modules/petitions/list.ts";
import { SAMPLE, SEARCH_LIMITS, isCommonMatch } from "../src/modules/petitions/search/limits.ts";
import { forgetSearchStatistics } from "../src/modules/petitions/search/statistics.ts";
import { slipsOf } from "../src/modules/petitions/search/typos.ts";
import { rememberWords } from "../src/modules/petitions/search/vocabulary.ts";
import { DUPLICATE_LIMITS, duplicateCandidateIds, findDuplicates } from "../src/modules/petitions/duplicates.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

const NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
const RESPONDENTS = ["UBND xã Bắc Hà", "Công ty TNHH Minh Phát", "Cửa hàng xăng dầu Số 2"];

function body(i: number) {
  const day = String(1 + (i % 9)).padStart(2, "0"); // many petitions share a day: ties broken by id
  return {
    channel: "post" as const,
    receivedOn: `2026-0${1 + (i % 3)}-${day}`,
    petitioners: [
      {
        kind: "person" as const,
        fullName: NAMES[i % NAMES.length]!,
        address: `Thôn ${i % 4}, xã Bắc Hà, tỉnh Lào Cai`,
      },
    ],
    anonymous: false,
    impersonated: false,
    respondents: [{ name: RESPONDENTS[i % RESPONDENTS.length]! }],
    content: `Đề nghị kiểm tra việc số ${i % 7}: cửa hàng bán hàng không rõ nguồn gốc, người dân phản ánh nhiều lần.`,
    language: "vi" as const,
    attachments: [],
  };
}

/**
 * Classifies rows as the service stores a classified letter: the kind, and the texts, list and
 * search columns of that kind (a letter not yet classified keeps its writers out of them).
 */
async function classifyRows(
  kdb: Kysely<DB>,
  kind: "complaint" | "denunciation",
  where: RawBuilder<boolean>,
  extra: { state?: string } = {},
) {
  const rows = await kdb.selectFrom("petition").selectAll().where(where).execute();
  for (const row of rows) {
    const parties = await readParties(kdb, row.id);
    const columns = letterColumns(row, openLetterTexts(row), kind, parties);
    await kdb.transaction().execute(async (trx) => {
      await trx
        .updateTable("petition")
        .set({ ...extra, kind, ...columns })
        .where("id", "=", row.id)
        .execute();
      if (kind !== "denunciation") await rememberWords(trx, columns.search_text);
    });
  }
}

function query(over: Partial<PetitionListQuery> = {}): PetitionListQuery {
  return { page: 1, pageSize: 12, sort: "receivedOn", order: "desc", ...over } as PetitionListQuery;
}

test("search: a match common in the whole table is walked when the scope's sample agrees within half", () => {
  const saved = SEARCH_LIMITS.commonShare;
  try {
    SEARCH_LIMITS.commonShare = 0.2;
    // "thị trường" at a million letters: 17,5 % of the sample, 21,7 % of the table.
    assert.equal(isCommonMatch(0.175, 0.2165), true);
    assert.equal(isCommonMatch(0.25, 0), true);
    // Common elsewhere, rare in the scope's letters; rare everywhere.
    assert.equal(isCommonMatch(0.05, 0.3), false);
    assert.equal(isCommonMatch(0.175, 0.1), false);
  } finally {
    SEARCH_LIMITS.commonShare = saved;
  }
});

for (const db of testDatabases()) {
  describe(`petition list speed work keeps results (${db.kind})`, () => {
    let t: TestApp;
    let own: AuthContext;
    let leader: AuthContext;
    let province: AuthContext;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      const agencies = await kdb.selectFrom("agency").select(["id", "code", "path"]).execute();
      const byCode = (code: string) => agencies.find((a) => a.code === code)!;
      const sct = byCode("LC.SCT");
      const root = byCode("LC.UBND"); // the province: its subtree holds SCT, SNNMT and TT
      const base = {
        sessionId: "s",
        csrfToken: "c",
        userId: "00000000-0000-0000-0000-000000000000",
        username: "x",
        fullName: "x",
      };
      own = {
        ...base,
        agencyId: sct.id,
        agencyPath: sct.path,
        roles: ["petition_handler"],
        grants: grantsOf(["petition_handler"]),
      };
      leader = { ...base, agencyId: sct.id, agencyPath: sct.path, roles: ["leader"], grants: grantsOf(["leader"]) };
      province = { ...base, agencyId: root.id, agencyPath: root.path, roles: ["leader"], grants: grantsOf(["leader"]) };
      const targets = [sct, sct, byCode("LC.SNNMT"), byCode("LC.TT")];
      for (const [n, agency] of targets.entries()) {
        await receiveMany(
          kdb,
          SYSTEM_ACTOR,
          agency.id,
          Array.from({ length: 14 }, (_, i) => body(n * 14 + i)),
        );
      }
      // Some rows without a deadline, some in other states and kinds, so every sort has ties and nulls.
      await sql`update petition set due_on = null where seq_no % 5 = 0`.execute(kdb);
      await classifyRows(kdb, "complaint", sql<boolean>`seq_no % 3 = 0`, { state: "CLASSIFIED" });
      await classifyRows(kdb, "denunciation", sql<boolean>`seq_no % 4 = 1`);
    });
    after(() => t.close());

    /** The plain query the list answered before: scope by `inScope`, sort column then id. */
    async function reference(auth: AuthContext, q: PetitionListQuery) {
      const kdb = t.system.database.db;
      const column = { receivedOn: "received_on", due: "due_on", status: "state", kind: "kind" }[q.sort];
      const dir = q.order === "asc" ? sql`asc` : sql`desc`;
      const nulls = column === "due_on" ? sql`nulls last` : sql``;
      let b = kdb
        .selectFrom("petition as p")
        .select("p.id")
        .where(inScope(auth, "petition.read", "p.agency_id"));
      if (q.status?.length) b = b.where("p.state", "in", q.status);
      if (q.kind?.length) b = b.where("p.kind", "in", q.kind);
      if (q.from) b = b.where("p.received_on", ">=", q.from);
      const rows = await b
        .orderBy(sql`${sql.ref(`p.${column}`)} ${dir} ${nulls}`)
        .orderBy("p.id", q.order)
        .execute();
      return rows.map((r) => r.id);
    }

    async function walk(auth: AuthContext, q: PetitionListQuery) {
      const kdb = t.system.database.db;
      const expected = await reference(auth, q);
      const seen: string[] = [];
      const pages = Math.ceil(expected.length / q.pageSize) + 1; // one past the end
      for (let page = 1; page <= pages; page++) {
        const res = await listPetitions(kdb, auth, { ...q, page });
        assert.equal(res.total, expected.length, `total on page ${page}`);
        assert.equal(res.totalCapped, false);
        seen.push(...res.items.map((r) => r.id));
      }
      assert.deepEqual(seen, expected);
      return expected.length;
    }

    test("every sort and order, for one agency, a one-agency subtree and a subtree of several", async () => {
      for (const auth of [own, leader, province]) {
        for (const sort of ["receivedOn", "due", "status", "kind"] as const) {
          for (const order of ["asc", "desc"] as const) {
            await walk(auth, query({ sort, order }));
          }
        }
      }
      // The province's subtree holds the other agencies' petitions too.
      assert.ok((await walk(province, query())) > (await walk(own, query())));
    });

    test("filters by state, kind and date keep the same rows and totals", async () => {
      for (const auth of [own, province]) {
        await walk(auth, query({ status: ["REGISTERED"], kind: ["denunciation"], from: "2026-02-01" } as never));
        await walk(auth, query({ status: ["CLASSIFIED", "REGISTERED"], sort: "due", order: "asc" } as never));
      }
    });

    test("a page past the end is empty and still counts the matches; an empty scope is 0", async () => {
      const kdb = t.system.database.db;
      const all = await reference(own, query());
      const far = await listPetitions(kdb, own, query({ page: 50 }));
      assert.deepEqual(far.items, []);
      assert.equal(far.total, all.length);
      const none = await listPetitions(kdb, own, query({ status: ["DESTROYED"] } as never));
      assert.equal(none.total, 0);
      assert.deepEqual(none.items, []);
    });

    test("the filter step's plan: a subtree's per-agency merge, a search's walk and how it found its match", async () => {
      const kdb = t.system.database.db;
      const plain = await filteredPetitions(kdb, own, query());
      assert.equal(plain.search, null);
      assert.equal(plain.rows.perAgency, null);
      assert.ok((await filteredPetitions(kdb, province, query())).rows.perAgency!.agencies.length > 1);
      // A needle of no letter or digit searches nothing.
      assert.equal((await filteredPetitions(kdb, own, query({ q: "!?" } as never))).search, null);
      await classifyRows(kdb, "complaint", sql<boolean>`kind is null`);
      const searched = await filteredPetitions(kdb, province, query({ q: "Trần Thị Bích" } as never));
      assert.deepEqual(searched.search?.searchedAs, { way: "phrase", needle: "tran thi bich" });
      assert.ok(searched.search.walk.perAgency!.agencies.length > 1);
      // Without the list's page to count for, the search's probe counts nothing.
      assert.equal(searched.search.probed, null);
      const nowhere = await filteredPetitions(kdb, own, query({ q: "zzqxw" } as never));
      assert.equal(nowhere.search?.searchedAs, null);
    });

    test("search by name keeps the list's order and totals across pages", async () => {
      const kdb = t.system.database.db;
      // Letters not yet classified are searched by text only by their own handlers (they may be
      // denunciations): classify the generated ones so the province's leader searches them all.
      await classifyRows(kdb, "complaint", sql<boolean>`kind is null`);
      const q = query({ q: "tran thi bich", pageSize: 5 } as never);
      const first = await listPetitions(kdb, province, q);
      assert.ok(first.total > 5);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(first.total / 5) + 1; page++) {
        const res = await listPetitions(kdb, province, { ...q, page });
        assert.equal(res.total, first.total);
        seen.push(...res.items.map((r) => r.id));
      }
      const all = await reference(province, query());
      const ranked = seen.map((id) => all.indexOf(id));
      assert.equal(new Set(seen).size, first.total);
      assert.ok(
        ranked.every((r, i) => r >= 0 && (i === 0 || ranked[i - 1]! < r)),
        "same order as the list",
      );
    });

    test("search: pages sorted out of the counted matches and pages walked past the cap are the same", async () => {
      const kdb = t.system.database.db;
      await classifyRows(kdb, "complaint", sql<boolean>`kind is null`);
      const saved = { ...SEARCH_LIMITS };
      const sampleRows = SAMPLE.rows;
      // The planner's statistics, as a server's automatic analyze keeps them.
      await sql`analyze petition`.execute(kdb);
      forgetSearchStatistics(kdb);
      // The default cap (everything counted), then one small enough for these few rows to be
      // found beyond it: by sorting all matches, by walking the list, as the estimate chooses,
      // on the first page and past the cap.
      // A match is also counted by walking the list when it is common among the newest letters:
      // never (share above 1) or always (share 0).
      const settings = [
        saved,
        { cap: 3, beyondCap: "sort" as const, commonShare: 2 },
        { cap: 3, beyondCap: "walk" as const, commonShare: 2 },
        { cap: 3, beyondCap: "estimate" as const, commonShare: 2, sortUpTo: 0 },
        { cap: 3, commonShare: 0 },
        { ...saved, commonShare: 0 },
        // No newest letter tested (the match is unseen): all matches in one scan, or more than it reads.
        { cap: 3, commonShare: 2, sortUpTo: 1000, sample: 0 },
        { cap: 3, commonShare: 2, sortUpTo: 5, sample: 0 },
        // Some of the newest letters hold it, few enough for the table's size (a walk made dear):
        // one scan too.
        { cap: 3, commonShare: 2, sortUpTo: 1000, walkedRowCost: 100 },
      ];
      try {
        for (const auth of [own, province]) {
          const order = await reference(auth, query());
          for (const needle of ["tran thi bich", "tran thi"]) {
            let expected: string[] | null = null;
            for (const { sample, ...limits } of settings as (Partial<typeof SEARCH_LIMITS> & { sample?: number })[]) {
              Object.assign(SEARCH_LIMITS, limits);
              SAMPLE.rows = sample ?? sampleRows;
              const seen: string[] = [];
              for (let page = 1; page <= 40; page++) {
                const res = await listPetitions(kdb, auth, query({ q: needle, pageSize: 2, page } as never));
                if (!res.items.length) break;
                seen.push(...res.items.map((r) => r.id));
              }
              const ranks = seen.map((id) => order.indexOf(id));
              assert.ok(
                ranks.every((r, i) => r >= 0 && (i === 0 || ranks[i - 1]! < r)),
                `list order with ${JSON.stringify(limits)}`,
              );
              expected ??= seen;
              assert.deepEqual(seen, expected, `${needle}: ${JSON.stringify(limits)}`);
            }
            assert.ok(expected!.length > 3);
          }
        }
      } finally {
        Object.assign(SEARCH_LIMITS, saved);
        SAMPLE.rows = sampleRows;
      }
    });

    test("search: a match probed for is counted by its probe, with the pages and totals of the right spelling", async () => {
      const kdb = t.system.database.db;
      await classifyRows(kdb, "complaint", sql<boolean>`kind is null`);
      const saved = { ...SEARCH_LIMITS };
      const sampleRows = SAMPLE.rows;
      // No newest letter tested: every match is probed for through its index, and that probe
      // (of the phrase, or of a reading of the slip) counts the matches and sorts the page.
      SAMPLE.rows = 0;
      const pages = async (auth: AuthContext, needle: string) => {
        const seen: string[] = [];
        const totals = new Set<number>();
        for (let page = 1; page <= 40; page++) {
          const res = await listPetitions(kdb, auth, query({ q: needle, pageSize: 2, page } as never));
          totals.add(res.total);
          if (!res.items.length) break;
          seen.push(...res.items.map((r) => r.id));
        }
        return { seen, totals: [...totals] };
      };
      try {
        for (const auth of [own, province]) {
          Object.assign(SEARCH_LIMITS, saved);
          const right = await pages(auth, "tran thi bich");
          assert.ok(right.seen.length > 3);
          assert.deepEqual(right.totals, [right.seen.length]);
          for (const limits of [
            {},
            { cap: 3, commonShare: 2 },
            { cap: 3, beyondCap: "sort" as const },
            { cap: 3, beyondCap: "walk" as const },
          ]) {
            Object.assign(SEARCH_LIMITS, saved, limits);
            for (const needle of ["tran thi bich", "tran thii bich", "trn thi bich", "tran thi bch"]) {
              const got = await pages(auth, needle);
              assert.deepEqual(got.seen, right.seen, `${needle}: ${JSON.stringify(limits)}`);
              const cap = SEARCH_LIMITS.cap;
              assert.ok(
                got.totals.every((n) => n === Math.min(right.seen.length, cap)),
                `${needle}: totals ${got.totals.join(", ")} with ${JSON.stringify(limits)}`,
              );
            }
          }
        }
      } finally {
        Object.assign(SEARCH_LIMITS, saved);
        SAMPLE.rows = sampleRows;
      }
    });

    test("search: a name is a phrase; its syllables anywhere only when the phrase is nowhere", async () => {
      const kdb = t.system.database.db;
      const letter = (i: number, fullName: string, content: string) => ({
        ...body(i),
        petitioners: [{ kind: "person" as const, fullName, address: "Thôn 2, xã Mường Khương" }],
        content,
      });
      const [byName, inText, scattered] = await receiveMany(kdb, SYSTEM_ACTOR, own.agencyId, [
        letter(1, "Vũ Đình Khôi", "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất cho gia đình tôi."),
        letter(2, "Lý Thị Mai", "Ông Vũ Đình Khôi ở thôn bên lấn chiếm lối đi chung của xóm."),
        letter(3, "Lý Thị Mai", "Ông Khôi đã đình chỉ việc sửa đường, nhà họ Vũ không được đi qua."),
      ]);
      // Classified: a letter not yet classified keeps its writer out of its search text.
      await classifyRows(kdb, "complaint", sql<boolean>`kind is null`);
      const search = async (q: string) =>
        (await listPetitions(kdb, own, query({ q, pageSize: 50 } as never))).items.map((r) => r.id).sort();
      // "vũ", "đình" and "khôi" are all in the third letter, but not as the name.
      assert.deepEqual(await search("Vũ Đình Khôi"), [byName!.id, inText!.id].sort());
      assert.deepEqual(await search("vu dinh khoi"), [byName!.id, inText!.id].sort());
      // No letter holds "khôi đình vũ": every letter with the three syllables anywhere.
      assert.deepEqual(await search("khoi dinh vu"), [byName!.id, inText!.id, scattered!.id].sort());
      // More syllables than the index is asked for: the others are tested on each letter.
      assert.deepEqual(await search("xóm chung khôi đình vũ"), [inText!.id]);
      assert.deepEqual(await search("vũ đình khôi thôn bên xóm chung"), [inText!.id]);
      // A mistyped syllable is corrected to a known one, then searched the same way.
      assert.deepEqual(await search("vu dinh khoii"), [byName!.id, inText!.id].sort());
      // The list says how it searched, where that was not the words as typed.
      const searchedAs = async (q?: string) =>
        (await listPetitions(kdb, own, query({ ...(q ? { q } : {}), pageSize: 50 } as never))).searchedAs;
      assert.deepEqual(await searchedAs("Vũ Đình Khôi"), { way: "phrase", needle: "vu dinh khoi" });
      assert.deepEqual(await searchedAs("Vũ Đình Kh"), { way: "prefix", needle: "vu dinh kh" });
      assert.deepEqual(await searchedAs("vu dinh khoii"), { way: "corrected", needle: "vu dinh khoi" });
      assert.deepEqual(await searchedAs("khoi dinh vu"), { way: "words", needle: "khoi dinh vu" });
      // Two slips in one word: no reading one slip away; the nearest known word by its trigrams.
      assert.deepEqual(await searchedAs("Vũ Đình Khooiii"), { way: "nearest", needle: "vu dinh khoi" });
      assert.equal(await searchedAs("zzqxw"), null);
      assert.equal(await searchedAs(), null);
    });

    test("search: a slip is read by the words around it", async () => {
      const kdb = t.system.database.db;
      const about = (i: number, respondent: string, content: string) => ({
        ...body(i),
        respondents: [{ name: respondent }],
        content,
      });
      const [shop, sieve, power, market] = await receiveMany(kdb, SYSTEM_ACTOR, own.agencyId, [
        about(11, "Cửa hàng vật tư Phúc Lâm", "Cửa hàng bán phân bón giả, không có hóa đơn."),
        about(12, "Hộ kinh doanh Lò Văn Sàng", "Máy sàng cát đặt sát nhà dân, bụi và ồn cả ngày."),
        about(13, "Công ty Điện lực Lào Cai", "Hóa đơn tiền điện tháng 5 tăng gấp ba so với tháng trước."),
        about(14, "Đội Quản lý thị trường số 3", "Đội không xử lý cơ sở bán hàng giả dù đã được báo."),
      ]);
      const search = async (q: string) =>
        (await listPetitions(kdb, own, query({ q, pageSize: 50 } as never))).items.map((r) => r.id);
      // "àng" drops the h of "hàng"; "sàng" is a word too, but "cửa sàng" is in no letter.
      assert.deepEqual(await search("Cửa àng vật tư Phúc Lâm"), [shop!.id]);
      assert.ok(!(await search("Cửa àng vật tư Phúc Lâm")).includes(sieve!.id));
      // Two words run together.
      assert.deepEqual(await search("Côngty Điện lực Lào Cai"), [power!.id]);
      // A first letter dropped from a word that is then no word at all.
      assert.deepEqual(await search("Đội uản lý thị trường số 3"), [market!.id]);
      // Readings one slip away: dropped, added, replaced, swapped letters, and a split.
      // Every pair of the slip is in some letter ("bà Tần", "Tần Thị"), the whole in none.
      const [lan] = await receiveMany(kdb, SYSTEM_ACTOR, own.agencyId, [
        about(15, "bà Trần Thị Lý", "Bà bán hàng rong chiếm vỉa hè trước cổng chợ."),
        about(16, "bà Tần Thị Hoa", "Cơ sở may mặc xả khói bụi ra khu dân cư."),
      ]);
      assert.deepEqual(await search("bà Tần Thị Lý"), [lan!.id]);
      // A letter dropped from a word, leaving one letter: the word inside the needle is suspected
      // before the one at its start, whose readings ("bao", "ma", "lá"…) a large vocabulary holds
      // by the dozen and which would fill the tries before "vũ" is reached.
      const near = slipsOf("ba").filter((w) => !w.includes(" "));
      await sql`insert into search_word (word) select unnest(${near}::text[]) on conflict do nothing`.execute(kdb);
      const [thu] = await receiveMany(kdb, SYSTEM_ACTOR, own.agencyId, [
        about(17, "bà Vũ Thị Thư, công chức địa chính", "Bà Thư không tiếp nhận hồ sơ đăng ký đất đai."),
        about(18, "bà Vi Thị Thư", "Cơ sở xay xát gạo gây tiếng ồn ban đêm."),
      ]);
      assert.deepEqual(await search("bà V Thị Thư, công chức địa chính"), [thu!.id]);
      const slips = slipsOf("ang");
      for (const reading of ["hang", "ag", "anng", "ong", "nag", "a ng"]) assert.ok(slips.includes(reading), reading);
      assert.ok(!slips.includes("ang"));
    });

    test("duplicates: a popular respondent still yields the most recent candidates, scored", async () => {
      const kdb = t.system.database.db;
      const b = body(3);
      const found = await findDuplicates(kdb, own, {
        petitioners: b.petitioners,
        respondents: b.respondents,
        content: b.content,
      });
      assert.ok(found.length >= 1);
      assert.ok(found.every((f, i) => i === 0 || found[i - 1]!.score >= f.score));
    });

    test("duplicates: an anonymous letter sent again is found by its wording alone", async () => {
      const kdb = t.system.database.db;
      const words =
        "Tôi không dám ghi tên vì sợ bị trù dập. Trạm trộn bê tông ở cuối thôn Lùng Phình xả nước thải " +
        "xuống suối Nậm Sán từ tháng 3, cá chết trắng suối, dân phải mua nước uống; cán bộ xã biết mà không xử lý.";
      const [first] = await receiveMany(kdb, SYSTEM_ACTOR, own.agencyId, [
        { ...body(5), anonymous: true, petitioners: [], respondents: [], content: words },
      ]);
      const found = await findDuplicates(kdb, own, {
        petitioners: [],
        respondents: [],
        content: words.replace("từ tháng 3", "từ tháng ba"),
      });
      assert.equal(found[0]?.id, first!.id, JSON.stringify(found));
      assert.ok(found[0]!.reasons.some((r) => /Nội dung giống nhau/.test(r)));
    });

    test("duplicates: a letter one bit away is found among a crowd sharing its bands", async () => {
      const kdb = t.system.database.db;
      const words =
        "Cơ sở giết mổ gia súc ở đầu bản Pha Long xả chất thải ra mương tưới, ruộng lúa của 12 hộ " +
        "bị chết vàng; đã báo trưởng bản nhiều lần nhưng chưa được xử lý.";
      const own64 = simhashOf(words);
      const letters = await receiveMany(
        kdb,
        SYSTEM_ACTOR,
        own.agencyId,
        Array.from({ length: 31 }, (_, i) => ({ ...body(i), content: `Thư số ${i} về việc khác hẳn.` })),
      );
      // The one bit apart (the top bit of band 2), and thirty letters sharing bands 0 and 1 with it
      // and random in the rest: in band 0's order they stand between the letter and its near twin.
      const flipped = own64.slice(0, 8) + (parseInt(own64[8]!, 16) ^ 8).toString(16) + own64.slice(9);
      let x = 12345;
      const random16 = () =>
        Array.from({ length: 4 }, () => {
          x = (x * 1103515245 + 12345) % 2147483648;
          return (x >> 16) % 16;
        })
          .map((d) => d.toString(16))
          .join("");
      const [twin, ...crowd] = letters;
      await sql`update petition set content_simhash = ${flipped} where id = ${twin!.id}`.execute(kdb);
      for (const letter of crowd)
        await sql`update petition set content_simhash = ${own64.slice(0, 8) + random16() + random16()}
          where id = ${letter.id}`.execute(kdb);
      const window = DUPLICATE_LIMITS.window;
      DUPLICATE_LIMITS.window = 3;
      try {
        const ids = await duplicateCandidateIds(kdb, [], [], own64);
        assert.ok(ids.includes(twin!.id), "the near twin is a candidate");
        assert.ok(ids.length <= 20);
      } finally {
        DUPLICATE_LIMITS.window = window;
      }
    });

    test("duplicates: the same writer's old letter is found behind many newer ones about the same respondent", async () => {
      const kdb = t.system.database.db;
      const sct = own.agencyId;
      const writer = {
        kind: "person" as const,
        fullName: "Đỗ Thị Hằng",
        address: "Thôn 9, xã Si Ma Cai, tỉnh Lào Cai",
      };
      const letter = (i: number, person: typeof writer, receivedOn: string) => ({
        ...body(i),
        receivedOn,
        petitioners: [person],
        respondents: [{ name: "Công ty Điện lực Lào Cai" }],
        content: `Việc thứ ${i}: ${"mất điện kéo dài, hóa đơn tính sai chỉ số công tơ ".repeat(1 + (i % 3))}tại thôn ${i}.`,
      });
      const [old] = await receiveMany(kdb, SYSTEM_ACTOR, sct, [letter(900, writer, "2025-01-06")]);
      // More newer letters about the same respondent (by other writers) than the check once read.
      await receiveMany(
        kdb,
        SYSTEM_ACTOR,
        sct,
        Array.from({ length: 210 }, (_, i) =>
          letter(i, { ...writer, fullName: `Người viết ${i}`, address: `Thôn ${i}, xã Bảo Nhai` }, "2026-02-03"),
        ),
      );
      const probe = letter(901, writer, "2026-03-01");
      const found = await findDuplicates(kdb, own, {
        petitioners: probe.petitioners,
        respondents: probe.respondents,
        content: "Nhà tôi bị cắt điện không báo trước, đề nghị kiểm tra.",
      });
      const hit = found.find((f) => f.id === old!.id);
      assert.ok(hit, JSON.stringify(found.map((f) => [f.code, f.score])));
      assert.ok(hit.reasons.some((r) => /người viết đơn/.test(r)));

      // The respondent index follows a change of respondents, whatever writes it.
      await sql`update petition set respondent_keys = '{"thuy dien ngoi phat"}' where id = ${old!.id}`.execute(kdb);
      const keys = await kdb
        .selectFrom("petition_respondent_key")
        .select("key")
        .where("petition_id", "=", old!.id)
        .execute();
      assert.deepEqual(
        keys.map((k) => k.key),
        ["thuy dien ngoi phat"],
      );
    });
  });
}
