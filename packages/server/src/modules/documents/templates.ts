/**
 * The catalogue of document templates, as data: each form has its code, Vietnamese name, legal
 * basis, register series, the schema of its fields and a `build` that writes the content.
 *
 * [P] The wording of the Thông tư 05/2021/TT-TTCP forms (Mẫu số 01–07) and of the reception
 * conclusion notice is a close reconstruction written the way an officer drafts these papers;
 * the official appendix was not read (docs/LAW.md §4.5). `wordingVerified: false` says so in the
 * catalogue until someone checks each form against the text published in Công báo.
 *
 * The forms of petition follow-up (templates-petitions.ts) and of complaint and denunciation
 * cases (templates-cases.ts) join the catalogue here.
 */
import {
  complaintNotAcceptedFields,
  denunciationTransferFields,
  guidanceFields,
  multiGuidanceFields,
  noticeFields,
  proposeAcceptanceFields,
  receptionConclusionFields,
  returnForwardedFields,
  transferFields,
} from "@minhbach/domain/api/documents";
import { act, citeInYear, formalCitation } from "@minhbach/domain";
import type { BodyParagraph } from "./render.ts";
import { CASE_TEMPLATES } from "./templates-cases.ts";
// Inspection plans (issue 17).
import { INSPECTION_PLAN_TEMPLATES } from "./templates-inspection-plans.ts";
// inspections (issue 17)
import { INSPECTION_TEMPLATES } from "./templates-inspections.ts";
// anticorruption
import { ANTICORRUPTION_TEMPLATES } from "./templates-anticorruption.ts";
import { PETITION_TEMPLATES } from "./templates-petitions.ts";
import {
  actOf,
  addressed,
  AS_ABOVE,
  attachmentsLine,
  capitalised,
  clause,
  dashed,
  defineTemplate,
  FILED,
  labelled,
  listLines,
  matterOf,
  ofPerson,
  pronoun,
  receivedLine,
  sentence,
  signatureOf,
  textDate,
  TT05,
  type DocumentTemplate,
} from "./template-kit.ts";

export {
  formatArea,
  formatMoney,
  textDate,
  type DocumentContent,
  type DocumentTemplate,
  type IssuingAgency,
} from "./template-kit.ts";

const LKN = citeInYear("LKN");
const LTC = citeInYear("LTC");

// ---------------------------------------------------------------------------------------------
// Thông tư 05/2021/TT-TTCP, Mẫu số 01–07.

