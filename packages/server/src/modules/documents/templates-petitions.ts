/**
 * Documents of the follow-up of handled petitions: urging the body a petition was transferred or
 * guided to (Chương IV Thông tư 05/2021/TT-TTCP), and destroying filed petitions whose year of
 * retention is over (Điều 28 khoản 2).
 *
 * [P] Neither form was read in an official text: the circular's appendix has no urging letter
 * that we know of (docs/LAW.md §4.5 [U]) and the destruction decision follows the usual layout of
 * a decision (NĐ 30/2020, Phụ lục III). The wording is written the way an officer drafts these
 * papers; `wordingVerified: false` until checked.
 */
import { act, numbered } from "@minhbach/domain";
import { destructionFields, urgeFields } from "@minhbach/domain/api/documents";
import type { BodyParagraph } from "./render.ts";
import {
  AS_ABOVE,
  clause,
  decisionBody,
  decisionRecipients,
  defineTemplate,
  FILED,
  headPosition,
  labelled,
  named,
  ofPerson,
  receivedLine,
  signatureOf,
  textDate,
  TT05,
  type DocumentTemplate,
} from "./template-kit.ts";

const KIND_WORDS = {
  complaint: "đơn khiếu nại",
  denunciation: "đơn tố cáo",
  recommendation: "đơn kiến nghị",
  feedback: "đơn phản ánh",
  other: "đơn",
} as const;

const urge = defineTemplate({
  formCode: "DD",
  name: "Công văn đôn đốc giải quyết đơn",
  basis: `${TT05}, Chương IV (quản lý, theo dõi, kiểm tra, đôn đốc việc xử lý đơn)`,
  series: "CV",
  fieldsSchema: urgeFields,
  defaultTitle: (f) => `Đôn đốc ${f.targetBody} giải quyết đơn`,
  build(f, agency) {
    const kind = KIND_WORDS[f.petitionKind ?? "other"];
    const secret = f.petitionKind === "denunciation";
    // A denunciation's writer is never named (Luật Tố cáo 2018, Điều 9).
    const from = f.petitioner && !secret ? ` ${ofPerson(f.petitioner)}` : "";
    // "Ngày 12/01/2026, Sở Công Thương đã có Phiếu chuyển đơn số 15/PC-SCT chuyển đơn đến …"
    const by = `${f.referenceDate ? `Ngày ${textDate(f.referenceDate)}, ` : ""}${agency.shortName} đã ${f.reference ? `có ${clause(f.reference)} ` : ""}`;
    const writer = f.petitioner && !secret ? named(f.petitioner) : "người viết đơn";
    const handled =
      f.handledAs === "transfer"
        ? `${by}chuyển đơn đến ${f.targetBody} để xem xét, giải quyết theo thẩm quyền.`
        : `${by}hướng dẫn ${writer} gửi đơn đến ${f.targetBody} để được xem xét, giải quyết theo thẩm quyền.`;
    const times = f.urgeCount && f.urgeCount > 1 ? ` (đôn đốc lần thứ ${f.urgeCount})` : "";
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, kind, f.letterDate)}${from}.`,
      labelled("Nội dung đơn", f.summary),
      handled,
      `Đến nay, ${agency.shortName} chưa nhận được văn bản thông báo kết quả xem xét, giải quyết đơn của ${f.targetBody}.`,
      `Thực hiện trách nhiệm theo dõi, đôn đốc việc xử lý đơn theo quy định tại Chương IV ${TT05}, ${agency.shortName} đề nghị ${f.targetBody} khẩn trương xem xét, giải quyết đơn theo thẩm quyền và thông báo kết quả bằng văn bản về ${agency.shortName} trước ngày ${textDate(f.reportBy)}${times}.`,
    ];
    if (secret) {
      paragraphs.push(
        `Đề nghị ${f.targetBody} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo theo quy định của ${act("LTC").name}.`,
      );
    }
    return {
      title: "",
      letter: true,
      subtitle: "V/v đôn đốc giải quyết đơn",
      addressees: [f.targetBody],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const destruction = defineTemplate({
  formCode: "QD-HUY",
  name: "Quyết định hủy đơn đã hết thời hạn lưu",
  basis: `Điều 28 khoản 2 ${TT05}`,
  series: "QĐ",
  fieldsSchema: destructionFields,
  defaultTitle: (f) => `Quyết định hủy ${f.petitions.length} đơn đã hết thời hạn lưu`,
  build(f, agency) {
    const authority = f.deciderTitle ?? `Thủ trưởng ${agency.name}`;
    const count = f.petitions.length;
    const unit = f.executingUnit ?? "Bộ phận xử lý đơn";
    const list: BodyParagraph[] = f.petitions.map(
      (p, i) =>
        `${i + 1}. Đơn số ${p.code}, nhận ngày ${textDate(p.receivedOn)}; lý do lưu đơn: ${clause(p.archiveReason).replace(/^./u, (c) => c.toLocaleLowerCase("vi"))}; hết thời hạn lưu ngày ${textDate(p.retentionUntil)}.`,
    );
    return {
      title: "Quyết định",
      subtitle: "Về việc hủy đơn đã hết thời hạn lưu",
      paragraphs: decisionBody({
        authority,
        grounds: [`Căn cứ ${TT05}`],
        proposal: `Theo đề nghị của ${unit}`,
        articles: [
          {
            text: `Hủy ${String(count).padStart(2, "0")} đơn đã lưu theo quy định tại Điều 28 ${numbered("TT05")}, đã hết thời hạn lưu 01 năm kể từ ngày lưu đơn, gồm:`,
            more: list,
          },
          {
            text: `${unit} tổ chức việc hủy đơn bảo đảm không để lộ, lọt thông tin trong đơn, lập biên bản hủy đơn và cập nhật tình trạng đơn trong sổ theo dõi, cơ sở dữ liệu xử lý đơn`,
          },
          {
            text: `Quyết định này có hiệu lực kể từ ngày ký. ${unit} và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này`,
          },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3),
      // The head signs under the title of the authority line: "GIÁM ĐỐC" under "GIÁM ĐỐC SỞ CÔNG THƯƠNG".
      signature: signatureOf(
        f.signer ??
          (f.decidedBy
            ? { position: headPosition(authority, agency) ?? "Thủ trưởng cơ quan", name: f.decidedBy }
            : undefined),
      ),
    };
  },
});

export const PETITION_TEMPLATES: readonly DocumentTemplate[] = [urge, destruction];
