/**
 * The official documents an inspection's steps draft (issue 17): the decision to inspect when
 * it is decided (TTr-QD), the conclusion when it is signed (TTr-KL), filled from the record; the
 * officer edits the draft and issues it from the agency's register (modules/documents).
 */
import {
  RECOMMENDATION_TYPE_LABELS,
  VIOLATION_KIND_LABELS,
  type InspectionFacts,
  type ViolationKind,
} from "@minhbach/domain";
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
