/**
 * Demo inspection plans for `npm start` (issue 17): a subjects registry (enterprises, households,
 * state bodies of the installation), the provincial Inspectorate's plan of this year (issued by a
 * numbered decision) and the Department of Industry and Trade's plan of specialised checks, with
 * overlaps between them — some resolved (kept with a reason, merged), one left for the officer to
 * see on the overlap board — and an imported State Audit plan flagged for coordination.
 *
 * Everything goes through the services the API uses, with the AuthContext of the demo accounts
 * ("thanhtra", "kiemtra.sct"), so each change has its audit event.
 *
 * `loadInspectionVolume` is the generator of the benchmark (bench/scenarios/inspections.ts): many
 * provinces' plans of a year written straight into the tables, the same rows the services write.
 */
import { taxCodeCheckDigit, todayInVietnam } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import { importStateAuditPlan, resolveOverlap } from "../modules/inspections/plans/overlap-service.ts";
import { addPlanItem, createPlan, getPlan, issuePlan } from "../modules/inspections/plans/service.ts";
import { createSubject, subjectSearchText } from "../modules/inspections/subjects/service.ts";
import { getDocument, issueDocument, submitDocument } from "../modules/documents/service.ts";
import { ensureInspectionUsers } from "./demo-inspections.ts";
import { authOf } from "./seed-auth.ts";

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" };

/** A valid tax code of Lào Cai (province prefix 53) from a sequence number. */
export function demoTaxCode(n: number, prefix = "53"): string {
  for (let bump = 0; ; bump++) {
    const nine = `${prefix}${String(n * 7 + bump).padStart(7, "0")}`.slice(0, 9);
    const d = taxCodeCheckDigit(nine);
    if (d !== undefined) return `${nine}${d}`;
  }
}

const ENTERPRISES = [
  "Công ty TNHH Xăng dầu Cốc Lếu",
  "Công ty Cổ phần Chè Bát Xát",
  "Công ty TNHH Khai khoáng Sa Pa",
  "Công ty Cổ phần Thủy điện Mường Khương",
  "Công ty TNHH Thương mại Kim Thành",
  "Hợp tác xã Mận Bắc Hà",
  "Công ty Cổ phần Phân bón Lào Cai",
  "Công ty TNHH Du lịch Fansipan Xanh",
  "Công ty Cổ phần Vận tải Yên Bái",
  "Công ty TNHH Gỗ ép Văn Yên",
];

