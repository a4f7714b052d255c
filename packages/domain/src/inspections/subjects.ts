/**
 * The subjects of inspections and specialised checks (docs/LAW.md §9): enterprises and business
 * households by tax code, state bodies (those of the installation by agency reference), and
 * individuals. The once-a-year rule keys on the subject, so a tax code is checked for its form
 * before it reaches the registry: a mistyped digit would make two subjects of one enterprise and
 * hide an overlap.
 */
import { validateTaxCode } from "../petitions/tax-code.ts";

export const SUBJECT_KIND_LIST = ["enterprise", "household", "state_body", "individual"] as const;
export type SubjectKind = (typeof SUBJECT_KIND_LIST)[number];

export const SUBJECT_KINDS: Readonly<Record<SubjectKind, string>> = {
  enterprise: "Doanh nghiệp",
  household: "Hộ kinh doanh",
  state_body: "Cơ quan, đơn vị nhà nước",
  individual: "Cá nhân",
};

/** "cơ quan hành chính nhà nước", "doanh nghiệp": how the cluster report counts them. */
export const SUBJECT_KIND_COUNT_WORDS: Readonly<Record<SubjectKind, string>> = {
  enterprise: "doanh nghiệp",
  household: "hộ kinh doanh",
  state_body: "cơ quan, đơn vị nhà nước",
  individual: "cá nhân",
};

export type SubjectTaxCodeForm = "enterprise" | "branch" | "personal_id";

export type SubjectTaxCodeCheck =
  { ok: true; value: string; form: SubjectTaxCodeForm } | { ok: false; message: string };

/**
 * Checks the form of a subject's tax code as typed ("0100233488", "0314409058-002",
 * "0314 409 058 - 002", "001085012345") and gives it back in the registry's form (digits, the
 * branch dash):
 * - 10 digits, the last the check digit, or 10 digits + "-" + 3 digits not 000 (a branch): the
 *   rule of petitions/tax-code.ts (`validateTaxCode`), written once. Its check digit was verified
 *   again for this registry: S = Σ dᵢ·wᵢ, w = 31, 29, 23, 19, 17, 13, 7, 5, 3, check = 10 − (S mod 11)
 *   is python-stdnum's `stdnum/vn/mst.py` (`calc_check_digit`) and holds on real codes
 *   (0100233488: S = 167, 167 mod 11 = 2, check 8; 0314409058: S = 332, check 8). One web validator
 *   (tools.gera.services/vietnam-mst-validator) writes 11 − (S mod 11), which refuses both real
 *   codes. See docs/LAW.md §9.4.
 * - 12 digits: a personal identification number (số định danh cá nhân), which individuals and
 *   business households use as their tax code since 01/7/2025 (docs/LAW.md §9.4). It has no check
 *   digit; its first three digits are a province code (001–096), the fourth the century and sex.
 * A code whose sequence part (digits 3–9) is all zeros was never issued and is refused too.
 */
export function checkTaxCode(input: string): SubjectTaxCodeCheck {
  const compact = input.replace(/[\s.]/g, "");
  if (!compact) return { ok: false, message: "Mã số thuế: nhập mã số." };
  if (/^\d{12}$/.test(compact)) {
    const province = Number(compact.slice(0, 3));
    if (province < 1 || province > 96)
      return {
        ok: false,
        message: "Mã số thuế: số định danh cá nhân 12 chữ số phải bắt đầu bằng mã tỉnh (001–096).",
      };
    return { ok: true, value: compact, form: "personal_id" };
  }
  if (/^\d{10}(?:-?\d{3})?$/.test(compact) && compact.slice(2, 9) === "0000000")
    return { ok: false, message: "Mã số thuế không hợp lệ (phần số thứ tự bằng 0)." };
  const checked = validateTaxCode(compact);
  if (!checked.ok) {
    if (checked.code === "TAX_CODE_FORMAT")
      return {
        ok: false,
        message:
          "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (đơn vị phụ thuộc), hoặc số định danh cá nhân 12 chữ số.",
      };
    return { ok: false, message: checked.message };
  }
  return { ok: true, value: checked.taxCode, form: checked.branch ? "branch" : "enterprise" };
}

/** Which kinds of subject carry a tax code, and which must. */
export function taxCodeRequired(kind: SubjectKind): boolean {
  return kind === "enterprise" || kind === "household";
}
