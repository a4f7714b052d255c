/**
 * Demo data of inspections (issue 17): the accounts an Inspectorate needs (a head who decides and
 * signs, inspectors for a team) and a Department's inspector, then inspections at every step of
 * the procedure, with findings, sanctions, recommendations and partial recoveries across two years.
 */
import { normalizeForMatch, todayInVietnam, type RoleCode } from "@minhbach/domain";
import {
  createInspectionBody,
  decideInspectionBody,
  inspectionStepBody,
  recommendationBody,
  recoveryBody,
  sanctionBody,
  violationBody,
} from "@minhbach/domain/api/inspections";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuthContext } from "../platform/access.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import { recordRecovery } from "../modules/inspections/follow-up/service.ts";
import { addRecommendation, addSanction, addViolation } from "../modules/inspections/record/findings.ts";
import { createInspection, decideInspection, takeStep } from "../modules/inspections/record/service.ts";
import { insertUser } from "../modules/users/service.ts";
import { DEMO_PASSWORD } from "./demo.ts";
import { authOf } from "./seed-auth.ts";

export const INSPECTION_ACCOUNTS: readonly {
  username: string;
  fullName: string;
  agency: string;
  roles: RoleCode[];
  /** Printed under the signature of the papers this leader signs. */
  position?: string;
}[] = [
  {
    username: "lanhdao.tt",
    fullName: "Lê Quang Vinh",
    agency: "LC.TT",
    roles: ["leader"],
    position: "Chánh Thanh tra",
  },
  { username: "thanhtra2", fullName: "Đỗ Thị Thu Hà", agency: "LC.TT", roles: ["inspector"] },
  { username: "thanhtra3", fullName: "Trương Văn Sơn", agency: "LC.TT", roles: ["inspector"] },
  // The follow-up officer: recoveries, urging, follow-up checks; never a step of the inspection.
  { username: "theodoi", fullName: "Phan Thị Ngọc Ánh", agency: "LC.TT", roles: ["followup_officer"] },
];

/**
 * Accounts of earlier demos that duplicated another: "thanhtra.sct" was a second inspector of the
 * Department beside "kiemtra.sct" (seed/demo.ts). An existing database keeps the row (records
 * name it) but the account is disabled.
 */
const RETIRED_ACCOUNTS = ["thanhtra.sct"] as const;

/** Creates the inspection accounts that are missing (idempotent). */
export async function ensureInspectionUsers(db: Kysely<DB>): Promise<number> {
  let created = 0;
  for (const account of INSPECTION_ACCOUNTS) {
    const existing = await db
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", account.username)
      .executeTakeFirst();
    if (existing) continue;
    const agency = await db.selectFrom("agency").select("id").where("code", "=", account.agency).executeTakeFirst();
    if (!agency) continue;
    await insertUser(db, SYSTEM_ACTOR, {
      username: account.username,
      fullName: account.fullName,
      agencyId: agency.id,
      roles: account.roles,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      position: account.position ?? null,
    });
    created++;
  }
  await db
    .updateTable("app_user")
    .set({ disabled: true })
    .where("username", "in", RETIRED_ACCOUNTS)
    .where("disabled", "=", false)
    .execute();
  // thanhtra2 was once "Ngô Thị Thu", the name of kiemtra.sct: renamed where the demo created it.
  await db
    .updateTable("app_user")
    .set({ full_name: "Đỗ Thị Thu Hà" })
    .where("username", "=", "thanhtra2")
    .where("full_name", "=", "Ngô Thị Thu")
    .execute();
  return created;
}

// ---- Inspections at every step ----------------------------------------------------------------

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" };

const SUBJECTS = [
  { key: "school", kind: "state_body", name: "Trường Phổ thông Dân tộc nội trú tỉnh", tax: null, by: "LC.TT" },
  { key: "mine", kind: "enterprise", name: "Công ty TNHH Khoáng sản Bảo Thắng", tax: "5300123456", by: "LC.TT" },
  { key: "fuel", kind: "enterprise", name: "Công ty Cổ phần Xăng dầu Hoàng Liên", tax: "5300654321", by: "LC.SCT" },
  { key: "clinic", kind: "state_body", name: "Trung tâm Y tế khu vực Bắc Hà", tax: null, by: "LC.TT" },
  { key: "build", kind: "enterprise", name: "Công ty Cổ phần Xây dựng Sa Pa", tax: "5300777888", by: "LC.TT" },
] as const;

