/**
 * Demo data: one province after the 2025 reform (Lào Cai, merged with Yên Bái on 01/07/2025)
 * with its People's Committee, provincial Inspectorate, the Department of Industry and Trade and
 * two of its units, a second department, several communes, the units that were merged into
 * them, an emulation cluster of northern mountain provinces, and one demo account per role.
 */
import { isoFromDayNumber, toDayNumber } from "@minhbach/domain/legal-clock";
import { DISTRICT_LEVEL_ENDS, todayInVietnam, type RoleCode } from "@minhbach/domain";
import { createPetitionBody } from "@minhbach/domain/api/petitions";
import { PetitionGenerator, petitionBodyOf } from "@minhbach/domain/generate/index";
import { receiveMany } from "../modules/petitions/intake.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { recordAudit, SYSTEM_ACTOR } from "../platform/audit.ts";
import { insertUser } from "../modules/users/service.ts";

export const DEMO_PASSWORD = "MinhBach@2026";

interface AgencySeed {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  parent?: string;
  validFrom: string;
  validTo?: string;
  predecessors?: string[];
}

const REFORM = DISTRICT_LEVEL_ENDS;

const AGENCIES: AgencySeed[] = [
  // Units that ended with the reform (history, for lineage and old cases).
  {
    code: "OLD.UBND.YB",
    name: "UBND tỉnh Yên Bái",
    kind: "province_committee",
    validFrom: "1991-10-01",
    validTo: "2025-06-30",
  },
  {
    code: "OLD.UBND.LC",
    name: "UBND tỉnh Lào Cai (trước sáp nhập)",
    kind: "province_committee",
    validFrom: "1991-10-01",
    validTo: "2025-06-30",
  },
  {
    code: "OLD.TTS.SCT.LC",
    name: "Thanh tra Sở Công Thương tỉnh Lào Cai",
    kind: "department_unit",
    parent: "OLD.UBND.LC",
    validFrom: "2008-01-01",
    validTo: "2025-06-30",
  },
  {
    code: "OLD.UBND.H.BACHA",
    name: "UBND huyện Bắc Hà",
    kind: "district_committee",
    parent: "OLD.UBND.LC",
    validFrom: "1991-10-01",
    validTo: "2025-06-30",
  },
  {
    code: "OLD.UBND.X.BACHA",
    name: "UBND thị trấn Bắc Hà",
    kind: "commune_committee",
    parent: "OLD.UBND.H.BACHA",
    validFrom: "1991-10-01",
    validTo: "2025-06-30",
  },
  // The province after 01/07/2025.
  {
    code: "LC.UBND",
    name: "UBND tỉnh Lào Cai",
    shortName: "UBND tỉnh",
    kind: "province_committee",
    validFrom: REFORM,
    predecessors: ["OLD.UBND.YB", "OLD.UBND.LC"],
  },
  {
    code: "LC.TT",
    name: "Thanh tra tỉnh Lào Cai",
    shortName: "Thanh tra tỉnh",
    kind: "province_inspectorate",
    parent: "LC.UBND",
    validFrom: REFORM,
    predecessors: ["OLD.TTS.SCT.LC"],
  },
  {
    code: "LC.SCT",
    name: "Sở Công Thương tỉnh Lào Cai",
    shortName: "Sở Công Thương",
    kind: "department",
    parent: "LC.UBND",
    validFrom: REFORM,
  },
  { code: "LC.SCT.VP", name: "Văn phòng Sở Công Thương", kind: "department_unit", parent: "LC.SCT", validFrom: REFORM },
  {
    code: "LC.SCT.QLTT",
    name: "Chi cục Quản lý thị trường",
    kind: "department_unit",
    parent: "LC.SCT",
    validFrom: REFORM,
  },
  {
    code: "LC.SNNMT",
    name: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai",
    shortName: "Sở Nông nghiệp và Môi trường",
    kind: "department",
    parent: "LC.UBND",
    validFrom: REFORM,
  },
  {
    code: "LC.X.BACHA",
    name: "UBND xã Bắc Hà",
    kind: "commune_committee",
    parent: "LC.UBND",
    validFrom: REFORM,
    predecessors: ["OLD.UBND.X.BACHA"],
  },
  { code: "LC.P.LAOCAI", name: "UBND phường Lào Cai", kind: "commune_committee", parent: "LC.UBND", validFrom: REFORM },
  { code: "LC.P.YENBAI", name: "UBND phường Yên Bái", kind: "commune_committee", parent: "LC.UBND", validFrom: REFORM },
  { code: "LC.P.SAPA", name: "UBND phường Sa Pa", kind: "commune_committee", parent: "LC.UBND", validFrom: REFORM },
  {
    code: "LC.X.MUONGKHUONG",
    name: "UBND xã Mường Khương",
    kind: "commune_committee",
    parent: "LC.UBND",
    validFrom: REFORM,
  },
  // Other provinces of the emulation cluster (no accounts here).
  { code: "TQ.UBND", name: "UBND tỉnh Tuyên Quang", kind: "province_committee", validFrom: REFORM },
  { code: "TN.UBND", name: "UBND tỉnh Thái Nguyên", kind: "province_committee", validFrom: REFORM },
  { code: "PT.UBND", name: "UBND tỉnh Phú Thọ", kind: "province_committee", validFrom: REFORM },
  { code: "LCH.UBND", name: "UBND tỉnh Lai Châu", kind: "province_committee", validFrom: REFORM },
  { code: "DB.UBND", name: "UBND tỉnh Điện Biên", kind: "province_committee", validFrom: REFORM },
];

