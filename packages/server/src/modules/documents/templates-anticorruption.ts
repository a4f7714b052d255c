/**
 * Documents of anti-corruption work (Luật PCTN 2018, Nghị định 130/2020; docs/LAW.md §10.1), in the
 * layout of NĐ 30/2020. The lottery minutes (biên bản bốc thăm) print everything a witness or any
 * reader needs to re-run the draw: the seed typed at the session, the algorithm, the digest of the
 * full input list (given beside it as an .xlsx), the units with their digests and the people
 * selected. [P] No official form of these minutes was read; the wording is the project's.
 */
import { cite, LOTTERY_ALGORITHM } from "@minhbach/domain";
import { z } from "zod";
import type { BodyParagraph } from "./render.ts";
import { defineTemplate, heading, textDate, type DocumentTemplate } from "./template-kit.ts";

export const lotteryMinutesFields = z.object({
  year: z.number().int(),
  heldOn: z.string(),
  place: z.string(),
  seed: z.string(),
  unitPercent: z.number(),
  personPercent: z.number(),
  witnesses: z.array(z.object({ fullName: z.string(), organisation: z.string() })).min(1),
  inputsSha256: z.string(),
  candidates: z.number().int(),
  exclusions: z.array(z.object({ code: z.string(), name: z.string(), detail: z.string() })),
  units: z.array(
    z.object({ code: z.string(), name: z.string(), hash: z.string(), selected: z.boolean(), toSelect: z.number() }),
  ),
  persons: z.array(z.object({ code: z.string(), name: z.string(), unitCode: z.string(), hash: z.string() })),
  chair: z.string().nullish(),
});
export type LotteryMinutesFields = z.infer<typeof lotteryMinutesFields>;

const pct = (n: number) => String(n).replace(".", ",");

const lotteryMinutes = defineTemplate({
  formCode: "PCTN-BB-BT",
  name: "Biên bản bốc thăm lựa chọn ngẫu nhiên người được xác minh tài sản, thu nhập",
  basis: `Điều 41 ${cite("LPCTN")}; ${cite("ND130")}`,
  series: "BB",
  // Minutes of the session: signed there by the chair and the witnesses, dated that day, no number.
  numbered: false,
  fieldsSchema: lotteryMinutesFields,
  defaultTitle: (f) => `Biên bản bốc thăm người được xác minh tài sản, thu nhập năm ${f.year}`,
  build(f, agency) {
    const selectedUnits = f.units.filter((u) => u.selected);
    const paragraphs: BodyParagraph[] = [
      `Hôm nay, ngày ${textDate(f.heldOn)}, tại ${f.place}, ${agency.shortName} tổ chức bốc thăm lựa chọn ngẫu nhiên người được xác minh tài sản, thu nhập năm ${f.year} theo Kế hoạch xác minh của năm, bằng phần mềm, với sự chứng kiến của:`,
      ...f.witnesses.map((w, i) => `${i + 1}. Ông/Bà ${w.fullName}, ${w.organisation}.`),
      heading("I. ĐẦU VÀO"),
      `1. Mã số ngẫu nhiên do người chứng kiến nhập tại buổi bốc thăm: “${f.seed}”.`,
      `2. Tỷ lệ: ít nhất ${pct(f.unitPercent)} % số đơn vị; ít nhất ${pct(f.personPercent)} % số người đủ điều kiện của mỗi đơn vị được chọn.`,
      `3. Danh sách đầu vào: ${f.units.length} đơn vị, ${f.candidates} người đủ điều kiện; mã băm SHA-256 của danh sách đầu vào (tệp kèm theo biên bản): ${f.inputsSha256}.`,
      `4. Người không tham gia bốc thăm (${f.exclusions.length} người):${f.exclusions.length ? "" : " không có."}`,
      ...f.exclusions.map((e, i) => `${i + 1}) ${e.name} (mã ${e.code}): ${e.detail}.`),
      heading("II. THUẬT TOÁN"),
      ...LOTTERY_ALGORITHM.split("\n"),
      heading("III. KẾT QUẢ"),
      `1. Đơn vị được chọn (${selectedUnits.length}/${f.units.length}):`,
      ...selectedUnits.map(
        (u, i) => `${i + 1}) ${u.name} (mã ${u.code}; H = ${u.hash}); số người được chọn: ${u.toSelect}.`,
      ),
      `2. Người được xác minh (${f.persons.length} người):`,
      ...f.persons.map((p, i) => `${i + 1}) ${p.name} (mã ${p.code}, đơn vị ${p.unitCode}; H = ${p.hash}).`),
      "Bất kỳ ai có danh sách đầu vào và mã số ngẫu nhiên trên đều có thể chạy lại thuật toán và nhận được cùng kết quả.",
      "Biên bản kết thúc cùng ngày, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên.",
    ];
    return {
      title: "Biên bản",
      subtitle: `Bốc thăm lựa chọn ngẫu nhiên người được xác minh tài sản, thu nhập năm ${f.year}`,
      paragraphs,
      recipients: null,
      signatures: [
        { title: "Người chủ trì", name: f.chair ?? null },
        ...f.witnesses.map((w) => ({ title: "Người chứng kiến", name: w.fullName })),
      ],
      signature: null,
      numbered: false,
      datedOn: f.heldOn,
    };
  },
});

