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

export const ANTICORRUPTION_TEMPLATES: readonly DocumentTemplate[] = [lotteryMinutes];