const GROUPS = [
  {
    code: "CUM.MNPB",
    name: "Cụm thi đua các tỉnh miền núi phía Bắc",
    kind: "emulation_cluster",
    members: ["LC.UBND", "TQ.UBND", "TN.UBND", "PT.UBND", "LCH.UBND", "DB.UBND"],
    // The cluster's lead (trưởng cụm) reads the cluster's report (issue 19).
    lead: "LC.UBND",
  },
];

export interface DemoAccount {
  username: string;
  fullName: string;
  agency: string;
  roles: RoleCode[];
  /** Chức vụ, printed under the signature of the papers a leader signs. */
  position?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", fullName: "Quản trị hệ thống", agency: "LC.UBND", roles: ["admin"] },
  { username: "lanhdao", fullName: "Nguyễn Văn Thành", agency: "LC.SCT", roles: ["leader"], position: "Giám đốc" },
  { username: "tiepdan", fullName: "Trần Thị Hoa", agency: "LC.SCT", roles: ["reception_officer"] },
  { username: "xulydon", fullName: "Lê Minh Tuấn", agency: "LC.SCT", roles: ["petition_handler"] },
  { username: "xacminh", fullName: "Phạm Thu Hằng", agency: "LC.SCT", roles: ["resolver"] },
  { username: "xacminh2", fullName: "Đinh Văn Khoa", agency: "LC.SCT", roles: ["resolver"] },
  { username: "thanhtra", fullName: "Hoàng Đức Long", agency: "LC.TT", roles: ["inspector"] },
  { username: "tonghop", fullName: "Vũ Thị Lan", agency: "LC.SCT", roles: ["reporting_officer"] },
  { username: "pctn", fullName: "Đặng Quốc Huy", agency: "LC.SCT", roles: ["anticorruption_officer"] },
  { username: "xem", fullName: "Bùi Thị Mai", agency: "LC.SCT", roles: ["viewer"] },
  // Enforcement of complaint decisions and denunciation handling decisions (issue 19, 05/KQTH).
  { username: "thihanh", fullName: "Lý Văn Phúc", agency: "LC.SCT", roles: ["enforcement_officer"] },
  { username: "admin.snnmt", fullName: "Đỗ Văn Nam", agency: "LC.SNNMT", roles: ["admin"] },
  { username: "xulydon.snnmt", fullName: "Trịnh Văn Bình", agency: "LC.SNNMT", roles: ["petition_handler"] },
  // Inspection plans (issue 17): the Department's specialised-check officer, the province's leader
  // (who sees every agency's plans and overlaps).
  { username: "kiemtra.sct", fullName: "Ngô Thị Thu", agency: "LC.SCT", roles: ["inspector"] },
  {
    username: "lanhdao.tinh",
    fullName: "Trần Quốc Bảo",
    agency: "LC.UBND",
    roles: ["leader"],
    position: "Phó Chủ tịch",
  },
];

