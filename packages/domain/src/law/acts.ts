/**
 * The legal texts the system applies, each listed once (docs/LAW.md §1). Rules, checks and
 * documents name a text by its id and take the words they print from here, so that a text's
 * number, date or name is written in one place and an amended or replacing text is one entry.
 *
 * Dates marked `probable` were not read in the published text (Công báo); docs/LAW.md §0.1.
 */

export type ActType = "Bộ luật" | "Luật" | "Nghị quyết" | "Nghị định" | "Thông tư" | "Chỉ thị";

export interface Act {
  id: ActId;
  type: ActType;
  /** "02/2011/QH13". */
  number: string;
  /** The issuing body as the formal citation names it ("Quốc hội", "Chính phủ", "Thanh tra Chính phủ"). */
  issuer: string;
  /**
   * What the text is about, after its type: "Khiếu nại" for a law, "quy định chi tiết … Luật Khiếu
   * nại" for a decree (the trích yếu as printed).
   */
  title: string;
  /** The Vietnamese name: "Luật Khiếu nại", "Nghị định quy định chi tiết … Luật Khiếu nại". */
  name: string;
  /** How the system's rules cite it: "Luật Khiếu nại 2011", "Nghị định 124/2020/NĐ-CP". */
  short: string;
  /** Date of signing (passing, for a law). */
  signed: string;
  /** First day in force. */
  inForceFrom: string;
  /** Last day in force; null while in force. */
  inForceTo: string | null;
  /** Texts this one replaced, by number (the replaced ones need not be in the catalogue). */
  replaces: readonly string[];
  /** Some dates come from secondary sources only (docs/LAW.md §0.1 [P]). */
  probable?: true;
}

interface ActEntry {
  type: ActType;
  number: string;
  issuer: string;
  title: string;
  signed: string;
  inForceFrom: string;
  inForceTo?: string | null;
  replaces?: readonly string[];
  probable?: true;
}