// ---- The obligated list, the verification plan, the rotation plan ---------------------------
// [P] No official form of these papers was read; their wording is the project's, in the NĐ
// 30/2020 layout, each listing what its records hold.

export const obligatedListFields = z.object({
  year: z.number().int(),
  due: z.string(),
  units: z
    .array(
      z.object({
        name: z.string(),
        persons: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), reason: z.string() })),
      }),
    )
    .min(1),
});
export type ObligatedListFields = z.infer<typeof obligatedListFields>;

const obligatedList = defineTemplate({
  formCode: "PCTN-DS-KK",
  name: "Danh sách người có nghĩa vụ kê khai tài sản, thu nhập",
  basis: `Điều 34, Điều 36 ${cite("LPCTN")}; Điều 10 ${cite("ND130")}`,
  series: "DS",
  fieldsSchema: obligatedListFields,
  defaultTitle: (f) => `Danh sách người có nghĩa vụ kê khai tài sản, thu nhập năm ${f.year}`,
  build(f, agency) {
    const total = f.units.reduce((n, u) => n + u.persons.length, 0);
    let i = 0;
    const paragraphs: BodyParagraph[] = [
      `Căn cứ Điều 34, Điều 36 ${cite("LPCTN")} và Điều 10 ${cite("ND130")}, ${agency.shortName} lập danh sách người có nghĩa vụ kê khai tài sản, thu nhập năm ${f.year} gồm ${total} người; hạn nộp bản kê khai hằng năm: ngày ${textDate(f.due)}.`,
    ];
    f.units.forEach((u, k) => {
      paragraphs.push(heading(`${ROMAN[k] ?? k + 1}. ${u.name.toUpperCase()} (${u.persons.length} người)`));
      for (const p of u.persons) {
        i += 1;
        paragraphs.push(`${i}. ${p.name} (mã ${p.code}) — ${p.kind}: ${p.reason}.`);
      }
    });
    return {
      title: "Danh sách",
      subtitle: `Người có nghĩa vụ kê khai tài sản, thu nhập năm ${f.year}`,
      paragraphs,
      recipients: ["Như trên", "Lưu: VT, PCTN"],
      signature: null,
    };
  },
});

export const verificationPlanFields = z.object({
  year: z.number().int(),
  issuedOn: z.string(),
  namedBody: z.boolean(),
  unitPercent: z.number(),
  personPercent: z.number(),
  selectionDue: z.string(),
});

const verificationPlan = defineTemplate({
  formCode: "PCTN-KH-XM",
  name: "Kế hoạch xác minh tài sản, thu nhập hằng năm",
  basis: `Điều 41, Điều 42 ${cite("LPCTN")}; Điều 14, Điều 15, Điều 16 ${cite("ND130")}`,
  series: "KH",
  fieldsSchema: verificationPlanFields,
  defaultTitle: (f) => `Kế hoạch xác minh tài sản, thu nhập năm ${f.year}`,
  build(f, agency) {
    const paragraphs: BodyParagraph[] = [
      `Căn cứ Điều 41, Điều 42 ${cite("LPCTN")} và các Điều 14, 15, 16 ${cite("ND130")}, ${agency.shortName} ban hành Kế hoạch xác minh tài sản, thu nhập năm ${f.year} như sau:`,
      heading("I. MỤC ĐÍCH, YÊU CẦU"),
      "Xác minh tính trung thực, đầy đủ, rõ ràng của bản kê khai tài sản, thu nhập và tính trung thực trong việc giải trình nguồn gốc của tài sản, thu nhập tăng thêm; việc xác minh khách quan, đúng quy định, không gây cản trở hoạt động bình thường của cơ quan, đơn vị.",
      heading("II. ĐỐI TƯỢNG, TỶ LỆ VÀ CÁCH LỰA CHỌN"),
      `1. Số cơ quan, tổ chức, đơn vị được lựa chọn: ít nhất ${pct(f.unitPercent)} % số đơn vị thuộc phạm vi quản lý${f.namedBody ? " (tỷ lệ áp dụng cho các cơ quan do pháp luật quy định riêng)" : ""}.`,
      `2. Số người được xác minh: ít nhất ${pct(f.personPercent)} % số người có nghĩa vụ kê khai hằng năm của mỗi đơn vị được lựa chọn.`,
      "3. Không lựa chọn người đã được xác minh trong 04 năm liền trước; người đang bị điều tra, truy tố, xét xử, đang điều trị bệnh hiểm nghèo, đang học tập, công tác ở nước ngoài từ 12 tháng trở lên không tham gia bốc thăm, mỗi trường hợp có căn cứ.",
      `4. Việc lựa chọn được thực hiện bằng bốc thăm ngẫu nhiên bằng phần mềm, có người chứng kiến, lập biên bản; hoàn thành trước ngày ${textDate(f.selectionDue)}. Thuật toán, mã số ngẫu nhiên và danh sách đầu vào được công bố trong biên bản để bất kỳ ai cũng chạy lại được.`,
      heading("III. TỔ CHỨC THỰC HIỆN"),
      "Bộ phận phòng, chống tham nhũng chủ trì lập danh sách đầu vào, tổ chức bốc thăm, tham mưu quyết định xác minh, thành lập Tổ xác minh và báo cáo kết quả; các đơn vị được lựa chọn phối hợp cung cấp thông tin, tài liệu.",
    ];
    return {
      title: "Kế hoạch",
      subtitle: `Xác minh tài sản, thu nhập năm ${f.year}`,
      paragraphs,
      recipients: ["Các đơn vị thuộc phạm vi quản lý", "Lưu: VT, PCTN"],
      signature: null,
    };
  },
});

