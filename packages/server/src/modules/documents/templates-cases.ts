/**
 * Documents of complaint cases (Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP) and denunciation
 * cases (Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP), in the layout of NĐ 30/2020: notices,
 * decisions with their articles, the dialogue minutes with the parties' signatures, the
 * conclusion on a denunciation. Field schemas: @minhbach/domain/api/case-documents.
 *
 * [P] The official forms (the appendices of NĐ 124/2020 and NĐ 31/2019) were not read: the
 * wording is written the way an officer drafts these papers, and the article numbers not marked
 * [V] in docs/LAW.md §5–6 are recalled. Every template says `wordingVerified: false` until someone
 * checks it against the text published in Công báo.
 *
 * Confidentiality (Luật Tố cáo 2018, Điều 9): no denunciation template can print the denouncer —
 * their schemas have no such field — and the text says "người tố cáo" only.
 */
import { citeInYear, formalCitation, legalGround, numbered } from "@minhbach/domain";
import {
  COMPLAINT_REFUSAL_GROUNDS,
  complaintAcceptedFields,
  complaintDecisionFields,
  complaintDialogueFields,
  complaintRefusedFields,
  complaintSuspensionFields,
  complaintTerminationFields,
  complaintVerificationFields,
  DENUNCIATION_COMPLEXITY_CRITERIA,
  DENUNCIATION_REFUSAL_GROUNDS,
  denunciationAcceptedFields,
  denunciationConclusionFields,
  denunciationExtensionFields,
  denunciationRefusedFields,
  denunciationSuspensionFields,
  denunciationTerminationFields,
  denunciationVerificationFields,
  type OfficialPerson,
  type Verdict,
} from "@minhbach/domain/api/case-documents";
import type { DocumentPerson } from "@minhbach/domain/api/documents";
import type { BodyParagraph } from "./render.ts";
import {
  actOf,
  addressed,
  AS_ABOVE,
  capitalised,
  clause,
  decisionBody,
  dashed,
  decisionRecipients,
  defineTemplate,
  executionArticle,
  FILED,
  heading,
  item,
  labelled,
  lettered,
  listLines,
  matterOf,
  mentions,
  named,
  ofPerson,
  pronoun,
  receivedLine,
  recoveryLines,
  sentence,
  signatureOf,
  textDate,
  withoutIssuer,
  withoutLead,
  type DocumentTemplate,
} from "./template-kit.ts";

// ---------------------------------------------------------------------------------------------
// Legal texts as the "Căn cứ" lines cite them.

const LKN = citeInYear("LKN");
const LKN_GROUND = legalGround("LKN");
const ND124 = formalCitation("ND124");
/** A decree named again in the text after its "Căn cứ" line: by its number only. */
const ND124_AGAIN = numbered("ND124");
const LTC = citeInYear("LTC");
const LTC_GROUND = legalGround("LTC");
const ND31 = formalCitation("ND31");
const ND31_AGAIN = numbered("ND31");

/** A denunciation's sender is told separately, in a sealed envelope, never named in the list. */
const DENOUNCER_COPY = "Người tố cáo (thông báo riêng)";

const INSTANCE = { first: "lần đầu", second: "lần hai" } as const;
/** Articles of Luật Khiếu nại by instance: acceptance, time limit, decision. [P] for the second instance. */
const ARTICLES = {
  first: { accept: 27, time: 28, decide: 31 },
  second: { accept: 36, time: 37, decide: 40 },
} as const;

const TEAM_ROLE = { leader: "Tổ trưởng", deputy: "Phó Tổ trưởng", member: "Thành viên" } as const;

function official(p: OfficialPerson): string {
  return `${p.honorific ?? "Ông/Bà"} ${p.name}, ${clause(p.position)}`;
}

function teamLines(team: readonly (OfficialPerson & { role: keyof typeof TEAM_ROLE })[]): BodyParagraph[] {
  return team.map((m, i) => item(`${i + 1}.`, `${official(m)} - ${TEAM_ROLE[m.role]}`, i === team.length - 1));
}

/** "của ông Nguyễn Văn An (địa chỉ: …)" — in brackets, so that "đối với …" can follow. */
function ofComplainant(person: DocumentPerson): string {
  return `của ${named(person)}${person.address ? ` (địa chỉ: ${clause(person.address)})` : ""}`;
}

/** What is complained about, as an object: "Quyết định số 125/QĐ-XPHC …" (never "Bà Hường khiếu nại …"). */
function complained(f: { subject: string }): string {
  return matterOf(f.subject, "khiếu nại");
}

/**
 * "khiếu nại của bà Phạm Thị Hường đối với Quyết định số …" — the complainant by name only: the
 * "Xét đơn" line above gives the address.
 */
