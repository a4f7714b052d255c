/**
 * The official documents an inspection's steps draft (issue 17): the decision to inspect when
 * it is decided (TTr-QD), the conclusion when it is signed (TTr-KL), filled from the record; the
 * officer edits the draft and issues it from the agency's register (modules/documents).
 */
import {
  EXTENSION_GROUND_LABELS,
  formatDong,
  RECOMMENDATION_TYPE_LABELS,
  REDACTION_MASK,
  redactorFor,
  VIOLATION_KIND_LABELS,
  type ExtensionGround,
  type InspectionFacts,
  type ViolationKind,
} from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { Actor } from "../../../platform/audit.ts";
import { createDraft } from "../../documents/service.ts";

type Trx = Transaction<DB>;

interface Row {
  id: string;
  agency_id: string;
  kind: string;
  title: string;
  content: string;
  period_covered: string | null;
  online: boolean;
  violation_sign: string | null;
  trigger_note: string | null;
}

/** "Chánh Thanh tra tỉnh Lào Cai", "Giám đốc Sở Công Thương tỉnh Lào Cai": who decides and signs. */
export async function deciderTitle(trx: Trx, agencyId: string): Promise<string> {
  const a = await trx
    .selectFrom("agency")
    .select(["name", "kind"])
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
  if (a.kind === "province_inspectorate" || a.kind === "government_inspectorate") return `Chánh ${a.name}`;
  if (a.kind === "department") return `Giám đốc ${a.name}`;
  return `Thủ trưởng ${a.name}`;
}

async function subjectLines(trx: Trx, id: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("inspection_target as t")
    .innerJoin("inspection_subject as s", "s.id", "t.subject_id")
    .select(["s.name", "s.tax_code", "s.kind"])
    .where("t.inspection_id", "=", id)
    .orderBy("t.position")
    .execute();
  return rows.map((s) =>
    s.tax_code ? `${s.name} (${s.kind === "enterprise" ? "mã số doanh nghiệp" : "mã số thuế"} ${s.tax_code})` : s.name,
  );
}

export async function draftDecision(trx: Trx, actor: Actor, row: Row, onsiteDays: number): Promise<string> {
  const agency = await trx
    .selectFrom("agency")
    .select("name")
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const team = await trx
    .selectFrom("inspection_member as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.full_name", "m.role", "u.roles"])
    .where("m.inspection_id", "=", row.id)
    .execute();
  const position = (roles: unknown) =>
    `${(roles as string[]).includes("leader") ? "Lãnh đạo" : "Thanh tra viên"}, ${agency.name}`;
  const leader = team.find((m) => m.role === "leader")!;
  const supervisor = team.find((m) => m.role === "supervisor");
  const ground = row.violation_sign
    ? `Xét dấu hiệu vi phạm rõ ràng: ${row.violation_sign}`
    : row.trigger_note
      ? `Căn cứ ${row.trigger_note}`
      : undefined;
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-QD",
    fields: {
      deciderTitle: await deciderTitle(trx, row.agency_id),
      activity: row.kind === "specialised_check" ? "check" : "inspection",
      title: row.title,
      ...(ground ? { ground } : {}),
      subjects: await subjectLines(trx, row.id),
      content: row.content,
      ...(row.period_covered ? { periodCovered: row.period_covered } : {}),
      durationDays: onsiteDays,
      online: row.online,
      leader: { name: leader.full_name, position: position(leader.roles) },
      members: team.filter((m) => m.role === "member").map((m) => ({ name: m.full_name, position: position(m.roles) })),
      ...(supervisor ? { supervisor: { name: supervisor.full_name, position: position(supervisor.roles) } } : {}),
    },
  });
  return doc.id;
}

