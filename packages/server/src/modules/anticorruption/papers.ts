/**
 * The papers printed from anti-corruption records (.docx, NĐ 30/2020 layout, as drafts to be
 * numbered and signed in the documents register): the obligated list of a campaign, the yearly
 * verification plan, the rotation plan of a year from the tenure clocks.
 */
import { DECLARATION_KIND_LABELS, ROTATION_STATUS_LABELS } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { recordAudit, type Actor } from "../../platform/audit.ts";
import { loadIssuingAgency } from "../documents/letterhead.ts";
import { renderDocument } from "../documents/render.ts";
import { composeModel } from "../documents/service.ts";
import { findTemplate } from "../documents/templates.ts";
import { getCampaign } from "./campaigns.ts";
import { rotationList } from "./rotation.ts";
import { getPlan } from "./verification.ts";

async function draftOf(db: Kysely<DB>, formCode: string, agencyId: string, year: number, fields: unknown) {
  const template = findTemplate(formCode)!;
  const agency = await loadIssuingAgency(db, agencyId);
  return renderDocument(composeModel(template.build(fields, agency), agency, template.series, { draftYear: year }));
}

async function audited(db: Kysely<DB>, actor: Actor, entityType: string, entityId: string | null, name: string) {
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: "anticorruption.paper.downloaded",
      entityType,
      entityId,
      summary: { name },
    }),
  );
}

/** The obligated list of a campaign, by unit, with each person's kind and reason. */
export async function obligatedListPaper(db: Kysely<DB>, auth: AuthContext, actor: Actor, campaignId: string) {
  const campaign = await getCampaign(db, auth, campaignId);
  const byUnit = new Map<
    string,
    { name: string; persons: { code: string; name: string; kind: string; reason: string }[] }
  >();
  for (const o of campaign.items) {
    if (o.removed) continue;
    const unit = byUnit.get(o.unitAgencyId) ?? { name: o.unitName, persons: [] };
    unit.persons.push({
      code: o.officialCode,
      name: o.fullName,
      kind: DECLARATION_KIND_LABELS[o.kind],
      reason: o.reason,
    });
    byUnit.set(o.unitAgencyId, unit);
  }
  const units = [...byUnit.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  if (!units.length) units.push({ name: "Không có người phải kê khai", persons: [] });
  const bytes = await draftOf(db, "PCTN-DS-KK", campaign.agencyId, campaign.year, {
    year: campaign.year,
    due: campaign.deadline.due,
    units,
  });
  await audited(db, actor, "ac_campaign", campaignId, `Danh sách người có nghĩa vụ kê khai năm ${campaign.year}`);
  return { bytes, fileName: `Danh-sach-ke-khai-${campaign.year}.docx` };
}

/** The yearly verification plan, from its record. */
export async function verificationPlanPaper(db: Kysely<DB>, auth: AuthContext, actor: Actor, planId: string) {
  const plan = await getPlan(db, auth, planId);
  const bytes = await draftOf(db, "PCTN-KH-XM", plan.agencyId, plan.year, {
    year: plan.year,
    issuedOn: plan.issuedOn,
    namedBody: plan.namedBody,
    unitPercent: plan.unitPercent,
    personPercent: plan.personPercent,
    selectionDue: plan.selectionDue,
  });
  await audited(db, actor, "ac_plan", planId, `Kế hoạch xác minh năm ${plan.year}`);
  return { bytes, fileName: `Ke-hoach-xac-minh-${plan.year}.docx` };
}

/**
 * The rotation plan of the year of `on`: who must be rotated (full period reached, maximum near
 * or passed), who is deferred and who is not rotated (under 18 months to retirement).
 */
export async function rotationPlanPaper(db: Kysely<DB>, auth: AuthContext, actor: Actor, on?: string) {
  const list = await rotationList(db, auth, on);
  const year = Number(list.on.slice(0, 4));
  const must = list.items.filter(
    (i) => i.status === "due" || i.status === "approaching_max" || i.status === "over_max",
  );
  const bytes = await draftOf(db, "PCTN-KH-CD", auth.agencyId, year, {
    year,
    on: list.on,
    persons: must.map((i) => ({
      name: i.fullName,
      code: i.officialCode,
      unit: i.unitName,
      position: i.positionName,
      sector: i.sector,
      from: i.from,
      tenureMonths: i.tenureMonths,
      status: ROTATION_STATUS_LABELS[i.status],
    })),
    deferred: list.items
      .filter((i) => i.status === "deferred")
      .map((i) => ({ name: i.fullName, code: i.officialCode, detail: i.detail })),
    exempt: list.items
      .filter((i) => i.status === "retirement_exempt")
      .map((i) => ({ name: i.fullName, code: i.officialCode, detail: i.detail })),
  });
  await audited(db, actor, "ac_official", null, `Kế hoạch chuyển đổi vị trí công tác năm ${year}`);
  return { bytes, fileName: `Ke-hoach-chuyen-doi-vi-tri-${year}.docx` };
}
