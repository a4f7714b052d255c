/**
 * Demo anti-corruption work for the Department of Industry and Trade (LC.SCT), so that a fresh
 * `npm start` shows it: two dozen officials in the department and two of its units with their
 * positions (an inspector who changed position this year, a recruit who declares for the first
 * time), last year's campaign complete, this year's under way, this year's verification plan with
 * its lottery drawn before two witnesses and one conclusion. The demo viewer "xem" (Bùi Thị Mai)
 * is an accountant of the department: signed in, she sees and downloads her own declarations.
 *
 * Every step goes through the services the API uses, with the bodies the API schemas validate and
 * the AuthContext of the demo anti-corruption officer "pctn". Dates are never later than today.
 */
import { addDays } from "@minhbach/domain/legal-clock";
import { todayInVietnam } from "@minhbach/domain";
import {
  declarationBody,
  lotteryBody,
  officialBody,
  planBody,
  rotationOutcomeBody,
} from "@minhbach/domain/api/anticorruption";
import {
  corruptionCaseBody,
  giftBody,
  loopholeBody,
  preventionDocumentBody,
  trainingBody,
} from "@minhbach/domain/api/anticorruption-records";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuthContext } from "../platform/access.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import { getCampaign, openCampaign, receiveDeclaration } from "../modules/anticorruption/campaigns.ts";
import { submitDeclaration } from "../modules/anticorruption/declarations.ts";
import { createOfficial } from "../modules/anticorruption/officials.ts";
import { createCase } from "../modules/anticorruption/cases.ts";
import {
  createGift,
  createLoophole,
  createPreventionDocument,
  createTraining,
} from "../modules/anticorruption/registers.ts";
import { listPositions } from "../modules/anticorruption/positions.ts";
import { announceRotationPlan, planRotation, recordRotationOutcome } from "../modules/anticorruption/rotation.ts";
import { concludeVerification, createPlan, runLottery } from "../modules/anticorruption/verification.ts";
import { authOf } from "./seed-auth.ts";

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" };

const NAMES = [
  "Nguyễn Hữu Phước",
  "Trần Thị Ngọc Anh",
  "Lê Quang Vinh",
  "Phạm Thị Thu Trang",
  "Hoàng Văn Toản",
  "Vũ Thị Hồng Nhung",
  "Đặng Văn Sơn",
  "Bùi Quốc Khánh",
  "Đỗ Thị Lan Hương",
  "Hồ Văn Tài",
  "Ngô Thị Bích",
  "Dương Minh Hiếu",
  "Lý Văn Quang",
  "Mai Thị Huyền",
  "Trịnh Công Lực",
  "Phan Thị Yến",
  "Tạ Văn Hùng",
  "Lương Thị Hoa",
  "Cao Văn Thắng",
  "Kiều Thị Oanh",
];

function content(fullName: string, land: number, explanation?: string) {
  return {
    declarant: { fullName, position: "Kế toán viên" },
    spouse: { fullName: "Đinh Văn Lộc" },
    children: [{ fullName: "Đinh Bảo Ngọc", birthDate: "2014-05-20" }],
    land: [{ owner: "declarant", description: "Thửa đất số 88, tờ bản đồ số 12, phường Lào Cai, 120 m²", value: land }],
    houses: [{ owner: "declarant", description: "Nhà ở 3 tầng trên thửa đất số 88", value: 900_000_000 }],
    money: [{ owner: "spouse", description: "Tiền gửi tiết kiệm tại ngân hàng", value: 150_000_000 }],
    income: 280_000_000,
    ...(explanation ? { explanation } : {}),
  };
}