const proposeAcceptance = defineTemplate({
  formCode: "TT05-01",
  name: "Phiếu đề xuất thụ lý đơn",
  basis: `${TT05}, Mẫu số 01`,
  series: "ĐX",
  fieldsSchema: proposeAcceptanceFields,
  // A denouncer's name stays out of titles, which every reader of the agency's documents sees.
  defaultTitle: (f) =>
    f.petitionKind === "complaint" && f.petitioner
      ? `Phiếu đề xuất thụ lý đơn khiếu nại của ${f.petitioner.fullName}`
      : `Phiếu đề xuất thụ lý đơn ${f.petitionKind === "complaint" ? "khiếu nại" : "tố cáo"}`,
  build(f, agency) {
    const kind = f.petitionKind === "complaint" ? "khiếu nại" : "tố cáo";
    const law =
      f.petitionKind === "complaint"
        ? `thuộc thẩm quyền giải quyết và đủ điều kiện thụ lý theo quy định tại Điều 27 ${LKN} (không thuộc các trường hợp không được thụ lý quy định tại Điều 11 ${act("LKN").name})`
        : `thuộc thẩm quyền giải quyết và đủ điều kiện thụ lý theo quy định tại Điều 29 ${LTC}`;
    const from = f.petitioner ? ` ${ofPerson(f.petitioner)}` : "";
    const fromName = f.petitioner ? ` ${ofPerson({ ...f.petitioner, address: undefined })}` : "";
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, `đơn ${kind}`, f.letterDate)}${from}.`,
      labelled("Nội dung đơn", f.summary),
      sentence(
        f.assessment
          ? `Qua nghiên cứu nội dung đơn và các tài liệu kèm theo: ${f.assessment}`
          : `Qua nghiên cứu nội dung đơn và các tài liệu kèm theo, đơn ${kind} ${law}`,
      ),
      sentence(
        f.proposal ?? `Đề xuất ${f.to} xem xét, thụ lý giải quyết đơn ${kind}${fromName} theo quy định của pháp luật`,
      ),
    ];
    if (f.attachments) paragraphs.push(attachmentsLine(f.attachments));
    return {
      title: "Phiếu đề xuất thụ lý đơn",
      addressees: [f.to],
      paragraphs,
      recipients: null,
      approval: { heading: "Ý kiến phê duyệt" },
      signature: signatureOf(f.signer ?? { position: "Người đề xuất" }),
    };
  },
});

const complaintNotAccepted = defineTemplate({
  formCode: "TT05-02",
  name: "Thông báo về việc khiếu nại không đủ điều kiện thụ lý giải quyết",
  basis: `${TT05}, Mẫu số 02; Điều 11, Điều 27 ${LKN}`,
  series: "TB",
  fieldsSchema: complaintNotAcceptedFields,
  defaultTitle: (f) => `Thông báo không thụ lý khiếu nại của ${f.complainant.fullName}`,
  build(f, agency) {
    const you = pronoun(f.complainant);
    return {
      title: "Thông báo",
      subtitle: "Về việc khiếu nại không đủ điều kiện thụ lý giải quyết",
      addressees: [addressed(f.complainant)],
      paragraphs: [
        `${receivedLine(agency, f.receivedOn, "đơn khiếu nại", f.letterDate)} ${ofPerson(f.complainant)}.`,
        labelled("Khiếu nại đối với", matterOf(f.subject, "khiếu nại")),
        `Sau khi xem xét nội dung đơn và các tài liệu kèm theo, căn cứ Điều 11 và Điều 27 ${LKN}, ${agency.shortName} thông báo khiếu nại của ${you} không đủ điều kiện thụ lý giải quyết vì lý do sau đây:`,
        // One dash line each, ";" between them and "." after the last, as every list of the kit.
        ...listLines(f.reasons, dashed),
        `${agency.shortName} thông báo để ${you} được biết.`,
      ],
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const guidance = defineTemplate({
  formCode: "TT05-03",
  name: "Phiếu hướng dẫn (đơn không thuộc thẩm quyền giải quyết)",
  basis: `${TT05}, Mẫu số 03`,
  series: "HD",
  fieldsSchema: guidanceFields,
  defaultTitle: (f) => `Phiếu hướng dẫn ${f.person.fullName}`,
  build(f, agency) {
    const you = pronoun(f.person);
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, "đơn", f.letterDate)} ${ofPerson(f.person)}.`,
      labelled("Nội dung đơn", f.summary),
      `Sau khi nghiên cứu nội dung đơn, căn cứ quy định của pháp luật, nội dung đơn không thuộc thẩm quyền giải quyết của ${agency.shortName}.${f.reason ? ` ${sentence(f.reason)}` : ""}`,
      `Đề nghị ${you} gửi đơn đến ${f.competentBody} để được xem xét, giải quyết theo quy định của pháp luật.`,
      `${agency.shortName} hướng dẫn để ${you} biết và thực hiện.`,
    ];
    return {
      title: "Phiếu hướng dẫn",
      addressees: [addressed(f.person)],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const returnForwarded = defineTemplate({
  formCode: "TT05-04",
  name: "Phiếu trả lại đơn chuyển không đúng thẩm quyền",
  basis: `${TT05}, Mẫu số 04`,
  series: "PC",
  fieldsSchema: returnForwardedFields,
  defaultTitle: (f) => `Trả lại đơn của ${f.petitioner.fullName} cho ${f.forwardingBody}`,
  build(f, agency) {
    const received = f.forwardingReference ?? "văn bản chuyển đơn";
    const paragraphs: BodyParagraph[] = [
      `Ngày ${textDate(f.receivedOn)}, ${agency.name} nhận được ${received} của ${f.forwardingBody} kèm theo đơn ${ofPerson(f.petitioner)}.`,
      labelled("Nội dung đơn", f.summary),
      `Sau khi nghiên cứu, căn cứ quy định của pháp luật, nội dung đơn không thuộc thẩm quyền giải quyết của ${agency.shortName}.${f.reason ? ` ${sentence(f.reason)}` : ""}`,
      `${agency.shortName} trả lại đơn và tài liệu kèm theo (nếu có) để ${f.forwardingBody} xử lý theo quy định của pháp luật.`,
      attachmentsLine(f.attachments ?? "Đơn và tài liệu kèm theo (nếu có)"),
    ];
    return {
      title: "Phiếu trả lại đơn",
      subtitle: "Về việc đơn chuyển đến không đúng thẩm quyền",
      addressees: [f.forwardingBody],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationTransfer = defineTemplate({
  formCode: "TT05-05",
  name: "Phiếu chuyển đơn tố cáo",
  basis: `${TT05}, Mẫu số 05; khoản 2 Điều 24 ${LTC}`,
  series: "PC",
  fieldsSchema: denunciationTransferFields,
  defaultTitle: (f) => `Chuyển đơn tố cáo đến ${f.competentBody}`,
  build(f, agency) {
    const against = f.denounced ? ` đối với ${f.denounced}` : "";
    return {
      title: "Phiếu chuyển đơn tố cáo",
      addressees: [f.competentBody],
      paragraphs: [
        `${receivedLine(agency, f.receivedOn, "đơn tố cáo", f.letterDate)}${against}.`,
        labelled("Nội dung tố cáo", capitalised(actOf(matterOf(f.summary, "tố cáo"), f.denounced ?? ""))),
        `Căn cứ khoản 2 Điều 24 ${LTC}, nội dung tố cáo không thuộc thẩm quyền giải quyết của ${agency.shortName}. ${agency.shortName} chuyển đơn tố cáo và thông tin, tài liệu kèm theo đến ${f.competentBody} để xem xét, giải quyết theo thẩm quyền.`,
        `Đề nghị ${f.competentBody} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo theo quy định của ${act("LTC").name}.`,
        attachmentsLine(f.attachments ?? "Đơn tố cáo và thông tin, tài liệu kèm theo (nếu có)"),
      ],
      // The denouncer is told of the transfer without being named on the slip.
      recipients: f.recipients ?? [AS_ABOVE, "Người tố cáo (để biết)", FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const PETITION_KIND = {
  recommendation: "kiến nghị",
  feedback: "phản ánh",
  recommendation_feedback: "kiến nghị, phản ánh",
} as const;

const transfer = defineTemplate({
  formCode: "TT05-06",
  name: "Phiếu chuyển đơn",
  basis: `${TT05}, Mẫu số 06`,
  series: "PC",
  fieldsSchema: transferFields,
  defaultTitle: (f) => `Chuyển đơn của ${f.petitioner.fullName} đến ${f.competentBody}`,
  build(f, agency) {
    const kind = PETITION_KIND[f.petitionKind ?? "recommendation_feedback"];
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, `đơn ${kind}`, f.letterDate)} ${ofPerson(f.petitioner)}.`,
      labelled("Nội dung đơn", f.summary),
      `Sau khi xem xét nội dung đơn, căn cứ quy định của pháp luật, nội dung đơn không thuộc thẩm quyền giải quyết của ${agency.shortName}. ${agency.shortName} chuyển đơn ${ofPerson({ ...f.petitioner, address: undefined })} đến ${f.competentBody} để xem xét, giải quyết theo thẩm quyền.`,
    ];
    if (f.attachments) paragraphs.push(attachmentsLine(f.attachments));
    return {
      title: "Phiếu chuyển đơn",
      addressees: [f.competentBody],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, `${addressed(f.petitioner)} (để biết)`, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const multiGuidance = defineTemplate({
  formCode: "TT05-07",
  name: "Phiếu hướng dẫn (đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan)",
  basis: `${TT05}, Mẫu số 07`,
  series: "HD",
  fieldsSchema: multiGuidanceFields,
  defaultTitle: (f) => `Phiếu hướng dẫn ${f.person.fullName} (đơn nhiều nội dung)`,
  build(f, agency) {
    const you = pronoun(f.person);
    return {
      title: "Phiếu hướng dẫn",
      addressees: [addressed(f.person)],
      paragraphs: [
        `${receivedLine(agency, f.receivedOn, "đơn", f.letterDate)} ${ofPerson(f.person)}.`,
        `Qua nghiên cứu, đơn có nhiều nội dung thuộc thẩm quyền giải quyết của nhiều cơ quan, tổ chức, đơn vị khác nhau. Để được xem xét, giải quyết theo quy định của pháp luật, ${agency.shortName} hướng dẫn ${you} tách riêng từng nội dung và gửi đến cơ quan, tổ chức, đơn vị có thẩm quyền như sau:`,
        ...f.items.map(
          (item, i) =>
            `${i + 1}. Về nội dung ${clause(item.content).replace(/^(?:về\s+)?nội dung\s+/iu, "")}: gửi đơn đến ${clause(item.competentBody)}.`,
        ),
        `${agency.shortName} hướng dẫn để ${you} biết và thực hiện.`,
      ],
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Other notices.

const receptionConclusion = defineTemplate({
  formCode: "TCD-KL",
  name: "Thông báo kết luận tiếp công dân",
  basis: `${citeInYear("LTCD")}; ${formalCitation("TT04")}`,
  series: "TB",
  fieldsSchema: receptionConclusionFields,
  defaultTitle: (f) => `Thông báo kết luận tiếp công dân ngày ${textDate(f.receptionDate)}`,
  build(f, agency) {
    const chair = `đồng chí ${f.chairedBy.name}, ${f.chairedBy.position}`;
    const kind = f.receptionKind === "periodic" ? "định kỳ" : "đột xuất";
    const citizens = f.citizens.map((c) => `${addressed(c)}${c.address ? ` (địa chỉ: ${c.address})` : ""}`).join("; ");
    const paragraphs: BodyParagraph[] = [
      `Ngày ${textDate(f.receptionDate)}, tại ${f.place}, ${chair} đã chủ trì buổi tiếp công dân ${kind}.`,
    ];
    if (f.participants?.length) paragraphs.push(`Tham dự buổi tiếp công dân có: ${f.participants.join("; ")}.`);
    paragraphs.push(
      labelled("Công dân được tiếp", citizens),
      labelled("Nội dung công dân trình bày", f.summary),
      `Sau khi nghe công dân trình bày, ý kiến của các cơ quan, đơn vị có liên quan, ${chair} kết luận như sau:`,
    );
    let n = 0;
    for (const conclusion of f.conclusions) paragraphs.push(`${++n}. ${sentence(conclusion)}`);
    for (const a of f.assignments ?? []) {
      paragraphs.push(
        `${++n}. Giao ${clause(a.unit)} ${clause(a.task)}; thời hạn hoàn thành trước ngày ${textDate(a.dueOn)}.`,
      );
    }
    paragraphs.push(`${agency.shortName} thông báo để công dân và các cơ quan, đơn vị có liên quan biết, thực hiện.`);
    return {
      title: "Thông báo",
      subtitle: `Kết luận của ${chair} tại buổi tiếp công dân ${kind} ngày ${textDate(f.receptionDate)}`,
      paragraphs,
      recipients: f.recipients ?? ["Công dân được tiếp", "Các cơ quan, đơn vị được giao nhiệm vụ", FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const notice = defineTemplate({
  formCode: "TB",
  name: "Thông báo",
  basis: `${formalCitation("ND30")} (thể thức văn bản hành chính)`,
  series: "TB",
  // A free text: nothing to reconstruct, the layout is that of NĐ 30/2020.
  wordingVerified: true,
  fieldsSchema: noticeFields,
  defaultTitle: (f) => (f.subject ? `Thông báo ${f.subject}` : "Thông báo"),
  build(f) {
    return {
      title: "Thông báo",
      subtitle: f.subject ?? null,
      addressees: f.to ?? [],
      paragraphs: f.paragraphs,
      recipients: f.recipients ?? (f.to?.length ? [AS_ABOVE, "Lưu: VT"] : ["Lưu: VT"]),
      signature: signatureOf(f.signer),
    };
  },
});

export const TEMPLATES: readonly DocumentTemplate[] = [
  proposeAcceptance,
  complaintNotAccepted,
  guidance,
  returnForwarded,
  denunciationTransfer,
  transfer,
  multiGuidance,
  receptionConclusion,
  notice,
  ...PETITION_TEMPLATES,
  ...CASE_TEMPLATES,
  // Inspection plans (issue 17).
  ...INSPECTION_PLAN_TEMPLATES,
  // inspections (issue 17)
  ...INSPECTION_TEMPLATES,
  // anticorruption
  ...ANTICORRUPTION_TEMPLATES,
];

const BY_CODE = new Map(TEMPLATES.map((t) => [t.formCode, t]));

export function findTemplate(formCode: string): DocumentTemplate | undefined {
  return BY_CODE.get(formCode);
}
