/**
 * Catalogue of fields (lĩnh vực) a petition is about: seed data for the lookup table. Codes are
 * stable identifiers — never rename or reuse one; retire it with `retired: true` instead.
 *
 * Two groups: the fields of the Industry and Trade sector (ngành Công Thương), where the first users
 * work, and the general administrative fields used by every body. Reports group petitions by
 * "lĩnh vực hành chính / tư pháp / tham nhũng / khác" — see `reportGroup`.
 */
export type FieldGroup = "industry_trade" | "administrative";

export const FIELD_GROUPS: Readonly<Record<FieldGroup, string>> = {
  industry_trade: "Lĩnh vực ngành Công Thương",
  administrative: "Lĩnh vực hành chính chung",
};

export type ReportFieldGroup = "administrative" | "judicial" | "corruption" | "other";

export interface PetitionField {
  code: string;
  name: string;
  group: FieldGroup;
  /** Column group in the statistical forms [P]. */
  reportGroup: ReportFieldGroup;
  retired?: boolean;
}

export const PETITION_FIELDS: readonly PetitionField[] = [
  { code: "CT.DIEN_LUC", name: "Điện lực", group: "industry_trade", reportGroup: "administrative" },
  { code: "CT.XANG_DAU", name: "Xăng dầu", group: "industry_trade", reportGroup: "administrative" },
  { code: "CT.HOA_CHAT", name: "Hóa chất", group: "industry_trade", reportGroup: "administrative" },
  { code: "CT.AN_TOAN_THUC_PHAM", name: "An toàn thực phẩm", group: "industry_trade", reportGroup: "administrative" },
  {
    code: "CT.TAI_NGUYEN_NUOC_KHOANG_SAN",
    name: "Tài nguyên nước và khoáng sản",
    group: "industry_trade",
    reportGroup: "administrative",
  },
  { code: "CT.THUONG_MAI", name: "Thương mại", group: "industry_trade", reportGroup: "administrative" },
  { code: "CT.QUAN_LY_THI_TRUONG", name: "Quản lý thị trường", group: "industry_trade", reportGroup: "administrative" },
  {
    code: "CT.VAT_LIEU_NO_CONG_NGHIEP",
    name: "Vật liệu nổ công nghiệp",
    group: "industry_trade",
    reportGroup: "administrative",
  },
  { code: "CT.CUM_CONG_NGHIEP", name: "Cụm công nghiệp", group: "industry_trade", reportGroup: "administrative" },
  { code: "HC.DAT_DAI", name: "Đất đai", group: "administrative", reportGroup: "administrative" },
  { code: "HC.XAY_DUNG", name: "Xây dựng", group: "administrative", reportGroup: "administrative" },
  { code: "HC.TAI_CHINH", name: "Tài chính", group: "administrative", reportGroup: "administrative" },
  { code: "HC.TO_CHUC_CAN_BO", name: "Tổ chức cán bộ", group: "administrative", reportGroup: "administrative" },
  { code: "HC.CHINH_SACH_XA_HOI", name: "Chính sách xã hội", group: "administrative", reportGroup: "administrative" },
  { code: "HC.MOI_TRUONG", name: "Môi trường", group: "administrative", reportGroup: "administrative" },
  { code: "HC.TU_PHAP", name: "Tư pháp", group: "administrative", reportGroup: "judicial" },
  { code: "HC.THAM_NHUNG", name: "Tham nhũng, tiêu cực", group: "administrative", reportGroup: "corruption" },
  { code: "HC.KHAC", name: "Khác", group: "administrative", reportGroup: "other" },
];

export const PETITION_FIELD_CODES = PETITION_FIELDS.map((f) => f.code) as [string, ...string[]];

// The catalogue in use. The fields above are the seed; administrators edit the installation's
// catalogue (table field_catalog), and the server — and the web app, from the API — install it
// here with installFieldCatalog, so every check and every label reads the same list.
let catalogue: readonly PetitionField[] = PETITION_FIELDS;
let byCode = new Map(catalogue.map((f) => [f.code, f]));

export function installFieldCatalog(fields: readonly PetitionField[]): void {
  catalogue = [...fields];
  byCode = new Map(catalogue.map((f) => [f.code, f]));
}

/** Every field of the catalogue in use, retired ones included, in their order. */
export function fieldCatalog(): readonly PetitionField[] {
  return catalogue;
}

export function fieldByCode(code: string): PetitionField | undefined {
  return byCode.get(code);
}

export function isActiveFieldCode(code: string): boolean {
  const field = byCode.get(code);
  return field !== undefined && !field.retired;
}
