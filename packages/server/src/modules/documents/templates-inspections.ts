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
import { formalCitation, formatDong, legalGround } from "@minhbach/domain";
import {
  inspectionAnnouncementFields,
  inspectionConclusionFields,
  inspectionDecisionFields,
  inspectionDirectiveFields,
  inspectionExtensionFields,
  inspectionPublicationFields,
  inspectionSanctionFields,
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
  lettered,
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
  signedByHead: true,
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
  signedByHead: true,
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

/** "08:30" → "08 giờ 30 phút"; blanks for the clerk when unknown. */
function clock(time: string | undefined): string {
  if (!time) return "…… giờ …… phút";
  const [h, m] = time.split(":");
  return `${h} giờ ${m} phút`;
}

const WHAT = { inspection: "thanh tra", check: "kiểm tra" } as const;
const TEAM = { inspection: "Đoàn thanh tra", check: "Đoàn kiểm tra" } as const;

const announcement = defineTemplate({
  formCode: "TTr-BBCB",
  name: "Biên bản công bố quyết định thanh tra (kiểm tra)",
  basis: `Luật Thanh tra 2025; ${ND216}`,
  series: "BB",
  fieldsSchema: inspectionAnnouncementFields,
  defaultTitle: (f) => `Biên bản công bố Quyết định ${WHAT[f.activity]} số ${f.decision.number}`,
  build(f) {
    const what = WHAT[f.activity];
    const Team = TEAM[f.activity];
    const paragraphs: BodyParagraph[] = [
      `Vào hồi ${clock(f.startTime)}, ngày ${textDate(f.heldOn)}, tại ${clause(f.place)}, ${Team} công bố Quyết định ${what} số ${f.decision.number} ngày ${textDate(f.decision.date)} của ${f.deciderTitle} về việc ${what} ${clause(f.decision.title)}.`,
      heading("I. THÀNH PHẦN"),
      `1. ${Team}:`,
      item("-", `${person(f.leader)} - Trưởng đoàn`, f.members.length === 0),
      ...f.members.map((m, i) => item("-", `${person(m)} - Thành viên`, i === f.members.length - 1)),
      `2. Đối tượng ${what}: ${clause(f.subject)}, đại diện:`,
      ...f.representatives.map((p, i) => item("-", person(p), i === f.representatives.length - 1)),
    ];
    if (f.others.length)
      paragraphs.push(
        "3. Cơ quan, tổ chức, cá nhân có liên quan:",
        ...f.others.map((p, i) => item("-", person(p), i === f.others.length - 1)),
      );
    paragraphs.push(
      heading("II. NỘI DUNG"),
      sentence(
        `Trưởng đoàn công bố toàn văn Quyết định ${what} số ${f.decision.number}; phổ biến nhiệm vụ, quyền hạn của ${Team}, quyền và nghĩa vụ của đối tượng ${what}, kế hoạch tiến hành ${what} và lịch làm việc của ${Team}`,
      ),
    );
    if (f.requests.length)
      paragraphs.push(`${Team} đề nghị đối tượng ${what}:`, ...listLines(f.requests.map(clause), dashed));
    paragraphs.push(
      `Ý kiến của đối tượng ${what}: ${f.opinions ? sentence(f.opinions) : "Nhất trí với nội dung quyết định và kế hoạch làm việc của " + Team + "."}`,
      `Buổi công bố kết thúc vào hồi ${clock(f.endTime)} cùng ngày. Biên bản đã được đọc lại cho những người có mặt cùng nghe, nhất trí và ký tên dưới đây. Biên bản được lập thành ${String(f.copies).padStart(2, "0")} bản có giá trị như nhau, mỗi bên giữ 01 bản.`,
    );
    const representative = f.representatives[0]!;
    return {
      title: "Biên bản",
      subtitle: `Công bố Quyết định ${what} số ${f.decision.number}`,
      paragraphs,
      recipients: null,
      signatures: [
        { title: `Đại diện đối tượng ${what}`, name: representative.name },
        { title: `Trưởng đoàn ${what}`, name: f.leader.name },
      ],
      signature: { authority: null, position: `Trưởng đoàn ${what}`, name: f.leader.name },
    };
  },
});

const extension = defineTemplate({
  formCode: "TTr-GH",
  name: "Quyết định gia hạn thời hạn thanh tra (kiểm tra)",
  basis: `Luật Thanh tra 2025; ${ND216} [P: điều khoản về gia hạn chưa đối chiếu]`,
  series: "QĐ",
  signedByHead: true,
  fieldsSchema: inspectionExtensionFields,
  defaultTitle: (f) => `Quyết định gia hạn thời hạn ${WHAT[f.activity]} theo Quyết định số ${f.decision.number}`,
  build(f) {
    const what = WHAT[f.activity];
    const Team = TEAM[f.activity];
    const total = f.originalDays + f.extensionDays;
    const articles = [
      {
        text: `Gia hạn thời hạn ${what} trực tiếp theo Quyết định ${what} số ${f.decision.number} ngày ${textDate(f.decision.date)} của ${f.deciderTitle} về việc ${what} ${clause(f.decision.title)} đối với ${f.subjects.map(clause).join("; ")}`,
        more: [
          sentence(
            `Thời hạn ${what} trực tiếp đã quyết định là ${f.originalDays} ngày${f.announcedOn ? ` kể từ ngày công bố Quyết định ${what} (${textDate(f.announcedOn)})` : ""}; gia hạn thêm ${f.extensionDays} ngày; tổng thời hạn ${what} trực tiếp là ${total} ngày${f.newEndOn ? `, kết thúc chậm nhất ngày ${textDate(f.newEndOn)}` : ""}`,
          ),
          labelled("Lý do gia hạn", f.ground),
        ],
      },
      {
        text: `Trưởng đoàn ${what} có trách nhiệm thông báo việc gia hạn cho đối tượng ${what}, tổ chức thực hiện nhiệm vụ trong thời hạn được gia hạn và báo cáo kết quả với ${f.deciderTitle}`,
      },
      { text: executionArticle([Team, ...f.subjects]) },
    ];
    return {
      title: "Quyết định",
      subtitle: `Về việc gia hạn thời hạn ${what}`,
      paragraphs: decisionBody({
        authority: f.deciderTitle,
        grounds: [
          LTTR_GROUND,
          `Căn cứ ${ND216}`,
          `Căn cứ Quyết định ${what} số ${f.decision.number} ngày ${textDate(f.decision.date)}`,
        ],
        ...(f.proposal ? { proposal: `Theo đề nghị của ${f.proposal}` } : {}),
        articles,
      }),
      recipients: f.recipients ?? decisionRecipients(articles.length),
      signature: signatureOf(f.signer),
    };
  },
});

const publication = defineTemplate({
  formCode: "TTr-TBCK",
  name: "Thông báo công khai kết luận thanh tra",
  basis: `Điều 37 Luật Thanh tra 2025; ${ND216}`,
  series: "TB",
  fieldsSchema: inspectionPublicationFields,
  defaultTitle: (f) => `Thông báo công khai Kết luận thanh tra số ${f.conclusion.number}`,
  build(f, agency) {
    const paragraphs: BodyParagraph[] = [
      sentence(
        `Ngày ${textDate(f.conclusion.date)}, ${agency.name} ban hành Kết luận thanh tra số ${f.conclusion.number} về ${clause(f.conclusion.title)} đối với ${f.subjects.map(clause).join("; ")}`,
      ),
      sentence(
        `Thực hiện quy định về công khai kết luận thanh tra, ${agency.shortName} thông báo công khai nội dung chính của Kết luận như sau (không bao gồm thông tin thuộc bí mật nhà nước, bí mật kinh doanh và dữ liệu cá nhân theo quy định của pháp luật):`,
      ),
      ...listLines(f.summary.map(clause)),
      sentence(
        `Toàn văn Kết luận được đăng tải trên ${clause(f.portal)} từ ngày ${textDate(f.publishFrom)} đến ngày ${textDate(f.publishTo)}`,
      ),
    ];
    if (f.otherForms.length)
      paragraphs.push(
        "Kết luận còn được công khai bằng các hình thức:",
        ...listLines(f.otherForms.map(clause), dashed),
      );
    return {
      title: "Thông báo",
      subtitle: `Công khai Kết luận thanh tra số ${f.conclusion.number}`,
      paragraphs,
      recipients: f.recipients ?? [...f.subjects.map(clause), FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const sanction = defineTemplate({
  formCode: "TTr-XP",
  name: "Quyết định xử phạt vi phạm hành chính",
  basis:
    "Luật Xử lý vi phạm hành chính năm 2012 (sửa đổi, bổ sung); Nghị định 118/2021/NĐ-CP [P: mẫu quyết định của Nghị định 118/2021 chưa đối chiếu]",
  series: "QĐ",
  fieldsSchema: inspectionSanctionFields,
  defaultTitle: (f) => `Quyết định xử phạt vi phạm hành chính đối với ${f.violator.name}`,
  build(f) {
    const v = f.violator;
    const who: BodyParagraph[] =
      v.kind === "organisation"
        ? [
            labelled("Tên tổ chức vi phạm", v.name),
            ...(v.taxCode ? [labelled("Mã số doanh nghiệp", v.taxCode)] : []),
            ...(v.address ? [labelled("Địa chỉ trụ sở chính", v.address)] : []),
            ...(v.representative ? [labelled("Người đại diện theo pháp luật", person(v.representative))] : []),
          ]
        : [
            labelled("Họ và tên người vi phạm", v.name),
            ...(v.idNumber ? [labelled("Số định danh cá nhân", v.idNumber)] : []),
            ...(v.address ? [labelled("Nơi ở hiện tại", v.address)] : []),
          ];
    const acts: BodyParagraph[] = f.violations.map((x, i) =>
      item(`${lettered(i)}`, `${clause(x.text)}; quy định tại ${clause(x.rule)}`, i === f.violations.length - 1),
    );
    const more: BodyParagraph[] = [
      ...who,
      "1. Đã thực hiện hành vi vi phạm hành chính:",
      ...acts,
      // A fine is written to the last đồng ("35.000.000 đồng"), not rounded to millions.
      sentence(`2. Hình thức xử phạt chính: Phạt tiền. Mức phạt: ${formatDong(f.fineVnd)}`),
      `3. Hình thức xử phạt bổ sung: ${f.additionalMeasures.length ? sentence(f.additionalMeasures.map(clause).join("; ")) : "Không."}`,
      `4. Biện pháp khắc phục hậu quả: ${f.remedialMeasures.length ? sentence(f.remedialMeasures.map(clause).join("; ")) : "Không."}`,
    ];
    const articles = [
      {
        text: `Xử phạt vi phạm hành chính đối với ${v.kind === "organisation" ? "tổ chức" : "cá nhân"} có tên sau:`,
        more,
      },
      {
        text: `${clause(v.name)} phải nghiêm chỉnh chấp hành Quyết định này; nộp tiền phạt trong thời hạn ${f.payWithinDays} ngày kể từ ngày nhận được Quyết định tại ${clause(f.payAt)}. Quá thời hạn mà không tự nguyện chấp hành thì bị cưỡng chế thi hành theo quy định của pháp luật; ${v.kind === "organisation" ? "tổ chức" : "cá nhân"} vi phạm có quyền khiếu nại, khởi kiện đối với Quyết định này theo quy định của pháp luật`,
      },
      {
        text: `Quyết định này có hiệu lực kể từ ngày ký và được giao cho ${clause(v.name)} trong thời hạn 02 ngày làm việc kể từ ngày ký`,
      },
    ];
    return {
      title: "Quyết định",
      subtitle: "Xử phạt vi phạm hành chính",
      paragraphs: decisionBody({
        authority: f.deciderTitle,
        grounds: [
          "Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
          "Căn cứ Nghị định số 118/2021/NĐ-CP ngày 23 tháng 12 năm 2021 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính",
          `Căn cứ ${clause(f.sanctionDecree)}`,
          `Căn cứ Biên bản vi phạm hành chính số ${f.record.number} lập ngày ${textDate(f.record.date)}`,
        ],
        articles,
      }),
      recipients: f.recipients ?? [clause(v.name), "Kho bạc Nhà nước (để thu tiền phạt)", FILED],
      signature: signatureOf(f.signer),
    };
  },
});

/**
 * The directive on implementing the conclusion (Điều 53 Luật Thanh tra 2025), a letter in the
 * head's name: the conclusion it carries out, each recommendation with the unit that carries it
 * out and its due date, and the date to report back by.
 */
const directive = defineTemplate({
  formCode: "TTr-CD",
  name: "Văn bản chỉ đạo thực hiện kết luận thanh tra (kiểm tra)",
  basis: `Điều 53 Luật Thanh tra 2025; ${ND216} [P: mẫu văn bản chưa đối chiếu]`,
  series: "CV",
  signedByHead: true,
  fieldsSchema: inspectionDirectiveFields,
  defaultTitle: (f) => `Chỉ đạo thực hiện Kết luận ${WHAT[f.activity]} số ${f.conclusion.number}`,
  build(f, agency) {
    const what = WHAT[f.activity];
    const paragraphs: BodyParagraph[] = [
      sentence(
        `Ngày ${textDate(f.conclusion.date)}, ${agency.name} ban hành Kết luận ${what} số ${f.conclusion.number} về ${clause(f.conclusion.title)}`,
      ),
      f.recommendations.length
        ? `Để thực hiện nghiêm Kết luận ${what}, yêu cầu các cơ quan, tổ chức, đơn vị có liên quan thực hiện các nội dung sau:`
        : sentence(`Yêu cầu các cơ quan, tổ chức, đơn vị có liên quan nghiêm túc thực hiện Kết luận ${what} nêu trên`),
      ...f.recommendations.map((r, i) =>
        item(
          `${i + 1}.`,
          `${clause(r.text)} (đơn vị thực hiện: ${clause(r.unit)}${r.dueOn ? `; thời hạn: trước ngày ${textDate(r.dueOn)}` : ""})`,
          i === f.recommendations.length - 1,
        ),
      ),
      sentence(
        `Các cơ quan, tổ chức, đơn vị nêu trên báo cáo kết quả thực hiện bằng văn bản về ${agency.shortName}${f.reportBy ? ` trước ngày ${textDate(f.reportBy)}` : ""} để theo dõi, đôn đốc, kiểm tra việc thực hiện theo quy định`,
      ),
    ];
    return {
      title: "",
      letter: true,
      subtitle: `V/v chỉ đạo thực hiện Kết luận ${what} số ${f.conclusion.number}`,
      addressees: f.to.map(clause),
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

export const INSPECTION_TEMPLATES: readonly DocumentTemplate[] = [
  decision,
  conclusion,
  urging,
  announcement,
  extension,
  publication,
  sanction,
  directive,
];
