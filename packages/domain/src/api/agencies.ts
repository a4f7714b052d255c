import { DISTRICT_LEVEL_ENDS } from "../law/periods.ts";
import { formatDateVn } from "../time.ts";
import { isoDate, uuid } from "./common.ts";
import { z } from "./zod-vi.ts";

/** Kinds of organisation unit; `district` exists only for data from before DISTRICT_LEVEL_ENDS. */
export const AGENCY_KINDS = {
  province_committee: "UBND cấp tỉnh",
  province_inspectorate: "Thanh tra tỉnh",
  department: "Sở, ban, ngành",
  department_unit: "Đơn vị thuộc Sở",
  commune_committee: "UBND cấp xã",
  district_committee: `UBND cấp huyện (trước ${formatDateVn(DISTRICT_LEVEL_ENDS)})`,
  government_inspectorate: "Thanh tra Chính phủ",
  ministry: "Bộ, ngành trung ương",
  other: "Cơ quan, tổ chức khác",
} as const;
export type AgencyKind = keyof typeof AGENCY_KINDS;
export const agencyKind = z.enum(Object.keys(AGENCY_KINDS) as [AgencyKind, ...AgencyKind[]], {
  error: "Loại cơ quan không hợp lệ.",
});

export const agency = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: agencyKind,
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessorIds: z.array(z.string()),
  /** Units merged into this one (lineage), with their names, even when they have ended. */
  predecessors: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), validTo: z.string().nullable() }),
  ),
  /** Letterhead of official documents (Nghị định 30/2020): null means derived from the tree. */
  docAbbreviation: z.string().nullable(),
  docPlace: z.string().nullable(),
  docParentName: z.string().nullable(),
  version: z.number().int(),
});
export type Agency = z.infer<typeof agency>;

export const agencyTreeQuery = z.object({
  at: isoDate.optional(),
  includeEnded: z
    .enum(["true", "false"], { error: "includeEnded phải là true hoặc false." })
    .default("false")
    .transform((v) => v === "true"),
});

export const agencyCode = z
  .string()
  .trim()
  .min(2, { error: "Mã cơ quan phải có ít nhất 2 ký tự." })
  .max(40)
  .regex(/^[A-Z0-9._-]+$/, { error: "Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số và . _ -" });

export const createAgencyBody = z.strictObject({
  code: agencyCode,
  name: z.string().trim().min(1, { error: "Nhập tên cơ quan." }).max(200),
  shortName: z.string().trim().max(60).nullish(),
  kind: agencyKind,
  parentId: uuid.nullable(),
  validFrom: isoDate,
  predecessorIds: z.array(uuid).max(50).default([]),
});
export type CreateAgencyBody = z.infer<typeof createAgencyBody>;

export const updateAgencyBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, { error: "Nhập tên cơ quan." }).max(200).optional(),
  shortName: z.string().trim().max(60).nullish(),
  validTo: isoDate.nullish(),
  docAbbreviation: z
    .string()
    .trim()
    .max(20)
    .regex(/^[A-ZĐa-zđ0-9.&-]*$/, { error: "Chữ viết tắt chỉ gồm chữ, số và . & -" })
    .nullish(),
  docPlace: z.string().trim().max(60).nullish(),
  docParentName: z.string().trim().max(120).nullish(),
});

export const agencyGroup = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  memberIds: z.array(z.string()),
  memberNames: z.array(z.string()),
});

/** An agency as the directory of the whole system lists it (where a petition may be sent). */
export const agencyDirectoryEntry = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
});
export type AgencyDirectoryEntry = z.infer<typeof agencyDirectoryEntry>;