export const rotationPlanFields = z.object({
  year: z.number().int(),
  on: z.string(),
  persons: z.array(
    z.object({
      name: z.string(),
      code: z.string(),
      unit: z.string(),
      position: z.string(),
      sector: z.string(),
      from: z.string(),
      tenureMonths: z.number().int(),
      status: z.string(),
    }),
  ),
  deferred: z.array(z.object({ name: z.string(), code: z.string(), detail: z.string() })),
  exempt: z.array(z.object({ name: z.string(), code: z.string(), detail: z.string() })),
});

const rotationPlan = defineTemplate({
  formCode: "PCTN-KH-CD",
  name: "Kế hoạch chuyển đổi vị trí công tác",
  basis: `Điều 24, Điều 25 ${cite("LPCTN")}; Điều 36, Điều 37, Điều 38, Điều 39 ${cite("ND59")}`,
  series: "KH",
  fieldsSchema: rotationPlanFields,
  defaultTitle: (f) => `Kế hoạch chuyển đổi vị trí công tác năm ${f.year}`,
  build(f, agency) {
    const paragraphs: BodyParagraph[] = [
      `Căn cứ Điều 24, Điều 25 ${cite("LPCTN")} và các Điều 36 đến 39 ${cite("ND59")}, ${agency.shortName} ban hành Kế hoạch chuyển đổi vị trí công tác năm ${f.year} đối với người giữ vị trí phải định kỳ chuyển đổi, xét đến ngày ${textDate(f.on)}. Kế hoạch được công khai trong cơ quan, đơn vị.`,
      heading(`I. NGƯỜI PHẢI CHUYỂN ĐỔI (${f.persons.length} người)`),
      ...(f.persons.length ? [] : ["Không có."]),
      ...f.persons.map(
        (p, i) =>
          `${i + 1}. ${p.name} (mã ${p.code}), ${p.position}, ${p.unit}; lĩnh vực ${p.sector}; giữ vị trí từ ${textDate(p.from)} (${p.tenureMonths} tháng); ${p.status.toLowerCase()}.`,
      ),
      heading(`II. NGƯỜI TẠM HOÃN CHUYỂN ĐỔI (${f.deferred.length} người)`),
      ...(f.deferred.length ? [] : ["Không có."]),
      ...f.deferred.map((p, i) => `${i + 1}. ${p.name} (mã ${p.code}): ${p.detail}.`),
      heading(`III. NGƯỜI KHÔNG THỰC HIỆN CHUYỂN ĐỔI (${f.exempt.length} người)`),
      ...(f.exempt.length ? [] : ["Không có."]),
      ...f.exempt.map((p, i) => `${i + 1}. ${p.name} (mã ${p.code}): ${p.detail}.`),
      heading("IV. TỔ CHỨC THỰC HIỆN"),
      "Việc chuyển đổi không làm thay đổi chức danh, ngạch, quyền lợi của người được chuyển đổi; người đứng đầu đơn vị bố trí người thay thế, bàn giao công việc và báo cáo kết quả thực hiện.",
    ];
    return {
      title: "Kế hoạch",
      subtitle: `Chuyển đổi vị trí công tác năm ${f.year}`,
      paragraphs,
      recipients: ["Các đơn vị thuộc phạm vi quản lý", "Lưu: VT, TCCB"],
      signature: null,
    };
  },
});

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

export const ANTICORRUPTION_TEMPLATES: readonly DocumentTemplate[] = [
  lotteryMinutes,
  obligatedList,
  verificationPlan,
  rotationPlan,
];
