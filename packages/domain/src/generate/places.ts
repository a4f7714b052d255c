/**
 * Places for test data: the 34 provinces from 12/06/2025 (Nghị quyết 202/2025/QH15), the pre-2025
 * provinces merged into each (whose codes people's identity numbers still carry), and communes.
 *
 * Communes: for Lào Cai, Hà Nội, Hồ Chí Minh and Đà Nẵng a few real post-2025 wards and communes are
 * listed (names of the two-level map from 01/07/2025 [P] — believed right, not checked against each
 * province's resolution). For the other provinces the communes are invented from common place-name
 * words (`synthetic: true`): they look Vietnamese, but may not exist in that province.
 * The weights are rough population shares, enough for realistic-looking distributions.
 */
import type { Random } from "./prng.ts";
import { Weighted } from "./prng.ts";

export interface Province {
  name: string;
  /** "tỉnh" or "thành phố" (centrally governed city). */
  unit: "tỉnh" | "thành phố";
  /** Birth-registration codes of the pre-2025 provinces merged into this one. */
  birthCodes: readonly string[];
  communes: readonly string[];
  synthetic: boolean;
  weight: number;
}

const SYNTHETIC_WORDS: readonly string[] = [
  "An Phú",
  "Tân Hòa",
  "Hòa Bình",
  "Phú Lợi",
  "Tân Thành",
  "Bình An",
  "Thạnh Mỹ",
  "Hưng Thịnh",
  "Đông Hưng",
  "Quảng Phú",
  "Tân Lập",
  "Yên Hòa",
  "Hòa Lạc",
  "Phước Long",
  "Vĩnh Hưng",
  "Thuận An",
  "Minh Đức",
  "Xuân Phú",
  "Đồng Tâm",
  "Kim Sơn",
  "Trung Hòa",
  "Nam Sơn",
  "Bắc Sơn",
  "Tân Tiến",
  "Phú Thịnh",
  "Long Hòa",
  "Hiệp Hòa",
  "Thanh Bình",
  "Mỹ Lộc",
  "Quang Trung",
];

function synthetic(seed: number): string[] {
  // Six communes per province, chosen deterministically from the word list.
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const word = SYNTHETIC_WORDS[(seed * 7 + i * 5) % SYNTHETIC_WORDS.length] as string;
    out.push(`${i % 3 === 0 ? "phường" : "xã"} ${word}`);
  }
  return out;
}

type ProvinceSeed = [name: string, unit: "tỉnh" | "thành phố", codes: string[], weight: number, communes?: string[]];

