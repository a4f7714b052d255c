/**
 * The position catalogue as seeded: positions and titles, whether their holders declare assets
 * and income every year (Luật PCTN 2018 Điều 36 khoản 3; Nghị định 130/2020 Điều 10), whether
 * they are rotated periodically and how often (Luật PCTN 2018 Điều 25; Nghị định 59/2019
 * Điều 36–37). The catalogue is data: it is copied into the database at start and the
 * anti-corruption officer edits it there (a province adds its own positions, a sector list
 * changes). Each entry names its legal basis. Source: docs/LAW.md §10.1–10.2.
 */
import { cite } from "../law/acts.ts";

export const POSITION_KINDS = ["position", "title"] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export const POSITION_KIND_LABELS: Readonly<Record<PositionKind, string>> = {
  position: "Chức vụ",
  title: "Ngạch, chức danh",
};

export interface PositionSeed {
  code: string;
  name: string;
  kind: PositionKind;
  /** Declares every year by 31/12. */
  declaresAnnually: boolean;
  /** Why (or, for an entry that does not declare yearly, why it declares at all). */
  declarationBasis: string;
  /** Must be rotated periodically. */
  rotation: boolean;
  /** The sector (lĩnh vực) of the rotation list. */
  sector: string | null;
  /** Rotation period in months (from a full 24 to 60, Điều 25 khoản 2 Luật PCTN 2018). */
  rotationMonths: number | null;
  rotationBasis: string | null;
}

const ART34 = `Điều 34 ${cite("LPCTN")}`;
const ANNUAL_A = `Điểm a khoản 3 Điều 36 ${cite("LPCTN")}`;
const ND130_10_1 = `Khoản 1 Điều 10 ${cite("ND130")}`;
const ND130_10_2 = `Khoản 2 Điều 10 ${cite("ND130")}`;
const ROTATION = `Điều 25 ${cite("LPCTN")}; Điều 36, 37 ${cite("ND59")}`;

export const POSITION_SEEDS: readonly PositionSeed[] = [
  {
    code: "GD_SO",
    name: "Giám đốc sở và tương đương",
    kind: "position",
    declaresAnnually: true,
    declarationBasis: ANNUAL_A,
    rotation: false,
    sector: null,
    rotationMonths: null,
    rotationBasis: null,
  },
  {
    code: "PGD_SO",
    name: "Phó giám đốc sở và tương đương",
    kind: "position",
    declaresAnnually: true,
    declarationBasis: ANNUAL_A,
    rotation: false,
    sector: null,
    rotationMonths: null,
    rotationBasis: null,
  },
  {
    code: "CHANH_TT",
    name: "Chánh Thanh tra, Phó Chánh Thanh tra",
    kind: "position",
    declaresAnnually: true,
    declarationBasis: ANNUAL_A,
    rotation: false,
    sector: null,
    rotationMonths: null,
    rotationBasis: null,
  },
  {
    code: "THANH_TRA_VIEN",
    name: "Thanh tra viên",
    kind: "title",
    declaresAnnually: true,
    declarationBasis: ND130_10_1,
    rotation: true,
    sector: "Thanh tra",
    rotationMonths: 36,
    rotationBasis: ROTATION,
  },
  {
    code: "KE_TOAN",
    name: "Kế toán viên",
    kind: "title",
    declaresAnnually: true,
    declarationBasis: ND130_10_1,
    rotation: true,
    sector: "Tài chính, kế toán",
    rotationMonths: 36,
    rotationBasis: ROTATION,
  },
  {
    code: "KIEM_SOAT_VIEN_TT",
    name: "Kiểm soát viên thị trường",
    kind: "title",
    declaresAnnually: true,
    declarationBasis: ND130_10_1,
    rotation: true,
    sector: "Quản lý thị trường",
    rotationMonths: 36,
    rotationBasis: ROTATION,
  },
  {
    code: "KIEM_LAM",
    name: "Kiểm lâm viên",
    kind: "title",
    declaresAnnually: true,
    declarationBasis: ND130_10_1,
    rotation: true,
    sector: "Nông nghiệp và môi trường",
    rotationMonths: 36,
    rotationBasis: ROTATION,
  },
  {
    code: "PTP_TAI_CHINH",
    name: "Trưởng phòng, Phó trưởng phòng phụ trách tài chính, kế toán, mua sắm công",
    kind: "position",
    declaresAnnually: true,
    declarationBasis: ND130_10_2,
    rotation: true,
    sector: "Tài chính, kế toán",
    rotationMonths: 48,
    rotationBasis: ROTATION,
  },
  {
    code: "PTP_DAT_DAI",
    name: "Trưởng phòng, Phó trưởng phòng cấp giấy chứng nhận quyền sử dụng đất",
    kind: "position",
    declaresAnnually: true,
    declarationBasis: ND130_10_2,
    rotation: true,
    sector: "Đất đai",
    rotationMonths: 48,
    rotationBasis: ROTATION,
  },
  {
    code: "TRUONG_PHONG",
    name: "Trưởng phòng, Phó trưởng phòng (lĩnh vực khác)",
    kind: "position",
    declaresAnnually: false,
    declarationBasis: ART34,
    rotation: false,
    sector: null,
    rotationMonths: null,
    rotationBasis: null,
  },
  {
    code: "CHUYEN_VIEN",
    name: "Chuyên viên (công chức)",
    kind: "title",
    declaresAnnually: false,
    declarationBasis: ART34,
    rotation: false,
    sector: null,
    rotationMonths: null,
    rotationBasis: null,
  },
];
