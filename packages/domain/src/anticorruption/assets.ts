/**
 * What a declaration holds (Luật PCTN 2018 Điều 35; mẫu bản kê khai Nghị định 130/2020) and the
 * year-on-year comparison: an increase of 300 million đồng or more in total assets against the
 * previous declaration, without an explanation of where it came from, is a ground for verification
 * (Điều 41 khoản 1 điểm b). Amounts are whole đồng.
 */
import { formatDong, formatMillions } from "../text/money.ts";
import { SUPPLEMENTARY_THRESHOLD_DONG } from "./obligations.ts";

export const ASSET_OWNERS = ["declarant", "spouse", "child"] as const;
export type AssetOwner = (typeof ASSET_OWNERS)[number];

export const ASSET_OWNER_LABELS: Readonly<Record<AssetOwner, string>> = {
  declarant: "Người kê khai",
  spouse: "Vợ hoặc chồng",
  child: "Con chưa thành niên",
};

/** The sections of the form, in its order, with the name the form gives them. */
export const ASSET_SECTIONS = {
  land: "Quyền sử dụng đất",
  houses: "Nhà ở, công trình xây dựng",
  preciousMetals: "Kim khí quý, đá quý",
  money: "Tiền (tiền mặt, tiền gửi, cho vay…) từ 50 triệu đồng",
  valuables: "Cổ phiếu, trái phiếu, vốn góp, giấy tờ có giá và tài sản khác từ 50 triệu đồng",
  abroad: "Tài sản, tài khoản ở nước ngoài",
} as const;
export type AssetSection = keyof typeof ASSET_SECTIONS;
export const ASSET_SECTION_KEYS = Object.keys(ASSET_SECTIONS) as AssetSection[];

export interface AssetItem {
  owner: AssetOwner;
  description: string;
  /** Value in whole đồng. */
  value: number;
}

export interface FamilyMember {
  fullName: string;
  birthDate?: string | undefined;
}

export interface DeclarationContent {
  declarant: { fullName: string; birthDate?: string | undefined; position?: string | undefined };
  spouse?: FamilyMember | undefined;
  children: FamilyMember[];
  land: AssetItem[];
  houses: AssetItem[];
  preciousMetals: AssetItem[];
  money: AssetItem[];
  valuables: AssetItem[];
  abroad: AssetItem[];
  /** Total income between this declaration and the previous one, whole đồng. */
  income: number;
  /** Where an increase came from (biến động tài sản và giải trình nguồn gốc). */
  explanation?: string | undefined;
}

export function assetTotal(content: DeclarationContent): number {
  let total = 0;
  for (const key of ASSET_SECTION_KEYS) for (const item of content[key]) total += item.value;
  return total;
}

export interface Comparison {
  previousTotal: number | null;
  total: number;
  /** Total minus the previous total (null without a previous declaration). */
  increase: number | null;
  /** Increase ≥ 300 million đồng without an explanation. */
  flagged: boolean;
}

export function compareDeclarations(previous: DeclarationContent | null, next: DeclarationContent): Comparison {
  const total = assetTotal(next);
  if (!previous) return { previousTotal: null, total, increase: null, flagged: false };
  const previousTotal = assetTotal(previous);
  const increase = total - previousTotal;
  const explained = (next.explanation ?? "").trim().length > 0;
  return { previousTotal, total, increase, flagged: increase >= SUPPLEMENTARY_THRESHOLD_DONG && !explained };
}

/** "46.237 triệu đồng" for whole millions, "250.000 đồng" otherwise (declared values are often round). */
export function formatAssetValue(value: number): string {
  return Math.abs(value) >= 1_000_000 && value % 1_000_000 === 0 ? formatMillions(value) : formatDong(value);
}