const SEEDS: readonly ProvinceSeed[] = [
  [
    "Hà Nội",
    "thành phố",
    ["001"],
    8.7,
    [
      "phường Hoàn Kiếm",
      "phường Cửa Nam",
      "phường Ba Đình",
      "phường Ngọc Hà",
      "phường Giảng Võ",
      "phường Hai Bà Trưng",
      "phường Đống Đa",
      "phường Cầu Giấy",
      "phường Tây Hồ",
      "phường Long Biên",
      "phường Hà Đông",
      "phường Hoàng Mai",
    ],
  ],
  ["Huế", "thành phố", ["046"], 1.2],
  ["Lai Châu", "tỉnh", ["012"], 0.5],
  ["Điện Biên", "tỉnh", ["011"], 0.6],
  ["Sơn La", "tỉnh", ["014"], 1.3],
  ["Lạng Sơn", "tỉnh", ["020"], 0.8],
  ["Quảng Ninh", "tỉnh", ["022"], 1.4],
  ["Thanh Hóa", "tỉnh", ["038"], 3.7],
  ["Nghệ An", "tỉnh", ["040"], 3.4],
  ["Hà Tĩnh", "tỉnh", ["042"], 1.3],
  ["Cao Bằng", "tỉnh", ["004"], 0.5],
  ["Tuyên Quang", "tỉnh", ["008", "002"], 1.9],
  [
    "Lào Cai",
    "tỉnh",
    ["015", "010"],
    1.7,
    ["phường Lào Cai", "phường Cam Đường", "phường Yên Bái", "phường Sa Pa", "xã Bắc Hà", "xã Mường Khương"],
  ],
  ["Thái Nguyên", "tỉnh", ["019", "006"], 1.7],
  ["Phú Thọ", "tỉnh", ["025", "026", "017"], 4.0],
  ["Bắc Ninh", "tỉnh", ["024", "027"], 3.6],
  ["Hưng Yên", "tỉnh", ["033", "034"], 3.6],
  ["Hải Phòng", "thành phố", ["031", "030"], 4.7],
  ["Ninh Bình", "tỉnh", ["037", "035", "036"], 4.4],
  ["Quảng Trị", "tỉnh", ["045", "044"], 1.9],
  [
    "Đà Nẵng",
    "thành phố",
    ["048", "049"],
    3.1,
    ["phường Hải Châu", "phường Sơn Trà", "phường Hội An", "phường Tam Kỳ"],
  ],
  ["Quảng Ngãi", "tỉnh", ["051", "062"], 2.2],
  ["Gia Lai", "tỉnh", ["052", "064"], 3.6],
  ["Khánh Hòa", "tỉnh", ["056", "058"], 2.2],
  ["Lâm Đồng", "tỉnh", ["068", "067", "060"], 3.9],
  ["Đắk Lắk", "tỉnh", ["066", "054"], 3.3],
  [
    "Hồ Chí Minh",
    "thành phố",
    ["079", "074", "077"],
    14.0,
    [
      "phường Sài Gòn",
      "phường Bến Thành",
      "phường Tân Định",
      "phường Cầu Ông Lãnh",
      "phường Thủ Dầu Một",
      "phường Vũng Tàu",
    ],
  ],
  ["Đồng Nai", "tỉnh", ["075", "070"], 4.5],
  ["Tây Ninh", "tỉnh", ["080", "072"], 3.3],
  ["Cần Thơ", "thành phố", ["092", "094", "093"], 4.2],
  ["Vĩnh Long", "tỉnh", ["086", "083", "084"], 4.3],
  ["Đồng Tháp", "tỉnh", ["082", "087"], 4.4],
  ["Cà Mau", "tỉnh", ["096", "095"], 2.6],
  ["An Giang", "tỉnh", ["091", "089"], 4.9],
];

export const PROVINCES: readonly Province[] = SEEDS.map(([name, unit, birthCodes, weight, communes], i) => ({
  name,
  unit,
  birthCodes,
  communes: communes ?? synthetic(i + 1),
  synthetic: communes === undefined,
  weight,
}));

const BY_WEIGHT = new Weighted(PROVINCES.map((p) => [p, p.weight] as const));

/** "tỉnh Lào Cai", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
export function provinceLabel(p: Province): string {
  if (p.name === "Hồ Chí Minh") return "Thành phố Hồ Chí Minh";
  return `${p.unit} ${p.name}`;
}

export function pickProvince(rng: Random): Province {
  return BY_WEIGHT.pick(rng);
}

const STREETS: readonly string[] = [
  "Trần Phú",
  "Lê Lợi",
  "Nguyễn Huệ",
  "Hùng Vương",
  "Quang Trung",
  "Lý Thường Kiệt",
  "Hai Bà Trưng",
  "Trần Hưng Đạo",
  "Nguyễn Trãi",
  "Lê Duẩn",
  "Nguyễn Du",
  "Phan Chu Trinh",
  "Điện Biên Phủ",
  "Võ Thị Sáu",
];

export interface Address {
  province: Province;
  commune: string;
  text: string;
}

/** A random address; pass `commune` for a neighbour in the same commune. */
export function pickAddress(
  rng: Random,
  province: Province = pickProvince(rng),
  commune = rng.pick(province.communes),
): Address {
  const ward = commune.startsWith("phường");
  let local: string;
  if (ward) {
    local = rng.chance(0.6)
      ? `số ${rng.between(1, 250)} đường ${rng.pick(STREETS)}`
      : `tổ dân phố ${rng.between(1, 30)}`;
  } else {
    local = rng.chance(0.7) ? `thôn ${rng.between(1, 15)}` : `xóm ${rng.between(1, 12)}`;
  }
  return { province, commune, text: `${local}, ${commune}, ${provinceLabel(province)}` };
}