type Stage = "proposed" | "decided" | "onsite" | "drafted" | "signed" | "implementing";
const ORDER: Stage[] = ["proposed", "decided", "onsite", "drafted", "signed", "implementing"];

/**
 * Demo inspections (issue 17): last year's conclusion followed into this year (recoveries on both
 * sides of 1 January), this year's inspections at every step, and a Department's check whose
 * subject an ad hoc proposal of the Inspectorate overlaps. Dates are real days not after today.
 */
export async function seedDemoInspections(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  if (await db.selectFrom("inspection").select("id").limit(1).executeTakeFirst()) return 0;
  await ensureInspectionUsers(db);
  const agencies = await db
    .selectFrom("agency")
    .select(["id", "code"])
    .where("code", "in", ["LC.TT", "LC.SCT"])
    .execute();
  const tt = agencies.find((a) => a.code === "LC.TT")?.id;
  const sct = agencies.find((a) => a.code === "LC.SCT")?.id;
  const [head, long, thu, son, sctInspector, sctHead] = await Promise.all(
    ["lanhdao.tt", "thanhtra", "thanhtra2", "thanhtra3", "kiemtra.sct", "lanhdao"].map((u) => authOf(db, u)),
  );
  if (!tt || !sct || !head || !long || !thu || !son || !sctInspector || !sctHead) return 0;
  const subject: Record<string, string> = {};
  for (const s of SUBJECTS) {
    const existing = s.tax
      ? await db.selectFrom("inspection_subject").select("id").where("tax_code", "=", s.tax).executeTakeFirst()
      : undefined;
    subject[s.key] =
      existing?.id ??
      (
        await db
          .insertInto("inspection_subject")
          .values({
            kind: s.kind,
            tax_code: s.tax,
            name: s.name,
            registered_by_agency_id: s.by === "LC.TT" ? tt : sct,
            search_text: normalizeForMatch(`${s.tax ?? ""} ${s.name}`),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
  }
  const year = Number(today.slice(0, 4));
  /** A day of a year, never after today. */
  const day = (y: number, mmdd: string) => {
    const d = `${y}-${mmdd}`;
    return d > today ? today : d;
  };
  const declarations = (ids: string[]) => ids.map((userId) => ({ userId, hasConflict: false }));
  const team = {
    leaderId: long.userId,
    memberIds: [thu.userId],
    supervisorId: son.userId,
    declarations: declarations([long.userId, thu.userId, son.userId]),
  };

  async function walk(
    id: string,
    version: number,
    y: number,
    upTo: Stage,
    dates: Record<string, string>,
    before?: (version: number) => Promise<number>,
  ) {
    let v = version;
    const reach = (s: Stage) => ORDER.indexOf(upTo) >= ORDER.indexOf(s);
    const take = async (auth: AuthContext, body: Record<string, unknown>) => {
      v = (await takeStep(db, auth, ACTOR, id, inspectionStepBody.parse({ version: v, ...body }))).version;
    };
    if (reach("onsite")) {
      await take(head!, { action: "approve_plan", date: day(y, dates.plan!) });
      await take(long!, { action: "announce", date: day(y, dates.announce!) });
    }
    if (reach("drafted")) {
      await take(long!, { action: "end_onsite", date: day(y, dates.end!) });
      await take(long!, { action: "report", date: day(y, dates.report!) });
      await take(head!, { action: "assign_draft", date: day(y, dates.assign!) });
      if (before) v = await before(v);
      await take(long!, {
        action: "submit_draft",
        date: day(y, dates.draft!),
        reservations: [{ name: "Đỗ Thị Thu Hà", text: "Đề nghị làm rõ thêm trách nhiệm của kế toán trưởng." }],
      });
    }
    if (reach("signed")) {
      await take(son!, { action: "appraise", date: day(y, dates.appraise!), note: "Thống nhất với dự thảo." });
      await take(head!, { action: "sign", issuedOutside: true, date: day(y, dates.sign!), number: dates.number! });
    }
    if (reach("implementing")) {
      await take(thu!, {
        action: "publish",
        date: day(y, dates.publish!),
        form: "Cổng thông tin điện tử Thanh tra tỉnh",
      });
      await take(thu!, {
        action: "direct",
        issuedOutside: true,
        date: day(y, dates.direct!),
        number: dates.directive!,
      });
    }
    return v;
  }

  async function findings(
    id: string,
    v: number,
    subjectId: string,
    amount: number,
    unit: string,
    dates: { sanction: string },
  ) {
    let version = v;
    const add = async (path: "violation" | "sanction" | "recommendation", body: Record<string, unknown>) => {
      const b = { version, ...body };
      const out =
        path === "violation"
          ? await addViolation(db, long!, ACTOR, id, violationBody.parse(b))
          : path === "sanction"
            ? await addSanction(db, long!, ACTOR, id, sanctionBody.parse(b))
            : await addRecommendation(db, long!, ACTOR, id, recommendationBody.parse(b));
      version = out.version;
    };
    await add("violation", {
      subjectId,
      kind: "budget",
      description: "Chi sai chế độ, thanh toán vượt khối lượng thực tế nghiệm thu",
      money: amount + 310_500_000,
    });
    // Signed on paper before the system was used: recorded with its typed number.
    await add("sanction", {
      issuedOutside: true,
      subjectId,
      number: "07/QĐ-XPHC",
      issuedOn: dates.sanction,
      targetKind: "individual",
      targetName: "Ông Phạm Văn Hùng, kế toán trưởng",
      fine: 25_000_000,
      additionalMeasures: "Buộc nộp lại số lợi bất hợp pháp có được do vi phạm",
    });
    await add("recommendation", {
      subjectId,
      type: "recover_money",
      content: "Thu hồi nộp ngân sách nhà nước số tiền chi sai chế độ, thanh toán vượt khối lượng",
      amount,
      responsibleUnit: unit,
      dueOn: null,
    });
    await add("recommendation", {
      type: "discipline",
      content: "Tổ chức kiểm điểm trách nhiệm tập thể lãnh đạo và cá nhân có liên quan",
      collectives: 1,
      individuals: 3,
      persons: ["Phạm Văn Hùng", "Lò Thị Mai", "Vàng A Sử"],
      responsibleUnit: unit,
    });
    return version;
  }

  let created = 0;
  // Last year (the 2025 law in force from 01/07/2025): signed in October, recovered in December and again this year.
  {
    const y = year - 1;
    const created1 = await createInspection(
      db,
      long,
      ACTOR,
      createInspectionBody.parse({
        kind: "ad_hoc",
        trigger: "superior",
        triggerNote: `Văn bản số 85/UBND-NC ngày 20/7/${y} của UBND tỉnh`,
        title: `việc quản lý, sử dụng ngân sách năm ${y - 2}-${y - 1} tại Trường Phổ thông Dân tộc nội trú tỉnh`,
        content: "Thanh tra việc quản lý, sử dụng ngân sách, tài sản công và thực hiện chế độ chính sách học sinh",
        periodCovered: `01/01/${y - 2} - 31/12/${y - 1}`,
        year: y,
        subjectIds: [subject.school],
      }),
    );
    const d = await decideInspection(
      db,
      head,
      ACTOR,
      created1.id,
      decideInspectionBody.parse({
        version: created1.version,
        issuedOutside: true,
        date: `${y}-08-04`,
        number: `21/QĐ-TTr`,
        ...team,
      }),
    );
    await walk(
      d.id,
      d.version,
      y,
      "implementing",
      {
        plan: "08-06",
        announce: "08-11",
        end: "09-19",
        report: "09-22",
        assign: "09-25",
        draft: "10-06",
        appraise: "10-09",
        sign: "10-15",
        number: "15/KL-TTr",
        publish: "10-17",
        direct: "10-24",
        directive: "312/UBND-NC",
      },
      (v) =>
        findings(d.id, v, subject.school!, 4_500_000_000, "Trường Phổ thông Dân tộc nội trú tỉnh", {
          sanction: `${y}-09-25`,
        }),
    );
    const money = await db
      .selectFrom("inspection_recommendation")
      .select(["id", "version"])
      .where("inspection_id", "=", d.id)
      .where("type", "=", "recover_money")
      .executeTakeFirstOrThrow();
    const r1 = await recordRecovery(
      db,
      thu,
      ACTOR,
      money.id,
      recoveryBody.parse({
        version: money.version,
        recoveredOn: `${y}-12-10`,
        amount: 2_131_000_000,
        evidence: `Giấy nộp tiền vào ngân sách số 0412 ngày 10/12/${y}`,
      }),
    );
    if (`${year}-01-20` <= today)
      await recordRecovery(
        db,
        thu,
        ACTOR,
        money.id,
        recoveryBody.parse({
          version: r1.version,
          recoveredOn: `${year}-01-20`,
          amount: 2_369_000_000,
          evidence: `Giấy nộp tiền vào ngân sách số 0031 ngày 20/01/${year}`,
        }),
      );
    created++;
  }

  // This year: at every step.
  const plans: { stage: Stage; key: string; title: string }[] = [
    { stage: "signed", key: "clinic", title: "việc mua sắm trang thiết bị y tế tại Trung tâm Y tế khu vực Bắc Hà" },
    { stage: "drafted", key: "build", title: "việc thực hiện dự án đường nội thị Sa Pa" },
    { stage: "onsite", key: "mine", title: "việc chấp hành pháp luật về khai thác khoáng sản" },
  ];
  for (const [i, p] of plans.entries()) {
    const c = await createInspection(
      db,
      long,
      ACTOR,
      createInspectionBody.parse({
        kind: "ad_hoc",
        trigger: "violation_sign",
        violationSign: "Báo chí phản ánh có dấu hiệu vi phạm, đã được xác minh sơ bộ",
        title: p.title,
        content: `Thanh tra ${p.title}`,
        year,
        subjectIds: [subject[p.key]!],
      }),
    );
    const d = await decideInspection(
      db,
      head,
      ACTOR,
      c.id,
      decideInspectionBody.parse({
        version: c.version,
        issuedOutside: true,
        date: day(year, `01-0${5 + i}`),
        number: `0${3 + i}/QĐ-TTr`,
        ...team,
      }),
    );
    await walk(
      d.id,
      d.version,
      year,
      p.stage,
      {
        plan: "01-12",
        announce: "01-19",
        end: "03-06",
        report: "03-10",
        assign: "03-13",
        draft: "04-03",
        appraise: "04-10",
        sign: "04-20",
        number: "04/KL-TTr",
      },
      p.stage === "signed"
        ? (v) =>
            findings(d.id, v, subject.clinic!, 1_250_000_000, "Trung tâm Y tế khu vực Bắc Hà", {
              sanction: day(year, "03-13"),
            })
        : undefined,
    );
    created++;
  }
  // The Department's check of the fuel company, and the Inspectorate's ad hoc proposal over it.
  const check = await createInspection(
    db,
    sctInspector,
    ACTOR,
    createInspectionBody.parse({
      kind: "specialised_check",
      title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      content: "Kiểm tra điều kiện kinh doanh, đo lường, chất lượng, niêm yết giá xăng dầu",
      contentField: "Xăng dầu",
      year,
      subjectIds: [subject.fuel!],
    }),
  );
  await decideInspection(
    db,
    sctHead,
    ACTOR,
    check.id,
    decideInspectionBody.parse({
      version: check.version,
      issuedOutside: true,
      date: day(year, "02-02"),
      number: "15/QĐ-SCT",
      leaderId: sctInspector.userId,
      declarations: declarations([sctInspector.userId]),
    }),
  );
  const fuel = await createInspection(
    db,
    long,
    ACTOR,
    createInspectionBody.parse({
      kind: "ad_hoc",
      trigger: "superior",
      triggerNote: "Văn bản số 140/UBND-NC của UBND tỉnh",
      title: "việc chấp hành pháp luật về thuế, phí bảo vệ môi trường đối với xăng dầu",
      content: "Thanh tra việc kê khai, nộp thuế bảo vệ môi trường",
      year,
      subjectIds: [subject.fuel!],
    }),
  );
  // Its decision drafted in the system, waiting for the head to sign it ("Chờ lãnh đạo ký").
  await decideInspection(
    db,
    head,
    ACTOR,
    fuel.id,
    decideInspectionBody.parse({
      version: fuel.version,
      ...team,
      violationSign: "Số thuế bảo vệ môi trường kê khai quý II giảm 35% trong khi sản lượng bán ra tăng",
    }),
  );
  return created + 2;
}