function complaintOf(f: { complainant: DocumentPerson; subject: string }): string {
  return `khiếu nại của ${named(f.complainant)} đối với ${complained(f)}`;
}

/**
 * What a denunciation says, without a leading "Tố cáo" the label or the list already says, and
 * without naming again the person the sentence before names: "Việc nhận 5.000.000 đồng …".
 */
const denounces = (text: string, denounced: string) => capitalised(actOf(matterOf(text, "tố cáo"), denounced));

const COMPLAINT_VERDICT: Record<Verdict, string> = {
  right: "khiếu nại đúng",
  partly_right: "khiếu nại đúng một phần",
  wrong: "khiếu nại sai",
};
const DENUNCIATION_VERDICT: Record<Verdict, string> = {
  right: "tố cáo đúng",
  partly_right: "tố cáo đúng một phần",
  wrong: "tố cáo sai",
};

/** "08:30" → "08 giờ 30 phút"; blanks for the clerk when unknown. */
function clock(time: string | undefined): string {
  if (!time) return "…… giờ …… phút";
  const [h, m] = time.split(":");
  return `${h} giờ ${m} phút`;
}

// =============================================================================================
// Complaints.

const complaintAccepted = defineTemplate({
  formCode: "KN-TL",
  name: "Thông báo về việc thụ lý giải quyết khiếu nại",
  basis: `Điều 27, Điều 36 ${LKN}; ${ND124}`,
  series: "TB",
  fieldsSchema: complaintAcceptedFields,
  defaultTitle: (f) => `Thông báo thụ lý giải quyết khiếu nại (${INSTANCE[f.instance]}) của ${f.complainant.fullName}`,
  build(f, agency) {
    const you = pronoun(f.complainant);
    const n = ARTICLES[f.instance];
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, "đơn khiếu nại", f.letterDate)} ${ofPerson(f.complainant)}.`,
      labelled("Khiếu nại đối với", complained(f)),
    ];
    if (f.respondent) paragraphs.push(labelled("Người bị khiếu nại", f.respondent));
    paragraphs.push(
      `Sau khi xem xét nội dung đơn khiếu nại và các tài liệu kèm theo, căn cứ Điều ${n.accept} ${LKN}, khiếu nại của ${you} đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết.`,
      `Ngày ${textDate(f.acceptedOn)}, ${agency.shortName} đã thụ lý giải quyết khiếu nại ${INSTANCE[f.instance]}. Thời hạn giải quyết khiếu nại thực hiện theo quy định tại Điều ${n.time} ${LKN}${f.dueOn ? ` (đến hết ngày ${textDate(f.dueOn)})` : ""}.`,
      `${agency.shortName} thông báo để ${you} biết.`,
    );
    return {
      title: "Thông báo",
      subtitle: "Về việc thụ lý giải quyết khiếu nại",
      addressees: [addressed(f.complainant)],
      paragraphs,
      // Điều 27: the complainant, the body that forwarded it, the inspectorate of the same level.
      recipients: f.recipients ?? [
        AS_ABOVE,
        ...(f.forwardedBy ? [`${f.forwardedBy} (để biết)`] : []),
        ...(f.inspectorate ? [`${f.inspectorate} (để biết)`] : []),
        FILED,
      ],
      signature: signatureOf(f.signer),
    };
  },
});

const complaintRefused = defineTemplate({
  formCode: "KN-KTL",
  name: "Thông báo về việc không thụ lý giải quyết khiếu nại",
  basis: `Điều 11, Điều 27 ${LKN}; ${ND124}`,
  series: "TB",
  fieldsSchema: complaintRefusedFields,
  defaultTitle: (f) => `Thông báo không thụ lý giải quyết khiếu nại của ${f.complainant.fullName}`,
  build(f, agency) {
    const you = pronoun(f.complainant);
    const grounds = [...new Set(f.grounds)].sort(
      (a, b) => COMPLAINT_REFUSAL_GROUNDS[a].clause - COMPLAINT_REFUSAL_GROUNDS[b].clause,
    );
    const paragraphs: BodyParagraph[] = [
      `${receivedLine(agency, f.receivedOn, "đơn khiếu nại", f.letterDate)} ${ofPerson(f.complainant)}.`,
      labelled("Khiếu nại đối với", complained(f)),
    ];
    if (f.respondent) paragraphs.push(labelled("Người bị khiếu nại", f.respondent));
    paragraphs.push(
      `Sau khi xem xét nội dung đơn khiếu nại và các tài liệu kèm theo, căn cứ Điều 11 và Điều ${ARTICLES[f.instance].accept} ${LKN}, ${agency.shortName} thông báo không thụ lý giải quyết khiếu nại của ${you} vì lý do sau đây:`,
      ...grounds.map((g, i) =>
        item(
          "-",
          `${capitalised(COMPLAINT_REFUSAL_GROUNDS[g].text)} (khoản ${COMPLAINT_REFUSAL_GROUNDS[g].clause} Điều 11 ${LKN})`,
          i === grounds.length - 1,
        ),
      ),
    );
    if (f.explanation) paragraphs.push(sentence(f.explanation));
    paragraphs.push(`${agency.shortName} thông báo để ${you} biết.`);
    return {
      title: "Thông báo",
      subtitle: "Về việc không thụ lý giải quyết khiếu nại",
      addressees: [addressed(f.complainant)],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const complaintVerification = defineTemplate({
  formCode: "KN-GXM",
  name: "Quyết định về việc giao nhiệm vụ xác minh nội dung khiếu nại",
  basis: `Điều 29 ${LKN}; ${ND124}`,
  series: "QĐ",
  fieldsSchema: complaintVerificationFields,
  defaultTitle: (f) => `Quyết định giao nhiệm vụ xác minh khiếu nại của ${f.complainant.fullName}`,
  build(f) {
    const team = f.team.length > 0;
    const who = f.assignee ?? "Tổ xác minh";
    const first = f.assignee
      ? `Giao ${f.assignee} xác minh nội dung ${complaintOf(f)}${team ? ". Thành lập Tổ xác minh gồm:" : ""}`
      : `Giao nhiệm vụ xác minh nội dung ${complaintOf(f)} cho Tổ xác minh gồm:`;
    return {
      title: "Quyết định",
      subtitle: "Về việc giao nhiệm vụ xác minh nội dung khiếu nại",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: [
          LKN_GROUND,
          `Căn cứ ${ND124}`,
          `Xét đơn khiếu nại${f.letterDate ? ` đề ngày ${textDate(f.letterDate)}` : ""} ${ofPerson(f.complainant)}`,
        ],
        proposal: f.proposedBy ? `Theo đề nghị của ${f.proposedBy}` : undefined,
        articles: [
          { text: first, more: team ? teamLines(f.team) : [] },
          {
            text: `${who} có nhiệm vụ kiểm tra, xác minh các nội dung sau:`,
            more: [
              ...listLines(f.contents, lettered),
              `Thời gian xác minh là ${f.durationDays} ngày kể từ ngày ký Quyết định này. ${who} thực hiện nhiệm vụ, quyền hạn theo quy định tại Điều 29 ${LKN} và ${ND124_AGAIN}; báo cáo kết quả xác minh bằng văn bản với ${f.resolverTitle}.`,
            ],
          },
          {
            text: executionArticle([
              f.assignee ?? "",
              team ? "các thành viên Tổ xác minh" : "",
              named(f.complainant),
              f.respondent ?? "",
            ]),
          },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3),
      signature: signatureOf(f.signer),
    };
  },
});

const complaintDialogue = defineTemplate({
  formCode: "KN-BBDT",
  name: "Biên bản đối thoại",
  basis: `Điều 30, Điều 39 ${LKN}; Điều 28 ${ND124}`,
  series: "BB",
  fieldsSchema: complaintDialogueFields,
  defaultTitle: (f) => `Biên bản đối thoại ngày ${textDate(f.heldOn)} với ${f.complainant.fullName}`,
  build(f, agency) {
    const lan = INSTANCE[f.instance];
    const none = "Không có.";
    const paragraphs: BodyParagraph[] = [
      `Vào hồi ${clock(f.startTime)}, ngày ${textDate(f.heldOn)}, tại ${clause(f.place)}, ${agency.shortName} tổ chức đối thoại để giải quyết khiếu nại ${lan} của ${named(f.complainant)} đối với ${complained(f)}.`,
      heading("I. THÀNH PHẦN THAM GIA ĐỐI THOẠI"),
      `1. Người chủ trì đối thoại: ${official(f.chair)}.`,
      `2. Người ghi biên bản: ${official(f.recorder)}.`,
      `3. Người khiếu nại: ${addressed(f.complainant)}${f.complainant.address ? `, địa chỉ: ${clause(f.complainant.address)}` : ""}.`,
      ...f.complainantSide.map((p) => `- Cùng tham gia với người khiếu nại: ${official(p)}.`),
      `4. Người bị khiếu nại (hoặc người đại diện): ${official(f.respondent)}.`,
    ];
    if (f.others.length) {
      paragraphs.push(
        "5. Cơ quan, tổ chức, cá nhân có liên quan:",
        ...f.others.map((p, i) => item("-", official(p), i === f.others.length - 1)),
      );
    }
    paragraphs.push(
      heading("II. NỘI DUNG ĐỐI THOẠI"),
      ...listLines(f.contents),
      heading("III. KẾT QUẢ ĐỐI THOẠI"),
      "1. Những nội dung đã thống nhất:",
      ...(f.agreed.length ? listLines(f.agreed, dashed) : [none]),
      "2. Những nội dung còn ý kiến khác nhau:",
      ...(f.disputed.length ? listLines(f.disputed, dashed) : [none]),
      `Buổi đối thoại kết thúc vào hồi ${clock(f.endTime)} cùng ngày. Biên bản đã được đọc lại cho những người tham gia đối thoại cùng nghe, nhất trí và ký tên dưới đây; trường hợp có người không ký, người ghi biên bản ghi rõ lý do. Biên bản được lập thành ${String(f.copies).padStart(2, "0")} bản có giá trị như nhau.`,
    );
    return {
      title: "Biên bản",
      subtitle: `Đối thoại giải quyết khiếu nại ${lan}`,
      paragraphs,
      // A biên bản has no "Nơi nhận": the parties sign, the chair last.
      recipients: null,
      signatures: [
        { title: "Người khiếu nại", name: f.complainant.fullName },
        { title: "Người bị khiếu nại", name: f.respondent.name },
        ...f.others.map((p) => ({ title: "Cơ quan, tổ chức, cá nhân có liên quan", name: p.name })),
        { title: "Người ghi biên bản", name: f.recorder.name },
        { title: "Người chủ trì đối thoại", name: f.chair.name },
      ],
      signature: { authority: null, position: "Người chủ trì đối thoại", name: f.chair.name },
    };
  },
});

const complaintSuspension = defineTemplate({
  formCode: "KN-TDC",
  name: "Quyết định về việc tạm đình chỉ việc giải quyết khiếu nại",
  basis: `${LKN}; ${ND124} [P: điều khoản về tạm đình chỉ chưa đối chiếu]`,
  series: "QĐ",
  fieldsSchema: complaintSuspensionFields,
  defaultTitle: (f) => `Quyết định tạm đình chỉ giải quyết khiếu nại của ${f.complainant.fullName}`,
  build(f) {
    const accepted = f.acceptedOn ? ` (thụ lý ngày ${textDate(f.acceptedOn)})` : "";
    return {
      title: "Quyết định",
      subtitle: "Về việc tạm đình chỉ việc giải quyết khiếu nại",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: [
          LKN_GROUND,
          `Căn cứ ${ND124}`,
          `Xét quá trình giải quyết khiếu nại ${INSTANCE[f.instance]}${accepted}`,
        ],
        articles: [
          {
            text: `Tạm đình chỉ việc giải quyết ${complaintOf(f)}, kể từ ngày ${f.from ? textDate(f.from) : "ký Quyết định này"}`,
            more: [labelled("Lý do tạm đình chỉ", f.reason)],
          },
          {
            text: `Khi lý do tạm đình chỉ không còn, ${f.resolverTitle} quyết định tiếp tục giải quyết khiếu nại và thông báo cho người khiếu nại, người bị khiếu nại và các cơ quan, tổ chức, cá nhân có liên quan`,
          },
          { text: executionArticle([named(f.complainant), f.respondent ?? ""]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3),
      signature: signatureOf(f.signer),
    };
  },
});

const complaintTermination = defineTemplate({
  formCode: "KN-DC",
  name: "Quyết định về việc đình chỉ việc giải quyết khiếu nại",
  basis: `Điều 10 ${LKN}; ${ND124} [P: điều khoản về đình chỉ chưa đối chiếu]`,
  series: "QĐ",
  fieldsSchema: complaintTerminationFields,
  defaultTitle: (f) => `Quyết định đình chỉ giải quyết khiếu nại của ${f.complainant.fullName}`,
  build(f) {
    const accepted = f.acceptedOn ? ` (thụ lý ngày ${textDate(f.acceptedOn)})` : "";
    const reason =
      f.ground === "withdrawn"
        ? `${capitalised(named(f.complainant))} đã rút toàn bộ nội dung khiếu nại tại đơn rút khiếu nại đề ngày ${textDate(f.withdrawnOn!)} (Điều 10 ${LKN})`
        : f.reason!;
    return {
      title: "Quyết định",
      subtitle: "Về việc đình chỉ việc giải quyết khiếu nại",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: [
          LKN_GROUND,
          `Căn cứ ${ND124}`,
          `Xét quá trình giải quyết khiếu nại ${INSTANCE[f.instance]}${accepted}`,
        ],
        articles: [
          { text: `Đình chỉ việc giải quyết ${complaintOf(f)}`, more: [labelled("Lý do", reason)] },
          { text: executionArticle([named(f.complainant), f.respondent ?? ""]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(2),
      signature: signatureOf(f.signer),
    };
  },
});

const ACTION = { keep: "Giữ nguyên", amend: "Sửa đổi, bổ sung", annul: "Hủy bỏ" } as const;

const complaintDecision = defineTemplate({
  formCode: "KN-QD",
  name: "Quyết định giải quyết khiếu nại (lần đầu, lần hai)",
  basis: `Điều 31, Điều 40 ${LKN}; ${ND124}`,
  series: "QĐ",
  fieldsSchema: complaintDecisionFields,
  defaultTitle: (f) => `Quyết định giải quyết khiếu nại (${INSTANCE[f.instance]}) của ${f.complainant.fullName}`,
  build(f) {
    const who = named(f.complainant);
    const sections: [string, BodyParagraph[]][] = [
      [
        "NỘI DUNG KHIẾU NẠI",
        [
          `${capitalised(who)} khiếu nại ${complained(f)}${f.respondent && !mentions(complained(f), f.respondent) ? ` (người bị khiếu nại: ${clause(f.respondent)})` : ""}.`,
          labelled("Nội dung khiếu nại và yêu cầu của người khiếu nại", f.claims),
          ...(f.relatedParties.length
            ? [labelled("Người có quyền, nghĩa vụ liên quan", f.relatedParties.join("; "))]
            : []),
        ],
      ],
    ];
    if (f.instance === "second" && f.firstDecision) {
      const first = /^quyết định\b/iu.test(f.firstDecision.trim())
        ? `Khiếu nại đã được giải quyết lần đầu tại ${clause(f.firstDecision)}`
        : f.firstDecision;
      sections.push(["KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI LẦN ĐẦU", [sentence(first)]]);
    }
    sections.push(["KẾT QUẢ XÁC MINH NỘI DUNG KHIẾU NẠI", f.verification.map((v) => sentence(v))]);
    if (f.dialogue) sections.push(["KẾT QUẢ ĐỐI THOẠI", [sentence(f.dialogue)]]);
    sections.push([
      "KẾT LUẬN",
      [
        `Khiếu nại của ${who} là ${COMPLAINT_VERDICT[f.verdict]}.`,
        sentence(withoutLead(f.reasoning, COMPLAINT_VERDICT[f.verdict])),
      ],
    ]);
    const roman = ["I", "II", "III", "IV", "V", "VI"];
    const considerations: BodyParagraph[] = sections.flatMap(([title, body], i) => [
      heading(`${roman[i]}. ${title}`),
      ...body,
    ]);
    considerations.push("Từ những nhận định và căn cứ nêu trên,");

    const remedies = [
      ...recoveryLines(f),
      ...(f.compensation ? [`Bồi thường thiệt hại: ${clause(f.compensation)}`] : []),
      ...f.otherMeasures,
    ];
    const articles: { text: string; more: BodyParagraph[] }[] = [
      {
        // "Sửa đổi, bổ sung Quyết định số …, cụ thể như sau:" and the changes, the verb once.
        text: `${ACTION[f.action]} ${complained(f)}${f.action === "amend" && f.actionDetail ? ", cụ thể như sau:" : ""}`,
        more: f.actionDetail ? [sentence(withoutLead(f.actionDetail, ACTION[f.action], true))] : [],
      },
    ];
    if (remedies.length) {
      articles.push({ text: "Biện pháp khắc phục hậu quả:", more: listLines(remedies, dashed) });
    }
    articles.push({
      text:
        f.instance === "first"
          ? `Trong thời hạn ${f.remoteArea ? 45 : 30} ngày kể từ ngày nhận được Quyết định này, nếu không đồng ý với quyết định giải quyết khiếu nại lần đầu, ${who} có quyền khiếu nại đến ${f.nextResolver ?? "người có thẩm quyền giải quyết khiếu nại lần hai"} hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính`
          : `Đây là quyết định giải quyết khiếu nại lần hai. Nếu không đồng ý với Quyết định này, ${who} có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính`,
      more: [],
    });
    articles.push({ text: executionArticle([...f.executors, who, f.respondent ?? ""]), more: [] });
    return {
      title: "Quyết định",
      subtitle: `Về việc giải quyết khiếu nại của ${who} (${INSTANCE[f.instance]})`,
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: [
          LKN_GROUND,
          `Căn cứ ${ND124}`,
          ...f.legalBasis,
          `Xét đơn khiếu nại${f.letterDate ? ` đề ngày ${textDate(f.letterDate)}` : ""} ${ofComplainant(f.complainant)}, nhận ngày ${textDate(f.receivedOn)}`,
        ],
        considerations,
        articles,
      }),
      recipients:
        f.recipients ??
        decisionRecipients(
          articles.length,
          f.instance === "first" && f.nextResolver ? [`${f.nextResolver} (để báo cáo)`] : [],
        ),
      signature: signatureOf(f.signer),
    };
  },
});

// =============================================================================================
// Denunciations: "người tố cáo", never a name.

const denunciationGrounds = (extra: string[] = []) => [LTC_GROUND, `Căn cứ ${ND31}`, ...extra];

const against = (denounced: string) => `${clause(denounced)} (người bị tố cáo)`;

const denunciationAccepted = defineTemplate({
  formCode: "TC-TL",
  name: "Quyết định về việc thụ lý tố cáo",
  basis: `Điều 29 ${LTC}; ${ND31}`,
  series: "QĐ",
  fieldsSchema: denunciationAcceptedFields,
  defaultTitle: (f) => `Quyết định thụ lý tố cáo đối với ${f.denounced}`,
  build(f, agency) {
    return {
      title: "Quyết định",
      subtitle: "Về việc thụ lý tố cáo",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: denunciationGrounds([
          `Xét đơn tố cáo do ${agency.shortName} tiếp nhận ngày ${textDate(f.receivedOn)}`,
        ]),
        articles: [
          {
            text: `Thụ lý tố cáo đối với ${against(f.denounced)}. Nội dung tố cáo được thụ lý giải quyết gồm:`,
            more: listLines(f.contents.map((c) => denounces(c, f.denounced))),
          },
          {
            text: `Thời hạn giải quyết tố cáo là 30 ngày kể từ ngày thụ lý; đối với vụ việc phức tạp, đặc biệt phức tạp thì có thể gia hạn theo quy định tại Điều 30 ${LTC}`,
          },
          { text: executionArticle([...f.executors, "người bị tố cáo"]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3, [DENOUNCER_COPY]),
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationRefused = defineTemplate({
  formCode: "TC-KTL",
  name: "Thông báo về việc không thụ lý tố cáo",
  basis: `Điều 29 ${LTC}; ${ND31}`,
  series: "TB",
  fieldsSchema: denunciationRefusedFields,
  defaultTitle: (f) => `Thông báo không thụ lý tố cáo đối với ${f.denounced}`,
  build(f, agency) {
    const grounds = [...new Set(f.grounds)];
    const paragraphs: BodyParagraph[] = [
      `Ngày ${textDate(f.receivedOn)}, ${agency.name} nhận được đơn tố cáo đối với ${against(f.denounced)}.`,
      labelled("Nội dung tố cáo", denounces(f.summary, f.denounced)),
      `Sau khi xem xét nội dung tố cáo và các thông tin, tài liệu kèm theo, căn cứ Điều 29 ${LTC}, ${agency.shortName} thông báo không thụ lý tố cáo nêu trên vì lý do sau đây:`,
      ...grounds.map((g, i) => item("-", capitalised(DENUNCIATION_REFUSAL_GROUNDS[g]), i === grounds.length - 1)),
    ];
    if (f.explanation) paragraphs.push(sentence(f.explanation));
    paragraphs.push(`${agency.shortName} thông báo để người tố cáo biết.`);
    return {
      title: "Thông báo",
      subtitle: "Về việc không thụ lý tố cáo",
      // Sent in a sealed envelope; the document on file names no one.
      addressees: ["Người tố cáo"],
      paragraphs,
      recipients: f.recipients ?? [AS_ABOVE, FILED],
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationVerification = defineTemplate({
  formCode: "TC-GXM",
  name: "Quyết định thành lập Tổ xác minh nội dung tố cáo",
  basis: `Điều 31 ${LTC}; ${ND31}`,
  series: "QĐ",
  fieldsSchema: denunciationVerificationFields,
  defaultTitle: (f) => `Quyết định thành lập Tổ xác minh tố cáo đối với ${f.denounced}`,
  build(f) {
    return {
      title: "Quyết định",
      subtitle: "Về việc thành lập Tổ xác minh nội dung tố cáo",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: denunciationGrounds(
          f.acceptanceDecision ? [`Căn cứ ${clause(f.acceptanceDecision)} về việc thụ lý tố cáo`] : [],
        ),
        proposal: f.proposedBy ? `Theo đề nghị của ${f.proposedBy}` : undefined,
        articles: [
          {
            text: `Thành lập Tổ xác minh nội dung tố cáo đối với ${against(f.denounced)}, gồm các ông (bà) có tên sau:`,
            more: teamLines(f.team),
          },
          {
            text: "Tổ xác minh có nhiệm vụ xác minh các nội dung tố cáo sau:",
            more: [
              ...listLines(
                f.contents.map((c) => denounces(c, f.denounced)),
                lettered,
              ),
              `Thời gian xác minh là ${f.durationDays} ngày kể từ ngày ký Quyết định này. Tổ xác minh thực hiện nhiệm vụ, quyền hạn theo quy định tại Điều 31 ${LTC} và ${ND31_AGAIN}; giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo; báo cáo kết quả xác minh bằng văn bản với ${f.resolverTitle}.`,
            ],
          },
          { text: executionArticle(["các thành viên Tổ xác minh", "người bị tố cáo"]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3),
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationExtension = defineTemplate({
  formCode: "TC-GH",
  name: "Quyết định gia hạn giải quyết tố cáo",
  basis: `Điều 30 ${LTC}; Điều 3 ${ND31}`,
  series: "QĐ",
  fieldsSchema: denunciationExtensionFields,
  defaultTitle: (f) => `Quyết định gia hạn giải quyết tố cáo (lần ${f.extension}) đối với ${f.denounced}`,
  build(f) {
    const criteria = [...new Set(f.criteria)].sort((a, b) =>
      "abcdđeg".indexOf(DENUNCIATION_COMPLEXITY_CRITERIA[a].point) >
      "abcdđeg".indexOf(DENUNCIATION_COMPLEXITY_CRITERIA[b].point)
        ? 1
        : -1,
    );
    // Two criteria or more: especially complex (Điều 3 NĐ 31/2019 [V]).
    const level = criteria.length >= 2 ? "đặc biệt phức tạp" : "phức tạp";
    const points = criteria.map((c) => DENUNCIATION_COMPLEXITY_CRITERIA[c].point).join(", ");
    const ordinal = f.extension === 1 ? "lần thứ nhất" : "lần thứ hai";
    return {
      title: "Quyết định",
      subtitle: "Về việc gia hạn giải quyết tố cáo",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: denunciationGrounds([`Căn cứ ${clause(f.acceptanceDecision)} về việc thụ lý tố cáo`]),
        articles: [
          {
            text: `Gia hạn giải quyết tố cáo (${ordinal}) đối với ${against(f.denounced)}, đã được thụ lý ngày ${textDate(f.acceptedOn)}. Thời gian gia hạn là ${f.days} ngày${f.until ? `, đến hết ngày ${textDate(f.until)}` : ""}`,
            more: [
              `Lý do gia hạn: vụ việc ${level} theo quy định tại điểm ${points} khoản 1 Điều 3 ${ND31_AGAIN}, cụ thể:`,
              ...criteria.map((c, i) =>
                item(
                  "-",
                  `${capitalised(DENUNCIATION_COMPLEXITY_CRITERIA[c].text)} (điểm ${DENUNCIATION_COMPLEXITY_CRITERIA[c].point})`,
                  i === criteria.length - 1,
                ),
              ),
              sentence(f.reason),
            ],
          },
          { text: executionArticle(["Tổ xác minh nội dung tố cáo (nếu có)", "người bị tố cáo"]) },
        ],
      }),
      // Điều 30 khoản 4: the denouncer and the denounced person are told of the extension.
      recipients: f.recipients ?? decisionRecipients(2, [DENOUNCER_COPY]),
      signature: signatureOf(f.signer),
    };
  },
});

const SUSPENSION_GROUND = {
  awaiting_other:
    "cần đợi kết quả giải quyết của cơ quan, tổ chức, cá nhân khác hoặc đợi kết quả giải quyết vụ việc khác có liên quan",
  awaiting_assessment: "cần đợi kết quả giám định bổ sung, giám định lại",
} as const;

const denunciationSuspension = defineTemplate({
  formCode: "TC-TDC",
  name: "Quyết định tạm đình chỉ việc giải quyết tố cáo",
  basis: `Điều 34 ${LTC}; ${ND31}`, // [P] docs/LAW.md §0.1
  series: "QĐ",
  fieldsSchema: denunciationSuspensionFields,
  defaultTitle: (f) => `Quyết định tạm đình chỉ giải quyết tố cáo đối với ${f.denounced}`,
  build(f) {
    return {
      title: "Quyết định",
      subtitle: "Về việc tạm đình chỉ việc giải quyết tố cáo",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: denunciationGrounds([`Căn cứ ${clause(f.acceptanceDecision)} về việc thụ lý tố cáo`]),
        articles: [
          {
            text: `Tạm đình chỉ việc giải quyết tố cáo đối với ${against(f.denounced)}, kể từ ngày ${f.from ? textDate(f.from) : "ký Quyết định này"}`,
            more: [labelled("Lý do", `${capitalised(SUSPENSION_GROUND[f.ground])}. ${sentence(f.reason)}`)],
          },
          {
            text: `Khi lý do tạm đình chỉ không còn, ${f.resolverTitle} quyết định tiếp tục giải quyết tố cáo và thông báo cho người tố cáo, người bị tố cáo`,
          },
          { text: executionArticle(["người bị tố cáo"]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(3, [DENOUNCER_COPY]),
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationTermination = defineTemplate({
  formCode: "TC-DC",
  name: "Quyết định đình chỉ việc giải quyết tố cáo",
  basis: `Điều 33, Điều 34 ${LTC}; ${ND31}`, // [P] docs/LAW.md §0.1
  series: "QĐ",
  fieldsSchema: denunciationTerminationFields,
  defaultTitle: (f) => `Quyết định đình chỉ giải quyết tố cáo đối với ${f.denounced}`,
  build(f) {
    const reason =
      f.ground === "withdrawn"
        ? `Người tố cáo đã rút toàn bộ nội dung tố cáo (văn bản rút tố cáo ngày ${textDate(f.withdrawnOn!)}) và qua xem xét không có căn cứ xác định hành vi vi phạm pháp luật (Điều 33 ${LTC})`
        : f.ground === "denounced_deceased"
          ? "Người bị tố cáo là cá nhân đã chết và nội dung tố cáo chỉ liên quan đến trách nhiệm của người bị tố cáo"
          : f.reason!;
    return {
      title: "Quyết định",
      subtitle: "Về việc đình chỉ việc giải quyết tố cáo",
      paragraphs: decisionBody({
        authority: f.resolverTitle,
        grounds: denunciationGrounds([`Căn cứ ${clause(f.acceptanceDecision)} về việc thụ lý tố cáo`]),
        articles: [
          {
            text: `Đình chỉ việc giải quyết tố cáo đối với ${against(f.denounced)}`,
            more: [labelled("Lý do", reason)],
          },
          { text: executionArticle(["người bị tố cáo"]) },
        ],
      }),
      recipients: f.recipients ?? decisionRecipients(2, [DENOUNCER_COPY]),
      signature: signatureOf(f.signer),
    };
  },
});

const denunciationConclusion = defineTemplate({
  formCode: "TC-KL",
  name: "Kết luận nội dung tố cáo",
  basis: `Điều 35 ${LTC}; ${ND31}`, // [P] docs/LAW.md §0.1
  series: "KL",
  fieldsSchema: denunciationConclusionFields,
  defaultTitle: (f) => `Kết luận nội dung tố cáo đối với ${f.denounced}`,
  build(f) {
    const paragraphs: BodyParagraph[] = [
      `Theo ${withoutIssuer(f.acceptanceDecision, f.resolverTitle)}, ${f.resolverTitle} đã thụ lý tố cáo đối với ${against(f.denounced)}.`,
      `Trên cơ sở ${f.verificationReport ? clause(f.verificationReport) : "báo cáo kết quả xác minh nội dung tố cáo"}, giải trình của người bị tố cáo và các thông tin, tài liệu, chứng cứ có liên quan, ${f.resolverTitle} kết luận nội dung tố cáo như sau:`,
      heading("I. KẾT QUẢ XÁC MINH VÀ KẾT LUẬN TỪNG NỘI DUNG TỐ CÁO"),
    ];
    f.findings.forEach((finding, i) => {
      paragraphs.push(
        {
          runs: [
            { text: `${i + 1}. Nội dung ${i + 1}: `, bold: true },
            { text: sentence(denounces(finding.content, f.denounced)) },
          ],
        },
        labelled("Kết quả xác minh", finding.result),
        `Kết luận: ${capitalised(DENUNCIATION_VERDICT[finding.verdict])}.`,
      );
    });
    paragraphs.push(
      heading("II. KẾT LUẬN"),
      `Tố cáo đối với ${against(f.denounced)} là ${DENUNCIATION_VERDICT[f.verdict]}.`,
    );
    if (f.violations) paragraphs.push(sentence(f.violations));
    const measures = [...recoveryLines(f), ...f.measures];
    paragraphs.push(
      heading("III. BIỆN PHÁP XỬ LÝ THEO THẨM QUYỀN"),
      ...(measures.length ? listLines(measures, dashed) : ["Không."]),
    );
    if (f.recommendations.length) {
      paragraphs.push(heading("IV. KIẾN NGHỊ"), ...listLines(f.recommendations, dashed));
    }
    return {
      title: "Kết luận",
      subtitle: `Nội dung tố cáo đối với ${clause(f.denounced)}`,
      paragraphs,
      // Published without the denouncer's data (Điều 39 Luật Tố cáo [P]); the denouncer is told separately.
      recipients: f.recipients ?? [
        "Người bị tố cáo",
        "Cơ quan, tổ chức quản lý người bị tố cáo (nếu có)",
        DENOUNCER_COPY,
        FILED,
      ],
      signature: signatureOf(f.signer),
    };
  },
});

export const CASE_TEMPLATES: readonly DocumentTemplate[] = [
  complaintAccepted,
  complaintRefused,
  complaintVerification,
  complaintDialogue,
  complaintSuspension,
  complaintTermination,
  complaintDecision,
  denunciationAccepted,
  denunciationRefused,
  denunciationVerification,
  denunciationExtension,
  denunciationSuspension,
  denunciationTermination,
  denunciationConclusion,
];