const ENTRIES = {
  // ---- Reception, petitions, complaints, denunciations (docs/LAW.md §3–§6) --------------------
  LTCD: {
    type: "Luật",
    number: "42/2013/QH13",
    issuer: "Quốc hội",
    title: "Tiếp công dân",
    signed: "2013-11-25",
    inForceFrom: "2014-07-01",
    probable: true,
  },
  ND64: {
    type: "Nghị định",
    number: "64/2014/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết thi hành một số điều của Luật Tiếp công dân",
    signed: "2014-06-26",
    inForceFrom: "2014-07-01",
    probable: true,
  },
  TT04: {
    type: "Thông tư",
    number: "04/2021/TT-TTCP",
    issuer: "Thanh tra Chính phủ",
    title: "quy định quy trình tiếp công dân",
    signed: "2021-10-01",
    inForceFrom: "2021-11-15",
    replaces: ["06/2014/TT-TTCP"],
    probable: true,
  },
  TT05: {
    type: "Thông tư",
    number: "05/2021/TT-TTCP",
    issuer: "Thanh tra Chính phủ",
    title: "quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    signed: "2021-10-01",
    inForceFrom: "2021-11-15",
    replaces: ["07/2014/TT-TTCP"],
  },
  LKN: {
    type: "Luật",
    number: "02/2011/QH13",
    issuer: "Quốc hội",
    title: "Khiếu nại",
    signed: "2011-11-11",
    inForceFrom: "2012-07-01",
  },
  ND75: {
    type: "Nghị định",
    number: "75/2012/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết một số điều của Luật Khiếu nại",
    signed: "2012-10-03",
    inForceFrom: "2012-11-20",
    inForceTo: "2020-12-04",
    probable: true,
  },
  ND124: {
    type: "Nghị định",
    number: "124/2020/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
    signed: "2020-10-19",
    inForceFrom: "2020-12-05",
    replaces: ["75/2012/NĐ-CP"],
    probable: true,
  },
  LTC: {
    type: "Luật",
    number: "25/2018/QH14",
    issuer: "Quốc hội",
    title: "Tố cáo",
    signed: "2018-06-12",
    inForceFrom: "2019-01-01",
    replaces: ["03/2011/QH13"],
  },
  ND31: {
    type: "Nghị định",
    number: "31/2019/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo",
    signed: "2019-04-10",
    inForceFrom: "2019-05-28",
    replaces: ["76/2012/NĐ-CP"],
  },

  // ---- Official documents -----------------------------------------------------------------------
  ND30: {
    type: "Nghị định",
    number: "30/2020/NĐ-CP",
    issuer: "Chính phủ",
    title: "về công tác văn thư",
    signed: "2020-03-05",
    inForceFrom: "2020-03-05",
    replaces: ["110/2004/NĐ-CP"],
    probable: true,
  },

  // ---- Counting time (docs/LAW.md §7) -----------------------------------------------------------
  BLDS: {
    type: "Bộ luật",
    number: "91/2015/QH13",
    issuer: "Quốc hội",
    title: "Dân sự",
    signed: "2015-11-24",
    inForceFrom: "2017-01-01",
  },
  BLLD_1994: {
    type: "Bộ luật",
    number: "35-L/CTN",
    issuer: "Quốc hội",
    title: "Lao động",
    signed: "1994-06-23",
    inForceFrom: "1995-01-01",
    inForceTo: "2013-04-30",
    probable: true,
  },
  BLLD_2012: {
    type: "Bộ luật",
    number: "10/2012/QH13",
    issuer: "Quốc hội",
    title: "Lao động",
    signed: "2012-06-18",
    inForceFrom: "2013-05-01",
    inForceTo: "2020-12-31",
    replaces: ["35-L/CTN"],
    probable: true,
  },
  BLLD: {
    type: "Bộ luật",
    number: "45/2019/QH14",
    issuer: "Quốc hội",
    title: "Lao động",
    signed: "2019-11-20",
    inForceFrom: "2021-01-01",
    replaces: ["10/2012/QH13"],
    probable: true,
  },

  // ---- Inspections, anti-corruption, reports (docs/LAW.md §8, §10, §11) -------------------------
  LTTR: {
    type: "Luật",
    number: "84/2025/QH15",
    issuer: "Quốc hội",
    title: "Thanh tra",
    signed: "2025-06-25",
    inForceFrom: "2025-07-01",
    replaces: ["11/2022/QH15"],
  },
  ND216: {
    type: "Nghị định",
    number: "216/2025/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết một số điều của Luật Thanh tra",
    signed: "2025-08-05",
    inForceFrom: "2025-08-05",
    replaces: ["43/2023/NĐ-CP", "03/2024/NĐ-CP"],
    probable: true,
  },
  ND217: {
    type: "Nghị định",
    number: "217/2025/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định về hoạt động kiểm tra chuyên ngành",
    signed: "2025-08-05",
    inForceFrom: "2025-08-05",
    probable: true,
  },
  TT04_2025: {
    type: "Thông tư",
    number: "04/2025/TT-TTCP",
    issuer: "Thanh tra Chính phủ",
    title: "hướng dẫn xây dựng định hướng chương trình thanh tra, kế hoạch thanh tra và xử lý chồng chéo, trùng lặp",
    signed: "2025-08-28",
    inForceFrom: "2025-08-28",
  },
  CT20: {
    type: "Chỉ thị",
    number: "20/CT-TTg",
    issuer: "Thủ tướng Chính phủ",
    title: "về việc chấn chỉnh hoạt động thanh tra, kiểm tra đối với doanh nghiệp",
    signed: "2017-05-17",
    inForceFrom: "2017-05-17",
  },
  NQ198: {
    type: "Nghị quyết",
    number: "198/2025/QH15",
    issuer: "Quốc hội",
    title: "về một số cơ chế, chính sách đặc biệt phát triển kinh tế tư nhân",
    signed: "2025-05-17",
    inForceFrom: "2025-05-17",
    probable: true,
  },
  LPCTN: {
    type: "Luật",
    number: "36/2018/QH14",
    issuer: "Quốc hội",
    title: "Phòng, chống tham nhũng",
    signed: "2018-11-20",
    inForceFrom: "2019-07-01",
  },
  ND59: {
    type: "Nghị định",
    number: "59/2019/NĐ-CP",
    issuer: "Chính phủ",
    title: "quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tham nhũng",
    signed: "2019-07-01",
    inForceFrom: "2019-08-20",
    probable: true,
  },
  ND130: {
    type: "Nghị định",
    number: "130/2020/NĐ-CP",
    issuer: "Chính phủ",
    title: "về kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn trong cơ quan, tổ chức, đơn vị",
    signed: "2020-10-30",
    inForceFrom: "2020-12-20",
  },
  TT06_2025: {
    type: "Thông tư",
    number: "06/2025/TT-TTCP",
    issuer: "Thanh tra Chính phủ",
    title: "quy định chế độ thông tin, báo cáo",
    signed: "2025-09-29",
    inForceFrom: "2025-09-30",
    replaces: ["01/2024/TT-TTCP"],
    probable: true,
  },
} as const satisfies Record<string, ActEntry>;