/**
 * Generated letters for the demo agencies, received over the last six weeks so that lists show
 * work on time, due soon and overdue. Generated by the domain's seeded generator: the same
 * letters on every fresh install.
 */
export async function seedDemoPetitions(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  const from = isoFromDayNumber(toDayNumber(today) - 42);
  const plan: [string, number, number][] = [
    ["LC.SCT", 120, 2026],
    ["LC.SNNMT", 30, 2027],
  ];
  let total = 0;
  for (const [code, n, seed] of plan) {
    const agency = await db.selectFrom("agency").select("id").where("code", "=", code).executeTakeFirst();
    if (!agency) continue;
    const existing = await db
      .selectFrom("petition")
      .select("id")
      .where("agency_id", "=", agency.id)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const generator = new PetitionGenerator(seed, { from, to: today });
    const bodies = Array.from({ length: n }, () => createPetitionBody.parse(petitionBodyOf(generator.next())));
    bodies.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
    total += (await receiveMany(db, { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" }, agency.id, bodies)).length;
  }
  return total;
}

/** True when the database already holds agencies (then the seed does nothing). */
export async function hasData(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("agency").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function seedDemo(
  db: Kysely<DB>,
  options: { accounts?: boolean } = {},
): Promise<{ agencies: number; users: number }> {
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const seed of AGENCIES) {
      const existing = await trx.selectFrom("agency").select("id").where("code", "=", seed.code).executeTakeFirst();
      if (existing) {
        ids.set(seed.code, existing.id);
        continue;
      }
      const row = await trx
        .insertInto("agency")
        .values({
          code: seed.code,
          name: seed.name,
          short_name: seed.shortName ?? null,
          kind: seed.kind,
          parent_id: seed.parent ? ids.get(seed.parent)! : null,
          valid_from: seed.validFrom,
          valid_to: seed.validTo ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(seed.code, row.id);
      for (const predecessor of seed.predecessors ?? []) {
        await trx
          .insertInto("agency_lineage")
          .values({ successor_id: row.id, predecessor_id: ids.get(predecessor)!, effective_date: seed.validFrom })
          .execute();
      }
    }
    for (const group of GROUPS) {
      const existing = await trx
        .selectFrom("agency_group")
        .select("id")
        .where("code", "=", group.code)
        .executeTakeFirst();
      if (existing) continue;
      const row = await trx
        .insertInto("agency_group")
        .values({ code: group.code, name: group.name, kind: group.kind, lead_agency_id: ids.get(group.lead) ?? null })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("agency_group_member")
        .values(group.members.map((code) => ({ group_id: row.id, agency_id: ids.get(code)! })))
        .execute();
    }
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: "seed.demo",
      entityType: "system",
      summary: { agencies: AGENCIES.length, groups: GROUPS.length },
    });
  });
  let users = 0;
  if (options.accounts !== false) {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await db
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", account.username)
        .executeTakeFirst();
      if (existing) continue;
      await insertUser(db, SYSTEM_ACTOR, {
        username: account.username,
        fullName: account.fullName,
        position: account.position ?? null,
        agencyId: ids.get(account.agency)!,
        roles: account.roles,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      users++;
    }
  }
  return { agencies: AGENCIES.length, users };
}
