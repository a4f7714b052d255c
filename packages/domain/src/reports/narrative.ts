/**
 * The narrative draft of a periodic report (docs/LAW.md §11.4): the five parts the seed reports
 * write — citizen reception, petition handling, complaints and denunciations, inspections,
 * anti-corruption — each paragraph a sentence built from the computed figures, in the way these
 * reports write numbers: counts below ten with a leading zero ("07 đơn/07 vụ việc"), thousands
 * with "." ("1.234 lượt"), money in millions with "," decimals ("46.237 triệu đồng",
 * "1.500,235 triệu đồng"), land in m². Pure: the server computes the figures and renders the .docx.
 * The outline is reconstructed from the seed reports, not copied from Mẫu số 01–03 (README).
 */

/** The figures, by indicator code (catalogue indicators.ts); a missing one reads as 0. */
export type NarrativeFigures = Readonly<Record<string, number>>;

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** "07", "12", "1.234": a count as the reports write it. */
export function viCount(n: number): string {
  const whole = Math.trunc(n);
  if (whole >= 1 && whole <= 9) return `0${whole}`;
  return group(String(whole));
}

function decimals(value: number, places: number): string {
  const scale = 10 ** places;
  const scaled = Math.round(Math.abs(value) * scale);
  const whole = Math.floor(scaled / scale);
  const frac = String(scaled % scale)
    .padStart(places, "0")
    .replace(/0+$/, "");
  return `${value < 0 ? "-" : ""}${group(String(whole))}${frac ? "," + frac : ""}`;
}

/** "46.237 triệu đồng", "1.500,235 triệu đồng": a figure already in millions (up to 3 decimals). */
export function viMillions(millions: number): string {
  return `${decimals(millions, 3)} triệu đồng`;
}

/** "120,5 m²". */
export function viArea(m2: number): string {
  return `${decimals(m2, 2)} m²`;
}

/** "07 đơn/06 vụ việc". */
function pair(a: number, aUnit: string, b: number, bUnit: string): string {
  return `${viCount(a)} ${aUnit}/${viCount(b)} ${bUnit}`;
}