/** Seeds the demo when there is no official yet and the demo accounts exist; returns the officials created. */
export async function seedDemoAnticorruption(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  if (await db.selectFrom("ac_official").select("id").limit(1).executeTakeFirst()) return 0;
  const officer = await authOf(db, "pctn");
  const declarant = await db.selectFrom("app_user").select("id").where("username", "=", "xem").executeTakeFirst();
  if (!officer) return 0;
  const agencies = new Map(
    (await db.selectFrom("agency").select(["id", "code"]).execute()).map((a) => [a.code, a.id] as const),
  );
  const position = new Map((await listPositions(db)).items.map((p) => [p.code, p.id] as const));
  const year = Number(today.slice(0, 4));
  const unit = ["LC.SCT", "LC.SCT.VP", "LC.SCT.QLTT"];
  const people: unknown[] = NAMES.map((fullName, i) => {
    const u = unit[i % 3]!;
    const code = u === "LC.SCT.QLTT" ? "KIEM_SOAT_VIEN_TT" : u === "LC.SCT.VP" ? "KE_TOAN" : "THANH_TRA_VIEN";
    return {
      code: `SCT-${String(i + 1).padStart(3, "0")}`,
      fullName,
      unitAgencyId: agencies.get(u),
      birthDate: `${1970 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
      expectedRetirement: `${2032 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
      rank:
        code === "THANH_TRA_VIEN"
          ? "Thanh tra viên"
          : code === "KE_TOAN"
            ? "Kế toán viên"
            : "Kiểm soát viên thị trường",
      declaredBefore: true,
      verifiedYears: i === 4 ? [year - 3] : [],
      positions: [{ positionId: position.get(code), from: `${2012 + (i % 8)}-03-01` }],
    };
  });
  people.push(
    {
      code: "SCT-021",
      fullName: "Nguyễn Văn Thành",
      unitAgencyId: agencies.get("LC.SCT"),
      rank: "Chuyên viên cao cấp",
      declaredBefore: true,
      positions: [{ positionId: position.get("GD_SO"), from: "2025-07-01" }],
    },
    // An inspector who became a plain civil servant mid-year: still declares for this year.
    {
      code: "SCT-022",
      fullName: "Võ Thanh Bình",
      unitAgencyId: agencies.get("LC.SCT"),
      rank: "Chuyên viên",
      declaredBefore: true,
      positions: [
        { positionId: position.get("THANH_TRA_VIEN"), from: "2016-01-01", to: `${year}-06-30` },
        { positionId: position.get("CHUYEN_VIEN"), from: `${year}-07-01` },
      ],
    },
    {
      code: "SCT-023",
      fullName: "Bùi Thị Mai",
      unitAgencyId: agencies.get("LC.SCT.VP"),
      rank: "Kế toán viên",
      birthDate: "1984-08-15",
      userId: declarant?.id ?? null,
      declaredBefore: true,
      positions: [{ positionId: position.get("KE_TOAN"), from: "2014-09-01" }],
    },
  );
  const recruited = addDays(today, -60) < `${year}-01-01` ? `${year}-01-02` : addDays(today, -60);
  people.push({
    code: "SCT-024",
    fullName: "Lê Thị Thanh Tâm",
    unitAgencyId: agencies.get("LC.SCT.QLTT"),
    rank: "Kiểm soát viên thị trường",
    positions: [{ positionId: position.get("KIEM_SOAT_VIEN_TT"), from: recruited }],
  });
  for (const p of people) await createOfficial(db, officer, ACTOR, officialBody.parse(p));

  // Last year's campaign, complete (one late), with Bùi Thị Mai's declaration entered.
  const last = await openCampaign(db, officer, ACTOR, year - 1);
  for (const [i, item] of last.items.entries()) {
    if (item.officialCode === "SCT-023") {
      await submitDeclaration(
        db,
        officer,
        ACTOR,
        item.id,
        declarationBody.parse({
          version: item.version,
          declaredOn: `${year - 1}-12-08`,
          receivedOn: `${year - 1}-12-10`,
          content: content("Bùi Thị Mai", 1_200_000_000),
        }),
      );
    } else {
      const on = i === 3 ? `${year}-01-08` : `${year - 1}-12-${String(10 + (i % 15)).padStart(2, "0")}`;
      await receiveDeclaration(db, officer, ACTOR, item.id, { version: item.version, receivedOn: on });
    }
  }
  // This year's campaign: about half received so far.
  const current = await openCampaign(db, officer, ACTOR, year);
  const received = addDays(today, -5) < `${year}-01-01` ? today : addDays(today, -5);
  for (const [i, item] of current.items.entries()) {
    if (item.officialCode === "SCT-023") {
      await submitDeclaration(
        db,
        officer,
        ACTOR,
        item.id,
        declarationBody.parse({
          version: item.version,
          declaredOn: received,
          receivedOn: received,
          content: content("Bùi Thị Mai", 1_650_000_000),
        }),
      );
    } else if (i % 2 === 0 && item.kind === "annual") {
      await receiveDeclaration(db, officer, ACTOR, item.id, { version: item.version, receivedOn: received });
    }
  }
  await getCampaign(db, officer, current.id);

  // This year's verification plan, drawn before two witnesses, one conclusion recorded.
  const issuedOn = `${year}-01-20` <= today ? `${year}-01-20` : today;
  const plan = await createPlan(
    db,
    officer,
    ACTOR,
    planBody.parse({ year, issuedOn, unitPercent: 35, personPercent: 20 }),
  );
  const heldOn = addDays(issuedOn, 5) <= today ? addDays(issuedOn, 5) : today;
  const drawn = await runLottery(
    db,
    officer,
    ACTOR,
    plan.id,
    lotteryBody.parse({
      seed: `PCTN-${year}-0472`,
      heldOn,
      place: "Phòng họp số 2, Sở Công Thương tỉnh Lào Cai",
      witnesses: [
        { fullName: "Hoàng Thị Vân", organisation: "Ủy ban kiểm tra Đảng ủy Sở Công Thương" },
        { fullName: "Sùng A Páo", organisation: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai" },
      ],
    }),
  );
  const first = drawn.verifications[0];
  const concludedOn = addDays(heldOn, 60) <= today ? addDays(heldOn, 60) : today;
  if (first)
    await concludeVerification(db, officer, ACTOR, first.id, {
      version: first.version,
      conclusion: "honest",
      concludedOn,
    });
  await seedRecords(db, officer, today);
  await seedRotationPlan(db, officer, today, position);
  return people.length;
}

/**
 * The rotation plan approved four months ago and carried out: two people rotated six weeks ago,
 * one deferred for a course of study, one not yet (01/PCTN columns 26–29).
 */
async function seedRotationPlan(
  db: Kysely<DB>,
  officer: AuthContext,
  today: string,
  position: Map<string, string>,
): Promise<void> {
  const ago = (days: number) => addDays(today, -days);
  const plannedOn = ago(120);
  const ids = new Map(
    (await db.selectFrom("ac_official").select(["id", "code"]).execute()).map((o) => [o.code, o.id] as const),
  );
  const rows = new Map<string, { id: string; version: number }>();
  for (const code of ["SCT-001", "SCT-002", "SCT-004", "SCT-005"]) {
    const row = await planRotation(db, officer, ACTOR, {
      officialId: ids.get(code)!,
      year: Number(plannedOn.slice(0, 4)),
      plannedOn,
      planReference: "12/KH-SCT",
    });
    rows.set(code, row);
  }
  // Made public at the office ten days after its approval, before any rotation (LAW.md §10.7).
  await announceRotationPlan(db, officer, ACTOR, {
    year: Number(plannedOn.slice(0, 4)),
    announcedOn: ago(110),
    form: "posted",
    place: "Bảng tin tại trụ sở Sở Công Thương",
    announcedBy: "Văn phòng Sở",
  });
  const outcome = (code: string, body: Record<string, unknown>) =>
    recordRotationOutcome(
      db,
      officer,
      ACTOR,
      rows.get(code)!.id,
      rotationOutcomeBody.parse({ version: rows.get(code)!.version, ...body }),
    );
  for (const [code, number] of [
    ["SCT-001", "88/QĐ-SCT"],
    ["SCT-002", "89/QĐ-SCT"],
  ] as const)
    await outcome(code, {
      outcome: "done",
      toPositionId: position.get("CHUYEN_VIEN"),
      decisionNumber: number,
      decidedOn: ago(50),
      executedOn: ago(45),
    });
  await outcome("SCT-004", {
    outcome: "deferred",
    kind: "study_or_secondment",
    from: ago(30),
    to: addDays(today, 300),
    evidence: "Quyết định cử đi học cao cấp lý luận chính trị tập trung 14 tháng",
  });
}

/**
 * The records 01/PCTN, 02/PCTN and 03/PCTN count: one corruption case found by self-inspection and
 * transferred to the police, a regulation with a loophole (remedied), a rule issued to prevent
 * corruption, a gift handed in, training and propaganda sessions — dated within the last months.
 */
async function seedRecords(db: Kysely<DB>, officer: AuthContext, today: string): Promise<void> {
  const ago = (days: number) => addDays(today, -days);
  await createCase(
    db,
    officer,
    ACTOR,
    corruptionCaseBody.parse({
      name: "Lập khống hồ sơ thanh toán công tác phí tại Đội Quản lý thị trường số 3",
      concernedName: "Chi cục Quản lý thị trường tỉnh Lào Cai",
      handlingBody: "Sở Công Thương tỉnh Lào Cai",
      summary:
        "Qua tự kiểm tra việc thanh toán công tác phí năm trước, phát hiện 14 bộ hồ sơ lập khống với tổng số tiền 86.400.000 đồng; đã thu hồi 60.000.000 đồng.",
      detectedOn: ago(75),
      channel: "self_inspection",
      damageMoney: 86_400_000,
      recoveredMoney: 60_000_000,
      transferredOn: ago(40),
      transferredTo: "Cơ quan Cảnh sát điều tra Công an tỉnh Lào Cai",
      headsResponsible: 1,
      persons: [
        { fullName: "Đặng Văn Hùng", jobTitle: "Đội trưởng", handling: "criminal", isHead: true },
        {
          fullName: "Lý Thị Hoa",
          jobTitle: "Kế toán",
          handling: "discipline",
          disciplineForm: "Cảnh cáo",
          handledOn: ago(30),
        },
      ],
    }),
  );
  await createLoophole(
    db,
    officer,
    ACTOR,
    loopholeBody.parse({
      title: "Quy chế chi tiêu nội bộ của Sở Công Thương",
      numberSymbol: "125/QĐ-SCT",
      issuedOn: "2023-02-10",
      issuingBody: "Sở Công Thương tỉnh Lào Cai",
      loophole: "Không quy định hồ sơ chứng minh chuyến công tác khi thanh toán công tác phí khoán.",
      foundOn: ago(70),
      remediedOn: ago(20),
      remedy: "Sửa đổi Điều 12 quy chế: thanh toán kèm giấy đi đường có xác nhận nơi đến.",
    }),
  );
  await createPreventionDocument(
    db,
    officer,
    ACTOR,
    preventionDocumentBody.parse({
      kind: "rule",
      action: "amended",
      numberSymbol: "412/QĐ-SCT",
      title: "Quyết định sửa đổi, bổ sung Quy chế chi tiêu nội bộ",
      issuedOn: ago(20),
    }),
  );
  await createGift(
    db,
    officer,
    ACTOR,
    giftBody.parse({
      fullName: "Phạm Quang Huy",
      handedOn: ago(50),
      description: "Phong bì tiền mặt do doanh nghiệp gửi sau buổi kiểm tra",
      value: 2_000_000,
      handling: "Nộp vào tài khoản tạm giữ của Sở, báo cáo lãnh đạo Sở",
    }),
  );
  await createTraining(
    db,
    officer,
    ACTOR,
    trainingBody.parse({
      kind: "training",
      title: "Tập huấn Luật Phòng, chống tham nhũng",
      heldOn: ago(60),
      sessions: 1,
      participants: 85,
    }),
  );
  await createTraining(
    db,
    officer,
    ACTOR,
    trainingBody.parse({
      kind: "propaganda",
      title: "Phổ biến quy định về kê khai tài sản, thu nhập",
      heldOn: ago(15),
      sessions: 2,
      participants: 140,
    }),
  );
}
