/**
 * Documents of inspections (Luật Thanh tra 2025, Nghị định 216/2025/NĐ-CP; issue 17), in the
 * layout of NĐ 30/2020: the decision to inspect (or check), the inspection conclusion and the
 * letter urging the implementation of a recommendation. Field schemas:
 * @minhbach/domain/api/inspections.
 *
 * [P] The forms of the 2025 texts (appendices of NĐ 216/2025 and its circular) were not read:
 * the wording follows how inspectorates draft these papers under the predecessor forms. Every
 * template says `wordingVerified: false` until someone checks it against Công báo.
 */
import { formalCitation, legalGround } from "@minhbach/domain";
import {
  inspectionConclusionFields,
  inspectionDecisionFields,
  inspectionUrgingFields,
} from "@minhbach/domain/api/inspections";
import type { BodyParagraph } from "./render.ts";
import {
  AS_ABOVE,
  clause,
  dashed,
  decisionBody,
  decisionRecipients,
  defineTemplate,
  executionArticle,
  FILED,
  formatArea,
  formatMoney,
  heading,
  item,
  labelled,
  listLines,
  sentence,
  signatureOf,
  textDate,
  type DocumentTemplate,
} from "./template-kit.ts";

const LTTR_GROUND = legalGround("LTTR");
const ND216 = formalCitation("ND216");

/** "Ông Đỗ Mạnh Cường, Chánh Thanh tra Sở"; inside a sentence "ông Đỗ Mạnh Cường, …". */
function person(p: { honorific?: string | undefined; name: string; position: string }, inSentence = false): string {
  const h = p.honorific ?? "Ông/Bà";
  return `${inSentence ? h.toLocaleLowerCase("vi") : h} ${p.name}, ${clause(p.position)}`;
}