export function narrativeSections(f: NarrativeFigures): NarrativeSection[] {
  const n = (code: string) => f[code] ?? 0;
  const c = (code: string, unit: string) => `${viCount(n(code))} ${unit}`;

  const reception =
    n("visits") === 0
      ? ["Trong kỳ không có lượt tiếp công dân."]
      : [
          `Trong kỳ đã tiếp ${c("visits", "lượt")} với ${c("visit_people", "người")}, trong đó tiếp thường xuyên ` +
            `${c("visits_regular", "lượt")}, lãnh đạo tiếp định kỳ và đột xuất ${c("visits_by_head", "lượt")}; ` +
            `${c("crowd_visits", "đoàn đông người")} với ${c("crowd_people", "người")}.`,
          `Nội dung tiếp: khiếu nại ${c("visits_complaint", "lượt")}, tố cáo ${c("visits_denunciation", "lượt")}, ` +
            `kiến nghị, phản ánh ${c("visits_recommendation", "lượt")}. Kết quả: hướng dẫn thụ lý ` +
            `${c("visits_accepted", "lượt")}, trả lại đơn và hướng dẫn ${c("visits_guided", "lượt")}, chuyển đơn ` +
            `${c("visits_transferred", "lượt")}, từ chối tiếp ${c("visits_refused", "lượt")}.`,
        ];

  const petitions =
    n("petitions_total") === 0
      ? ["Trong kỳ không có đơn phải xử lý."]
      : [
          `Tổng số đơn phải xử lý ${c("petitions_total", "đơn")} (kỳ trước chuyển sang ${c("petitions_carried_over", "đơn")}; ` +
            `tiếp nhận trong kỳ ${pair(n("petitions_received"), "đơn", n("matters_received"), "vụ việc")}), trong đó ` +
            `${pair(n("petitions_eligible"), "đơn", n("matters_eligible"), "vụ việc")} đủ điều kiện xử lý ` +
            `(khiếu nại ${c("petitions_eligible_complaint", "đơn")}, tố cáo ${c("petitions_eligible_denunciation", "đơn")}, ` +
            `kiến nghị, phản ánh ${c("petitions_eligible_recommendation", "đơn")}); không đủ điều kiện xử lý ` +
            `${c("petitions_not_eligible", "đơn")}.`,
          `Kết quả xử lý trong kỳ ${c("petitions_handled", "đơn")}: đề xuất thụ lý ${c("petitions_proposed_acceptance", "đơn")}; ` +
            `hướng dẫn ${c("petitions_guided", "đơn")}; chuyển đơn đến cơ quan có thẩm quyền ${c("petitions_transferred", "đơn")}; ` +
            `trả lời ${c("petitions_answered", "đơn")}; lưu đơn ${c("petitions_filed", "đơn")}. Đang xử lý cuối kỳ ` +
            `${c("petitions_in_progress_end", "đơn")}.`,
        ];

  const resolution = (p: "complaints" | "denunciations", word: string) =>
    n(`${p}_total`) === 0
      ? `Trong kỳ không có vụ việc ${word} phải giải quyết.`
      : `Về ${word}: phải giải quyết ${c(`${p}_total`, "vụ việc")} (kỳ trước chuyển sang ${c(`${p}_carried_over`, "vụ việc")}, ` +
        `thụ lý mới ${c(`${p}_accepted`, "vụ việc")}); đã giải quyết ${c(`${p}_resolved`, "vụ việc")} ` +
        `(đúng ${c(`${p}_right`, "vụ việc")}, có đúng có sai ${c(`${p}_partly_right`, "vụ việc")}, sai ` +
        `${c(`${p}_wrong`, "vụ việc")}), rút toàn bộ nội dung ${c(`${p}_withdrawn`, "vụ việc")}, đình chỉ ` +
        `${c(`${p}_terminated`, "vụ việc")}; giải quyết đúng thời hạn ${c(`${p}_on_time`, "vụ việc")}, quá thời hạn ` +
        `${c(`${p}_late`, "vụ việc")}. Kiến nghị thu hồi cho Nhà nước ${viMillions(n(`${p}_money_to_state`))} và ` +
        `${viArea(n(`${p}_land_to_state`))} đất; trả lại cho tổ chức, cá nhân ${viMillions(n(`${p}_money_to_others`))} và ` +
        `${viArea(n(`${p}_land_to_others`))} đất. Đang giải quyết cuối kỳ ${c(`${p}_in_progress_end`, "vụ việc")}.`;

  const enforcement =
    `Tổ chức thi hành quyết định giải quyết khiếu nại, quyết định xử lý tố cáo: phải thi hành ` +
    `${c("enf_total", "quyết định")} (kỳ trước chuyển sang ${c("enf_carried_over", "quyết định")}, mới ` +
    `${c("enf_new", "quyết định")}); đã thi hành xong ${c("enf_done", "quyết định")}, chưa thi hành xong ` +
    `${c("enf_open_end", "quyết định")}. Đã thu hồi cho Nhà nước ${viMillions(n("enf_money_state_done"))} và ` +
    `${viArea(n("enf_land_state_done"))} đất; đã trả lại cho tổ chức, cá nhân ${viMillions(n("enf_money_others_done"))} ` +
    `và ${viArea(n("enf_land_others_done"))} đất; đã xử lý kỷ luật ${c("enf_discipline_done", "người")}; chuyển cơ quan ` +
    `điều tra ${pair(n("enf_investigation_matters"), "vụ", n("enf_investigation_persons"), "người")}.`;

  const inspections = [
    n("insp_total") === 0
      ? "Trong kỳ không có cuộc thanh tra hành chính."
      : `Triển khai ${c("insp_total", "cuộc")} thanh tra hành chính (kỳ trước chuyển sang ${c("insp_carried_over", "cuộc")}, ` +
        `triển khai mới ${c("insp_started", "cuộc")}: theo kế hoạch ${c("insp_planned", "cuộc")}, đột xuất ` +
        `${c("insp_ad_hoc", "cuộc")}, thanh tra lại ${c("insp_reinspection", "cuộc")}); đã ban hành kết luận ` +
        `${c("insp_finished", "cuộc")}, đang thực hiện ${c("insp_in_progress_end", "cuộc")}. Qua thanh tra ` +
        `${c("insp_units", "đơn vị")}, phát hiện ${c("insp_units_violating", "đơn vị")} có vi phạm về kinh tế ` +
        `${viMillions(n("insp_violation_money"))} và ${viArea(n("insp_violation_land"))} đất; kiến nghị thu hồi về ngân sách ` +
        `nhà nước ${viMillions(n("insp_rec_recover_money"))} và ${viArea(n("insp_rec_recover_land"))} đất, xử lý khác về ` +
        `kinh tế ${viMillions(n("insp_rec_other_economic"))}; kiến nghị xử lý hành chính ` +
        `${c("insp_rec_discipline_collectives", "tập thể")}, ${c("insp_rec_discipline_individuals", "cá nhân")}; chuyển cơ ` +
        `quan điều tra ${pair(n("insp_rec_investigation_matters"), "vụ", n("insp_rec_investigation_persons"), "người")}.`,
    n("check_total") === 0
      ? "Trong kỳ không có cuộc kiểm tra chuyên ngành."
      : `Kiểm tra chuyên ngành ${c("check_total", "cuộc")} (đã kết luận ${c("check_finished", "cuộc")}) đối với ` +
        `${c("check_units", "tổ chức, cá nhân")}, phát hiện ${c("check_units_violating", "tổ chức, cá nhân")} vi phạm; ban ` +
        `hành ${c("check_penalty_decisions", "quyết định")} xử phạt vi phạm hành chính với số tiền ` +
        `${viMillions(n("check_penalty_amount"))}.`,
    `Theo dõi, đôn đốc việc thực hiện kết luận: phải thực hiện ${c("fu_recs_total", "kiến nghị")}, đã thực hiện xong ` +
      `${c("fu_recs_done", "kiến nghị")}; số tiền phải thu hồi ${viMillions(n("fu_money_to_recover"))}, đã thu hồi trong kỳ ` +
      `${viMillions(n("fu_money_recovered"))} (trong đó theo kết luận của các năm trước ` +
      `${viMillions(n("fu_money_recovered_earlier"))}); đã thu hồi ${viArea(n("fu_land_recovered"))} đất; đã xử lý kỷ luật ` +
      `${c("fu_discipline_handled", "người")}.`,
  ];

  const anticorruption = [
    `Ban hành mới, sửa đổi ${c("pctn_prevention_docs", "văn bản")} để phòng ngừa tham nhũng; tổ chức ` +
      `${c("pctn_training_sessions", "lớp, buổi")} tuyên truyền, tập huấn với ${c("pctn_training_participants", "lượt người")} ` +
      `tham gia; ${c("pctn_gifts", "lượt")} nộp lại quà tặng, trị giá ${viMillions(n("pctn_gift_value"))}.`,
    `Kê khai tài sản, thu nhập: ${viCount(n("pctn_declarations_made"))}/${viCount(n("pctn_declarations_obliged"))} người ` +
      `phải kê khai đã kê khai; xác minh ${c("pctn_verified", "người")}, trong đó ${c("pctn_verified_dishonest", "người")} ` +
      `kê khai không trung thực.`,
    // Job rotation (01/PCTN columns 26–29, each counted on its event's day: docs/LAW.md §10.4).
    ["pctn_rotation_planned", "pctn_rotation_done", "pctn_rotation_exempted", "pctn_rotation_deferred"].every(
      (code) => n(code) === 0,
    )
      ? "Trong kỳ không có người được đưa vào hoặc thực hiện kế hoạch chuyển đổi vị trí công tác."
      : `Chuyển đổi vị trí công tác: đưa ${c("pctn_rotation_planned", "người")} vào kế hoạch chuyển đổi; đã chuyển đổi ` +
        `${c("pctn_rotation_done", "người")}, không chuyển đổi ${c("pctn_rotation_exempted", "người")} (dưới 18 tháng ` +
        `đến tuổi nghỉ hưu hoặc lý do khác), tạm hoãn ${c("pctn_rotation_deferred", "người")}.`,
    n("pctn_cases_detected") === 0 && n("pctn_cases_transferred") === 0
      ? "Trong kỳ không phát hiện vụ việc tham nhũng."
      : `Phát hiện ${pair(n("pctn_cases_detected"), "vụ", n("pctn_persons_detected"), "người")} có hành vi tham nhũng ` +
        `(qua tự kiểm tra nội bộ ${c("pctn_cases_self_inspection", "vụ")}, qua thanh tra ${c("pctn_cases_inspection", "vụ")}, ` +
        `qua kiểm toán ${c("pctn_cases_audit", "vụ")}, qua giải quyết khiếu nại, tố cáo ${c("pctn_cases_denunciation", "vụ")}, ` +
        `qua điều tra ${c("pctn_cases_investigation", "vụ")}); thiệt hại ${viMillions(n("pctn_damage_money"))} và ` +
        `${viArea(n("pctn_damage_land"))} đất; đã thu hồi ${viMillions(n("pctn_recovered_money"))}; chuyển cơ quan điều tra ` +
        `${pair(n("pctn_cases_transferred"), "vụ", n("pctn_persons_transferred"), "người")}; xem xét trách nhiệm ` +
        `${c("pctn_heads_responsible", "người đứng đầu")}.`,
    `Phát hiện ${c("pctn_loopholes_found", "văn bản")} có sơ hở qua công tác phòng, chống tham nhũng; đã khắc phục ` +
      `${c("pctn_loopholes_remedied", "văn bản")}.`,
  ];

  return [
    { heading: "1. Công tác tiếp công dân", paragraphs: reception },
    { heading: "2. Công tác tiếp nhận, xử lý đơn", paragraphs: petitions },
    {
      heading: "3. Kết quả giải quyết khiếu nại, tố cáo",
      paragraphs: [
        resolution("complaints", "khiếu nại"),
        resolution("denunciations", "tố cáo"),
        // Enforcement of the decisions (05/KQTH), told only when there is something to enforce.
        ...(n("enf_total") === 0 ? [] : [enforcement]),
      ],
    },
    { heading: "4. Công tác thanh tra, kiểm tra", paragraphs: inspections },
    { heading: "5. Công tác phòng, chống tham nhũng", paragraphs: anticorruption },
  ];
}

/** The forms whose figures the narrative reads. */
export const NARRATIVE_FORMS = [
  "01/TCD",
  "02/XLD",
  "03/GQKN",
  "04/GQTC",
  "01/TTr",
  "02/TTr",
  "03/TTr",
  "01/PCTN",
  "03/PCTN",
  // enforcement of decisions (issue 19)
  "05/KQTH",
] as const;