export async function draftConclusion(trx: Trx, actor: Actor, row: Row, facts: InspectionFacts): Promise<string> {
  const [violations, sanctions, recommendations] = await Promise.all([
    trx
      .selectFrom("inspection_violation as v")
      .innerJoin("inspection_subject as s", "s.id", "v.subject_id")
      .select(["s.name", "v.kind", "v.description", "v.money", "v.land_m2"])
      .where("v.inspection_id", "=", row.id)
      .orderBy("v.created_at")
      .execute(),
    trx
      .selectFrom("inspection_sanction")
      .select(["number", "issued_on", "target_name", "fine", "additional_measures"])
      .where("inspection_id", "=", row.id)
      .orderBy("created_at")
      .execute(),
    trx
      .selectFrom("inspection_recommendation")
      .select(["type", "content", "amount", "land_m2", "responsible_unit", "due_on"])
      .where("inspection_id", "=", row.id)
      .orderBy("position")
      .execute(),
  ]);
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-KL",
    fields: {
      deciderTitle: await deciderTitle(trx, row.agency_id),
      title: row.title,
      decision: { number: facts.decisionNumber!, date: facts.decidedOn! },
      subjects: await subjectLines(trx, row.id),
      ...(row.period_covered ? { periodCovered: row.period_covered } : {}),
      ...(facts.announcedOn ? { onsiteFrom: facts.announcedOn } : {}),
      ...(facts.onsiteEndedOn ? { onsiteTo: facts.onsiteEndedOn } : {}),
      ...(facts.reportedOn ? { reportDate: facts.reportedOn } : {}),
      violations: violations.map((v) => ({
        subject: v.name,
        kind: VIOLATION_KIND_LABELS[v.kind as ViolationKind] ?? v.kind,
        text: v.description,
        moneyVnd: Number(v.money),
        landM2: Number(v.land_m2),
      })),
      sanctions: sanctions.map((x) => ({
        number: x.number,
        date: x.issued_on,
        target: x.target_name,
        fineVnd: Number(x.fine),
        ...(x.additional_measures ? { measures: x.additional_measures } : {}),
      })),
      recommendations: recommendations.map((r) => ({
        type: RECOMMENDATION_TYPE_LABELS[r.type],
        text: r.content,
        amountVnd: Number(r.amount),
        landM2: Number(r.land_m2),
        unit: r.responsible_unit,
        ...(r.due_on ? { dueOn: r.due_on } : {}),
      })),
      reservations: facts.reservations,
    },
  });
  return doc.id;
}

/**
 * The minutes of the announcement (TTr-BBCB), drafted by the announce step when its minutes are
 * given: the decision announced, when and where, the team (from the record) and the inspected
 * party's representative. Signed by the team leader and the representative, not in the head's
 * name; the draft is the paper of a recorded step, corrected rather than cancelled (docs/LAW.md §8.7).
 */
export async function draftAnnouncement(
  trx: Trx,
  actor: Actor,
  row: Row,
  facts: InspectionFacts,
  input: {
    date: string;
    minutes: {
      place: string;
      representative: string;
      representativePosition: string;
      startTime?: string | undefined;
      endTime?: string | undefined;
      opinions?: string | null | undefined;
    };
  },
): Promise<string> {
  const agency = await trx
    .selectFrom("agency")
    .select("name")
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const team = await trx
    .selectFrom("inspection_member as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.full_name", "m.role"])
    .where("m.inspection_id", "=", row.id)
    .orderBy("u.full_name")
    .execute();
  // Every decided inspection has its team leader (checked by the decision).
  const leader = team.find((t) => t.role === "leader") ?? team[0]!;
  const position = (role: string) => `${role === "leader" ? "Trưởng đoàn" : "Thành viên Đoàn"}, ${agency.name}`;
  const m = input.minutes;
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-BBCB",
    fields: {
      activity: row.kind === "specialised_check" ? "check" : "inspection",
      deciderTitle: await deciderTitle(trx, row.agency_id),
      decision: { number: facts.decisionNumber!, date: facts.decidedOn!, title: row.title },
      heldOn: input.date,
      ...(m.startTime ? { startTime: m.startTime } : {}),
      ...(m.endTime ? { endTime: m.endTime } : {}),
      place: m.place,
      leader: { name: leader.full_name, position: position("leader") },
      members: team
        .filter((t) => t.role === "member")
        .map((t) => ({ name: t.full_name, position: position("member") })),
      subject: (await subjectLines(trx, row.id)).join("; "),
      representatives: [{ name: m.representative, position: m.representativePosition }],
      ...(m.opinions?.trim() ? { opinions: m.opinions.trim() } : {}),
    },
  });
  return doc.id;
}

/**
 * The extension decision (TTr-GH), drafted by the extend step: the decision extended, the days
 * first set and added (the level's configuration), the ground. Signed in the system by a leader.
 */