export async function seedDemoInspectionPlans(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  const inspectorate = await authOf(db, "thanhtra");
  const department = await authOf(db, "kiemtra.sct");
  if (!inspectorate || !department) return 0;
  const year = Number(today.slice(0, 4));
  const already = await db
    .selectFrom("inspection_plan")
    .select("id")
    .where("year", "=", year)
    .where("agency_id", "=", inspectorate.agencyId)
    .executeTakeFirst();
  if (already) return 0;

  const ids: string[] = [];
  for (const [i, name] of ENTERPRISES.entries()) {
    const s = await createSubject(db, inspectorate, ACTOR, {
      kind: "enterprise",
      name,
      taxCode: demoTaxCode(1000 + i),
      address: "tỉnh Lào Cai",
    });
    ids.push(s.id);
  }
  const household = await createSubject(db, department, ACTOR, {
    kind: "household",
    name: "Hộ kinh doanh Giàng Thị Mai",
    taxCode: "010090012345",
    address: "Chợ Bắc Hà, xã Bắc Hà",
  });
  const commune = await db
    .selectFrom("agency")
    .select(["id", "name"])
    .where("code", "=", "LC.X.BACHA")
    .executeTakeFirst();
  const communeSubject = commune
    ? await createSubject(db, inspectorate, ACTOR, { kind: "state_body", name: commune.name, agencyId: commune.id })
    : null;

  // The provincial Inspectorate's plan.
  let tt = await createPlan(db, inspectorate, ACTOR, { year });
  const ttItems: [string[], string, number, string][] = [
    [[ids[0]!], "Thanh tra việc chấp hành pháp luật về thuế, kinh doanh xăng dầu", 2, "Xăng dầu"],
    [[ids[2]!], "Thanh tra việc chấp hành pháp luật về khoáng sản, bảo vệ môi trường", 2, "Khoáng sản"],
    [[ids[3]!], "Thanh tra việc chấp hành pháp luật về an toàn đập, hồ chứa thủy điện", 3, "Điện lực"],
    [[ids[4]!], "Thanh tra việc chấp hành pháp luật về thuế, lao động", 3, ""],
    ...(communeSubject
      ? ([
          [
            [communeSubject.id],
            "Thanh tra trách nhiệm thực hiện pháp luật về tiếp công dân, giải quyết khiếu nại, tố cáo",
            4,
            "",
          ],
        ] as [string[], string, number, string][])
      : []),
  ];
  for (const [subjectIds, content, quarter, field] of ttItems) {
    tt = await addPlanItem(db, inspectorate, ACTOR, tt.id, {
      planVersion: tt.version,
      subjectIds,
      activity: "inspection",
      kind: "planned",
      content,
      field: field || undefined,
      quarter,
      periodFrom: `${year - 2}-01-01`,
      periodTo: `${year - 1}-12-31`,
      leadingUnit: "Phòng Thanh tra kinh tế - xã hội",
    });
  }
  tt = await addPlanItem(db, inspectorate, ACTOR, tt.id, {
    planVersion: tt.version,
    subjectIds: [ids[7]!],
    activity: "inspection",
    kind: "standby",
    content: "Thanh tra việc chấp hành pháp luật về du lịch, đất đai",
    quarter: 4,
  });
  // The decision is drafted by the inspector, submitted to the Inspectorate's head and signed in
  // the system: issuing it issues the plan with the register's number.
  await ensureInspectionUsers(db);
  const head = await authOf(db, "lanhdao.tt");
  const drafted = await issuePlan(db, inspectorate, ACTOR, tt.id, { version: tt.version });
  const paper = drafted.pendingDecision!;
  const draft = await getDocument(db, inspectorate, paper.documentId);
  await submitDocument(db, inspectorate, ACTOR, paper.documentId, { version: draft.version, signerId: head!.userId });
  await issueDocument(db, head!, { ...ACTOR, userId: head!.userId, name: head!.fullName }, paper.documentId, {
    issuedOn: today,
  });

  // The Department's plan of specialised checks, overlapping twice (resolved) with the Inspectorate's.
  let sct = await createPlan(db, department, ACTOR, { year });
  const overlapOf = async (subjectId: string) => {
    const plan = await getPlan(db, inspectorate, tt.id);
    const item = plan.items.find((i) => i.subjects.some((s) => s.id === subjectId))!;
    return item.id;
  };
  await resolveOverlap(db, department, ACTOR, {
    planId: sct.id,
    subjectId: ids[0]!,
    otherSource: "plan_item",
    otherSourceId: await overlapOf(ids[0]!),
    outcome: "keep",
    reason: "Kiểm tra đo lường, chất lượng xăng dầu theo chỉ đạo của Bộ Công Thương; đã thống nhất với Thanh tra tỉnh.",
  });
  await resolveOverlap(db, department, ACTOR, {
    planId: sct.id,
    subjectId: ids[3]!,
    otherSource: "plan_item",
    otherSourceId: await overlapOf(ids[3]!),
    outcome: "merge",
    reason: "Sở Công Thương cử thành viên tham gia Đoàn thanh tra của Thanh tra tỉnh.",
  });
  const sctItems: [string[], string, number, string][] = [
    [[ids[0]!], "Kiểm tra chất lượng, đo lường xăng dầu tại các cửa hàng", 2, "Xăng dầu"],
    [[ids[3]!], "Kiểm tra an toàn đập, hồ chứa thủy điện trước mùa mưa lũ", 2, "Điện lực"],
    [[ids[1]!, household.id], "Kiểm tra an toàn thực phẩm trong sản xuất, kinh doanh chè", 3, "An toàn thực phẩm"],
    [[ids[6]!], "Kiểm tra việc chấp hành pháp luật về phân bón", 3, "Hóa chất, phân bón"],
    [[ids[8]!], "Kiểm tra kinh doanh vận tải, xăng dầu nội bộ", 4, ""],
  ];
  for (const [subjectIds, content, quarter, field] of sctItems) {
    sct = await addPlanItem(db, department, ACTOR, sct.id, {
      planVersion: sct.version,
      subjectIds,
      activity: "check",
      kind: "planned",
      content,
      field: field || undefined,
      quarter,
      leadingUnit: "Phòng Quản lý thương mại",
    });
  }

  // The State Audit's plan names the tea company and the fertiliser company: flagged on the Department's plan.
  const csv = [
    "STT,Đơn vị được kiểm toán,Mã số thuế",
    `1,${ENTERPRISES[1]},${demoTaxCode(1001)}`,
    `2,${ENTERPRISES[6]},${demoTaxCode(1006)}`,
  ].join("\n");
  await importStateAuditPlan(db, inspectorate, ACTOR, {
    year,
    fileName: `ke-hoach-kiem-toan-${year}.csv`,
    content: Buffer.from(csv, "utf8").toString("base64"),
  });
  return ttItems.length + 1 + sctItems.length;
}

// ---- The benchmark's volume ----------------------------------------------------------------------