export type ActId = keyof typeof ENTRIES;

function build(id: ActId, e: ActEntry): Act {
  const name = `${e.type} ${e.title}`;
  const isLaw = e.type === "Luật" || e.type === "Bộ luật";
  return {
    id,
    type: e.type,
    number: e.number,
    issuer: e.issuer,
    title: e.title,
    name,
    short: isLaw ? `${name} ${e.signed.slice(0, 4)}` : `${e.type} ${e.number}`,
    signed: e.signed,
    inForceFrom: e.inForceFrom,
    inForceTo: e.inForceTo ?? null,
    replaces: e.replaces ?? [],
    ...(e.probable ? { probable: true as const } : {}),
  };
}

export const ACTS: Readonly<Record<ActId, Act>> = Object.fromEntries(
  (Object.entries(ENTRIES) as [ActId, ActEntry][]).map(([id, e]) => [id, build(id, e)]),
) as Record<ActId, Act>;

export function act(id: ActId): Act {
  return ACTS[id];
}

/** Whether the text is in force on a day ("yyyy-mm-dd"). */
export function inForce(id: ActId, on: string): boolean {
  const a = ACTS[id];
  return a.inForceFrom <= on && (a.inForceTo === null || on <= a.inForceTo);
}

// ---- The words documents and rules print ---------------------------------------------------------

/** "Luật Khiếu nại 2011", "Nghị định 124/2020/NĐ-CP": how rules and checks cite a text. */
export function cite(id: ActId): string {
  return ACTS[id].short;
}

/** "Luật Khiếu nại năm 2011": a law as the text of an official document names it. */
export function citeInYear(id: ActId): string {
  const a = ACTS[id];
  return `${a.name} năm ${a.signed.slice(0, 4)}`;
}

/** "Thông tư số 04/2021/TT-TTCP". */
export function numbered(id: ActId): string {
  const a = ACTS[id];
  return `${a.type} số ${a.number}`;
}

/**
 * "Nghị định số 124/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết …": the full
 * citation, the date written as NĐ 30/2020 wants it (a day below 10 and the months 1 and 2 with a 0),
 * in figures or, with `inWords`, "ngày 19 tháng 10 năm 2020".
 */
export function formalCitation(id: ActId, options: { inWords?: boolean } = {}): string {
  const a = ACTS[id];
  const date = options.inWords ? wordDate(a.signed) : `ngày ${slashDate(a.signed)}`;
  return `${numbered(id)} ${date} của ${a.issuer} ${a.title}`;
}

/** "Luật Khiếu nại ngày 11 tháng 11 năm 2011": a law by its name and the day it was passed. */
export function lawOfDate(id: ActId): string {
  const a = ACTS[id];
  return `${a.name} ${wordDate(a.signed)}`;
}

/**
 * The "Căn cứ" line of a decision: a law by its name and the day it was passed ("Căn cứ Luật
 * Khiếu nại ngày 11 tháng 11 năm 2011"), any other text by its full citation.
 */
export function legalGround(id: ActId): string {
  const a = ACTS[id];
  return `Căn cứ ${a.type === "Luật" || a.type === "Bộ luật" ? lawOfDate(id) : formalCitation(id)}`;
}

function parts(iso: string): [number, number, number] {
  return iso.split("-").map(Number) as [number, number, number];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function slashDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${pad(d)}/${m < 3 ? pad(m) : m}/${y}`;
}

function wordDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `ngày ${d < 10 ? pad(d) : d} tháng ${m < 3 ? pad(m) : m} năm ${y}`;
}