export async function draftExtension(
  trx: Trx,
  actor: Actor,
  row: Row,
  facts: InspectionFacts,
  days: { onsite: number; extension: number },
  input: { ground: ExtensionGround; note?: string | null | undefined },
): Promise<string> {
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-GH",
    fields: {
      activity: row.kind === "specialised_check" ? "check" : "inspection",
      deciderTitle: await deciderTitle(trx, row.agency_id),
      decision: { number: facts.decisionNumber!, date: facts.decidedOn!, title: row.title },
      subjects: await subjectLines(trx, row.id),
      originalDays: days.onsite,
      extensionDays: days.extension,
      ...(facts.announcedOn ? { announcedOn: facts.announcedOn } : {}),
      ground: [EXTENSION_GROUND_LABELS[input.ground], input.note?.trim()].filter(Boolean).join(": "),
      proposal: "Trưởng đoàn thanh tra",
    },
  });
  return doc.id;
}

/** What a published text shows instead of personal data. */
const PERSONAL_MASK = "[thông tin cá nhân]";

/**
 * The publication notice of the conclusion (TTr-TBCK), drafted by the publish step: the main
 * findings and recommendations, with the personal data of individuals inspected (names, tax or
 * identity numbers, addresses) and every phone, e-mail or identity number by its shape masked, as
 * the petitions' masking does (domain text/redact.ts). Business secrets cannot be told by shape:
 * the drafter reviews the draft before submitting it.
 */
export async function draftPublication(
  trx: Trx,
  actor: Actor,
  row: Row,
  facts: InspectionFacts,
  input: { date: string; form?: string | null | undefined },
): Promise<string> {
  const agency = await trx
    .selectFrom("agency")
    .select("name")
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const subjects = await trx
    .selectFrom("inspection_target as t")
    .innerJoin("inspection_subject as s", "s.id", "t.subject_id")
    .select(["s.name", "s.tax_code", "s.kind", "s.address"])
    .where("t.inspection_id", "=", row.id)
    .orderBy("t.position")
    .execute();
  const people = subjects.filter((s) => s.kind === "individual");
  const redact = redactorFor(people.map((p) => ({ name: p.name, address: p.address, numbers: [p.tax_code] })));
  const mask = (text: string) => redact(text).split(REDACTION_MASK).join(PERSONAL_MASK);
  const [violations, sanctions, recommendations] = await Promise.all([
    trx
      .selectFrom("inspection_violation as v")
      .innerJoin("inspection_subject as s", "s.id", "v.subject_id")
      .select(["s.name", "s.kind", "v.kind as violation_kind", "v.description", "v.money"])
      .where("v.inspection_id", "=", row.id)
      .orderBy("v.created_at")
      .execute(),
    trx.selectFrom("inspection_sanction").select(["fine"]).where("inspection_id", "=", row.id).execute(),
    trx
      .selectFrom("inspection_recommendation")
      .select(["type", "content", "amount"])
      .where("inspection_id", "=", row.id)
      .orderBy("position")
      .execute(),
  ]);
  const named = (name: string, kind: string) => (kind === "individual" ? PERSONAL_MASK : name);
  const summary = [
    ...violations.map((v) => {
      const money = Number(v.money) ? ` (${formatDong(Number(v.money))})` : "";
      return mask(
        `${named(v.name, v.kind)} - ${VIOLATION_KIND_LABELS[v.violation_kind as ViolationKind] ?? v.violation_kind}: ${v.description}${money}`,
      );
    }),
    ...(sanctions.length
      ? [
          `Đã xử phạt vi phạm hành chính ${sanctions.length} trường hợp, tổng số tiền ${formatDong(sanctions.reduce((s, x) => s + Number(x.fine), 0))}`,
        ]
      : []),
    ...recommendations.map((r) => {
      const money = Number(r.amount) ? ` (${formatDong(Number(r.amount))})` : "";
      return mask(`Kiến nghị ${RECOMMENDATION_TYPE_LABELS[r.type].toLocaleLowerCase("vi")}: ${r.content}${money}`);
    }),
  ];
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-TBCK",
    fields: {
      conclusion: { number: facts.conclusionNumber!, date: facts.signedOn!, title: row.title },
      subjects: subjects.map((s) => named(s.name, s.kind)),
      summary: summary.length ? summary : ["Qua thanh tra, chưa phát hiện vi phạm"],
      portal: `Cổng thông tin điện tử của ${agency.name}`,
      publishFrom: input.date,
      // 15 consecutive days, the first included.
      publishTo: addDays(input.date, 14),
      otherForms: input.form?.trim() ? [input.form.trim()] : [],
    },
  });
  return doc.id;
}