export interface VolumeOptions {
  year: number;
  provinces: number;
  subjects: number;
  items: number;
  /** A deterministic sequence: the same data on every run. */
  seed?: number;
  /** Where the provinces hang in the agency tree (a province leader above them sees their overlaps). */
  parentId?: string | null;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/**
 * Writes `provinces` provinces (an Inspectorate and two Departments each, outside the demo's
 * tree), `subjects` subjects and `items` plan items of the year spread over their plans, with
 * their item subjects and occurrences, in batches. Returns the ids the benchmark probes.
 */
export async function loadInspectionVolume(db: Kysely<DB>, o: VolumeOptions): Promise<{ subjectIds: string[] }> {
  const random = rng(o.seed ?? 2027);
  const agencies: string[] = [];
  for (let p = 1; p <= o.provinces; p++) {
    const code = `BENCH.P${String(p).padStart(2, "0")}`;
    const province = await db
      .insertInto("agency")
      .values({
        code,
        name: `UBND tỉnh thử nghiệm ${p}`,
        short_name: null,
        kind: "province_committee",
        parent_id: o.parentId ?? null,
        valid_from: "2025-07-01",
        valid_to: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [suffix, name, kind] of [
      ["TT", `Thanh tra tỉnh thử nghiệm ${p}`, "province_inspectorate"],
      ["SCT", `Sở Công Thương tỉnh thử nghiệm ${p}`, "department"],
      ["SNNMT", `Sở Nông nghiệp và Môi trường tỉnh thử nghiệm ${p}`, "department"],
    ] as const) {
      const row = await db
        .insertInto("agency")
        .values({
          code: `${code}.${suffix}`,
          name,
          short_name: null,
          kind,
          parent_id: province.id,
          valid_from: "2025-07-01",
          valid_to: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      agencies.push(row.id);
    }
  }
  const registrar = agencies[0]!;
  const subjectIds: string[] = [];
  const BATCH = 2000;
  for (let i = 0; i < o.subjects; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(o.subjects, i + BATCH); j++) {
      const name = `Công ty TNHH Thử nghiệm ${j + 1}`;
      const taxCode = demoTaxCode(j + 1, String(10 + (j % 80)).padStart(2, "0"));
      rows.push({
        kind: "enterprise" as const,
        name,
        tax_code: taxCode,
        address: null,
        registered_by_agency_id: registrar,
        search_text: subjectSearchText({ name, taxCode }),
      });
    }
    const inserted = await db
      .insertInto("inspection_subject")
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .execute();
    subjectIds.push(...inserted.map((r) => r.id));
  }
  const plans: string[] = [];
  for (const agencyId of agencies) {
    const plan = await db
      .insertInto("inspection_plan")
      .values({ agency_id: agencyId, year: o.year, title: `Kế hoạch năm ${o.year}`, created_by: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("inspection_plan_version")
      .values({
        plan_id: plan.id,
        revision: 0,
        reason: null,
        document_id: null,
        decision_symbol: null,
        created_by: null,
      })
      .execute();
    plans.push(plan.id);
  }
  const seqs = new Map<string, number>();
  for (let i = 0; i < o.items; i += BATCH) {
    const items = [];
    const links: { item_id: string; subject_id: string }[] = [];
    const occurrences = [];
    for (let j = i; j < Math.min(o.items, i + BATCH); j++) {
      const p = Math.floor(random() * plans.length);
      const planId = plans[p]!;
      const seq = (seqs.get(planId) ?? 0) + 1;
      seqs.set(planId, seq);
      const id = crypto.randomUUID();
      const activity = p % 3 === 0 ? ("inspection" as const) : ("check" as const);
      items.push({
        id,
        plan_id: planId,
        seq,
        activity,
        kind: "planned" as const,
        content: `Nội dung thanh tra, kiểm tra số ${j + 1}`,
        field: null,
        quarter: 1 + (j % 4),
        month_from: null,
        month_to: null,
        leading_unit: null,
        note: null,
        cancel_reason: null,
        created_by: null,
      });
      const n = 1 + Math.floor(random() * 2);
      const chosen = new Set<string>();
      while (chosen.size < n) chosen.add(subjectIds[Math.floor(random() * subjectIds.length)]!);
      for (const subject_id of chosen) {
        links.push({ item_id: id, subject_id });
        occurrences.push({
          subject_id,
          year: o.year,
          activity,
          source: "plan_item" as const,
          source_id: id,
          agency_id: agencies[p]!,
          content_field: null,
          ad_hoc: false,
        });
      }
    }
    await db.insertInto("inspection_plan_item").values(items).execute();
    await db.insertInto("inspection_plan_item_subject").values(links).execute();
    await db.insertInto("inspection_occurrence").values(occurrences).execute();
  }
  return { subjectIds };
}