const decision = defineTemplate({
  formCode: "TTr-QD",
  name: "Quyết định thanh tra (kiểm tra)",
  basis: `Luật Thanh tra 2025; ${ND216}`,
  series: "QĐ",
  fieldsSchema: inspectionDecisionFields,
  defaultTitle: (f) => `Quyết định ${f.activity === "check" ? "kiểm tra" : "thanh tra"} ${clause(f.title)}`,
  build(f) {
    const what = f.activity === "check" ? "kiểm tra" : "thanh tra";
    const Team = f.activity === "check" ? "Đoàn kiểm tra" : "Đoàn thanh tra";
    const team: BodyParagraph[] = [
      item("1.", `${person(f.leader)} - Trưởng đoàn`, f.members.length === 0),
      ...f.members.map((m, i) => item(`${i + 2}.`, `${person(m)} - Thành viên`, i === f.members.length - 1)),
    ];
    const articles = [
      {
        text: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${clause(f.title)}${f.online ? " (theo hình thức trực tuyến)" : ""} đối với: ${f.subjects.map(clause).join("; ")}`,
        more: [
          labelled("Nội dung", f.content),
          ...(f.periodCovered ? [labelled(`Thời kỳ ${what}`, f.periodCovered)] : []),
          sentence(`Thời hạn ${what} trực tiếp là ${f.durationDays} ngày kể từ ngày công bố Quyết định ${what}`),
        ],
      },
      { text: `Thành lập ${Team} gồm các ông (bà) có tên sau:`, more: team },
      ...(f.supervisor ? [{ text: `Giao ${person(f.supervisor, true)} giám sát hoạt động của ${Team}` }] : []),
      {
        text: `${Team} có nhiệm vụ, quyền hạn theo quy định của Luật Thanh tra và ${ND216}; kết thúc ${what} trực tiếp, Trưởng đoàn báo cáo kết quả bằng văn bản với ${f.deciderTitle}`,
      },
      { text: executionArticle([`${Team}`, ...f.subjects]) },
    ];
    return {
      title: "Quyết định",
      subtitle: `Về việc ${what} ${clause(f.title)}`,
      paragraphs: decisionBody({
        authority: f.deciderTitle,
        grounds: [LTTR_GROUND, `Căn cứ ${ND216}`, ...(f.ground ? [clause(f.ground)] : [])],
        articles,
      }),
      recipients: f.recipients ?? decisionRecipients(articles.length),
      signature: signatureOf(f.signer),
    };
  },
});

/** Exact in a document: "46.237.500 đồng", or "35 triệu đồng" for whole thousands. */
function money(vnd: number): string {
  return formatMoney(vnd);
}

const conclusion = defineTemplate({
  formCode: "TTr-KL",
  name: "Kết luận thanh tra",
  basis: `Điều 36 Luật Thanh tra 2025; ${ND216}`,
  series: "KL",
  fieldsSchema: inspectionConclusionFields,
  defaultTitle: (f) => `Kết luận thanh tra ${clause(f.title)}`,
  build(f) {
    const paragraphs: BodyParagraph[] = [
      sentence(
        `Thực hiện Quyết định thanh tra số ${f.decision.number} ngày ${textDate(f.decision.date)} của ${f.deciderTitle}, Đoàn thanh tra đã tiến hành thanh tra ${clause(f.title)} đối với ${f.subjects.map(clause).join("; ")}${f.periodCovered ? `, thời kỳ thanh tra ${clause(f.periodCovered)}` : ""}${f.onsiteFrom && f.onsiteTo ? `, từ ngày ${textDate(f.onsiteFrom)} đến ngày ${textDate(f.onsiteTo)}` : ""}`,
      ),
      sentence(
        `Xét Báo cáo kết quả thanh tra${f.reportDate ? ` ngày ${textDate(f.reportDate)}` : ""} của Trưởng đoàn thanh tra, ${f.deciderTitle} kết luận như sau:`,
      ),
      heading("I. KẾT QUẢ KIỂM TRA, XÁC MINH"),
    ];
    if (!f.violations.length) paragraphs.push("Qua thanh tra, chưa phát hiện vi phạm.");
    f.violations.forEach((v, i) => {
      const amounts = [
        v.moneyVnd ? `số tiền ${money(v.moneyVnd)}` : "",
        v.landM2 ? `diện tích ${formatArea(v.landM2)} đất` : "",
      ].filter(Boolean);
      paragraphs.push(
        item(
          `${i + 1}.`,
          `${clause(v.subject)} - ${clause(v.kind)}: ${clause(v.text)}${amounts.length ? ` (${amounts.join(", ")})` : ""}`,
          i === f.violations.length - 1,
        ),
      );
    });
    const totalMoney = f.violations.reduce((s, v) => s + v.moneyVnd, 0);
    if (totalMoney) paragraphs.push(sentence(`Tổng số tiền sai phạm về kinh tế là ${money(totalMoney)}`));
    paragraphs.push(heading("II. KẾT LUẬN VÀ XỬ LÝ"));
    if (f.sanctions.length) {
      paragraphs.push("Đã xử phạt vi phạm hành chính:");
      f.sanctions.forEach((x, i) =>
        paragraphs.push(
          item(
            "-",
            `Quyết định số ${x.number} ngày ${textDate(x.date)} xử phạt ${clause(x.target)} số tiền ${money(x.fineVnd)}${x.measures ? `; ${clause(x.measures)}` : ""}`,
            i === f.sanctions.length - 1,
          ),
        ),
      );
    }
    paragraphs.push(heading("III. KIẾN NGHỊ"));
    f.recommendations.forEach((r, i) => {
      const amounts = [
        r.amountVnd ? `số tiền ${money(r.amountVnd)}` : "",
        r.landM2 ? `diện tích ${formatArea(r.landM2)} đất` : "",
      ].filter(Boolean);
      paragraphs.push(
        item(
          `${i + 1}.`,
          `${clause(r.type)}: ${clause(r.text)}${amounts.length ? ` (${amounts.join(", ")})` : ""}. Đơn vị thực hiện: ${clause(r.unit)}${r.dueOn ? `; thời hạn: trước ngày ${textDate(r.dueOn)}` : ""}`,
          i === f.recommendations.length - 1,
        ),
      );
    });
    const recommended = f.recommendations.reduce((s, r) => s + r.amountVnd, 0);
    if (recommended) paragraphs.push(sentence(`Tổng số tiền kiến nghị thu hồi, xử lý là ${money(recommended)}`));
    if (f.reservations.length) {
      paragraphs.push(heading("IV. Ý KIẾN BẢO LƯU CỦA THÀNH VIÊN ĐOÀN THANH TRA"));
      paragraphs.push(
        ...listLines(
          f.reservations.map((r) => `${clause(r.name)}: ${clause(r.text)}`),
          dashed,
        ),
      );
    }
    paragraphs.push(
      sentence(
        "Yêu cầu các cơ quan, tổ chức, cá nhân có liên quan nghiêm túc thực hiện Kết luận này và báo cáo kết quả thực hiện bằng văn bản",
      ),
    );
    return {
      title: "Kết luận thanh tra",
      subtitle: `Về ${clause(f.title)}`,
      paragraphs,
      recipients: f.recipients ?? [...f.subjects.map(clause), FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const urging = defineTemplate({
  formCode: "TTr-DD",
  name: "Văn bản đôn đốc thực hiện kiến nghị sau thanh tra",
  basis: `Điều 55 Luật Thanh tra 2025; ${ND216}`,
  series: "CV",
  fieldsSchema: inspectionUrgingFields,
  defaultTitle: (f) => `Đôn đốc thực hiện Kết luận thanh tra số ${f.conclusion.number} (lần ${f.urgeCount})`,
  build(f, agency) {
    const outstanding = Math.max(0, f.amountVnd - f.recoveredVnd);
    const paragraphs: BodyParagraph[] = [
      sentence(
        `Ngày ${textDate(f.conclusion.date)}, ${agency.name} ban hành Kết luận thanh tra số ${f.conclusion.number} về ${clause(f.conclusion.title)}, trong đó kiến nghị: ${clause(f.recommendation)}${f.dueOn ? ` (thời hạn thực hiện trước ngày ${textDate(f.dueOn)})` : ""}`,
      ),
    ];
    if (f.amountVnd)
      paragraphs.push(
        sentence(
          `Đến nay, ${clause(f.to)} đã thực hiện ${money(f.recoveredVnd)}/${money(f.amountVnd)}; còn phải thực hiện ${money(outstanding)}`,
        ),
      );
    paragraphs.push(
      sentence(
        `${agency.shortName} đề nghị ${clause(f.to)} khẩn trương thực hiện đầy đủ kiến nghị nêu trên${f.urgeCount > 1 ? ` (đôn đốc lần ${f.urgeCount})` : ""} và báo cáo kết quả bằng văn bản về ${agency.shortName}${f.reportBy ? ` trước ngày ${textDate(f.reportBy)}` : ""}`,
      ),
    );
    return {
      title: "",
      letter: true,
      subtitle: `V/v đôn đốc thực hiện Kết luận thanh tra số ${f.conclusion.number}`,
      addressees: [clause(f.to)],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

export const INSPECTION_TEMPLATES: readonly DocumentTemplate[] = [decision, conclusion, urging];