/**
 * The administrative sanction decision (TTr-XP), drafted when a sanction is recorded: the
 * violator (for an organisation, the inspected subject's tax code and address), the violation and
 * the rule it breaks, the fine to the đồng, the sector decree and the violation record. The
 * competent person signs it in the system; the sanction counts from then (`sanctionPaperIssued`).
 */
export async function draftSanction(
  trx: Trx,
  actor: Actor,
  row: Row,
  input: {
    subjectId: string;
    targetKind: "organisation" | "individual";
    targetName: string;
    fine: number;
    additionalMeasures: string | null;
    violation: string;
    rule: string;
    sanctionDecree: string;
    record: { number: string; date: string };
  },
): Promise<string> {
  const [agency, subject] = await Promise.all([
    trx.selectFrom("agency").select("name").where("id", "=", row.agency_id).executeTakeFirstOrThrow(),
    trx
      .selectFrom("inspection_subject")
      .select(["kind", "name", "tax_code", "address"])
      .where("id", "=", input.subjectId)
      .executeTakeFirstOrThrow(),
  ]);
  // The subject's tax code and address describe the violator only when the organisation fined is
  // the subject inspected itself.
  const same =
    input.targetKind === "organisation" &&
    subject.kind !== "individual" &&
    subject.name.trim().toLocaleLowerCase("vi") === input.targetName.trim().toLocaleLowerCase("vi");
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-XP",
    fields: {
      deciderTitle: await deciderTitle(trx, row.agency_id),
      sanctionDecree: input.sanctionDecree,
      record: input.record,
      violator: {
        kind: input.targetKind,
        name: input.targetName,
        ...(same && subject.tax_code ? { taxCode: subject.tax_code } : {}),
        ...(same && subject.address ? { address: subject.address } : {}),
      },
      violations: [{ text: input.violation, rule: input.rule }],
      fineVnd: input.fine,
      additionalMeasures: input.additionalMeasures ? [input.additionalMeasures] : [],
      remedialMeasures: [],
      payAt: `Kho bạc Nhà nước (tài khoản thu ngân sách nhà nước do ${agency.name} thông báo)`,
    },
  });
  return doc.id;
}

/**
 * The directive on implementing the conclusion (TTr-CD), drafted by the `direct` step for the head
 * to sign: addressed to the inspected subjects and the units named in the recommendations, each
 * recommendation with its unit and due date. The step is taken when it is issued.
 */
export async function draftDirective(
  trx: Trx,
  actor: Actor,
  row: Row,
  facts: InspectionFacts,
  input: { reportBy?: string | null | undefined },
): Promise<string> {
  const [subjects, recommendations] = await Promise.all([
    trx
      .selectFrom("inspection_target as t")
      .innerJoin("inspection_subject as s", "s.id", "t.subject_id")
      .select(["s.name"])
      .where("t.inspection_id", "=", row.id)
      .orderBy("t.position")
      .execute(),
    trx
      .selectFrom("inspection_recommendation")
      .select(["content", "responsible_unit", "due_on"])
      .where("inspection_id", "=", row.id)
      .orderBy("position")
      .execute(),
  ]);
  const to = [...new Set([...subjects.map((s) => s.name), ...recommendations.map((r) => r.responsible_unit)])];
  const doc = await createDraft(trx, actor, {
    agencyId: row.agency_id,
    entityType: "inspection",
    entityId: row.id,
    formCode: "TTr-CD",
    fields: {
      activity: row.kind === "specialised_check" ? "check" : "inspection",
      conclusion: { number: facts.conclusionNumber!, date: facts.signedOn!, title: row.title },
      to: to.slice(0, 50),
      recommendations: recommendations.map((r) => ({
        text: r.content,
        unit: r.responsible_unit,
        ...(r.due_on ? { dueOn: r.due_on } : {}),
      })),
      ...(input.reportBy ? { reportBy: input.reportBy } : {}),
    },
  });
  return doc.id;
}
