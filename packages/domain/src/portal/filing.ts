/**
 * What a citizen or an enterprise types on the portal's filing page, checked field by field with
 * a Vietnamese message naming the field, and turned into the intake body every channel uses.
 *
 * Who may stay anonymous: only a denouncer, and with a warning. A complaint must carry the
 * complainant's name and address (Điều 8 khoản 2 Luật Khiếu nại 2011), as must a recommendation
 * or a feedback letter (Điều 6 Thông tư 05/2021/TT-TTCP: a letter without them is not handled). A
 * denunciation without name and address is not handled as a denunciation, unless it clearly
 * names the wrongdoer and comes with documents or evidence that can be verified, in which case
 * the agency checks it within its competence (Điều 25 Luật Tố cáo 2018; docs/LAW.md §6.2).
 */
import type { CreatePetitionBody } from "../api/petitions.ts";
import { isActiveFieldCode } from "../petitions/fields.ts";
import type { PetitionKind } from "../petitions/kinds.ts";
import { validateIdentityDocument } from "../reception/identity.ts";
import { validateTaxCode } from "../petitions/tax-code.ts";

export type PortalKind = Exclude<PetitionKind, "multi_content">;

export const PORTAL_KINDS: Readonly<Record<PortalKind, { label: string; hint: string }>> = {
  complaint: {
    label: "Khiếu nại",
    hint: "Đề nghị xem xét lại một quyết định hành chính, hành vi hành chính hoặc quyết định kỷ luật mà bạn cho là trái pháp luật, xâm phạm quyền, lợi ích của mình.",
  },
  denunciation: {
    label: "Tố cáo",
    hint: "Báo cho cơ quan có thẩm quyền biết hành vi vi phạm pháp luật của cơ quan, tổ chức, cá nhân gây thiệt hại cho Nhà nước, quyền, lợi ích hợp pháp của người khác.",
  },
  recommendation: {
    label: "Kiến nghị",
    hint: "Đề xuất với cơ quan nhà nước về một vấn đề liên quan đến việc thực hiện chính sách, pháp luật, công tác quản lý.",
  },
  feedback: {
    label: "Phản ánh",
    hint: "Cung cấp thông tin, trình bày ý kiến với cơ quan nhà nước về một vụ việc, vấn đề mà bạn biết.",
  },
};

export type FilerType = "person" | "organisation" | "anonymous";

export const FILER_TYPES: Readonly<Record<FilerType, string>> = {
  person: "Cá nhân",
  organisation: "Doanh nghiệp, cơ quan, tổ chức",
  anonymous: "Không ghi tên (chỉ với đơn tố cáo)",
};

/** The warning an anonymous denouncer must read and accept (Điều 25 Luật Tố cáo 2018). */
export const ANONYMOUS_WARNING =
  "Đơn tố cáo không ghi họ tên, địa chỉ của người tố cáo không được giải quyết theo thủ tục tố cáo (Điều 25 Luật Tố cáo 2018). " +
  "Cơ quan chỉ xem xét, kiểm tra theo thẩm quyền nếu nội dung nêu rõ người có hành vi vi phạm và có tài liệu, chứng cứ cụ thể, có cơ sở để kiểm tra. " +
  "Bạn sẽ không nhận được văn bản trả lời chính thức; chỉ theo dõi được bằng mã tra cứu. " +
  "Người tố cáo ghi rõ họ tên được pháp luật bảo vệ và giữ bí mật họ tên, địa chỉ, bút tích (Điều 9 và Chương VI Luật Tố cáo 2018).";

/** Labels of the form's fields, as the messages name them. */
export const FILING_LABELS = {
  kind: "Loại đơn",
  filerType: "Người gửi",
  fullName: "Họ và tên",
  idNumber: "Số định danh cá nhân (CCCD)",
  orgName: "Tên doanh nghiệp, cơ quan, tổ chức",
  taxCode: "Mã số thuế",
  representativeName: "Người đại diện",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  email: "Thư điện tử",
  agencyId: "Cơ quan nhận đơn",
  fieldCode: "Lĩnh vực",
  respondent: "Người (cơ quan, tổ chức) bị khiếu nại, tố cáo",
  title: "Tiêu đề",
  content: "Nội dung đơn",
  anonymousAck: "Xác nhận đã đọc lưu ý về đơn không ghi tên",
  truthAck: "Cam đoan",
  notifyEmail: "Thư điện tử nhận thông báo",
  files: "Tệp đính kèm",
} as const;

export type FilingField = keyof typeof FILING_LABELS;

export interface FilingProblem {
  field: FilingField;
  message: string;
}

/** The text fields as posted (a form sends strings; a missing field is undefined). */
export type FilingForm = Partial<Record<Exclude<FilingField, "files">, string>>;

export interface FilingInput {
  kind: PortalKind;
  agencyId: string;
  body: CreatePetitionBody;
  /**
   * Where to tell the filer that the letter was received and that a message waits (optional;
   * kept apart from the writer's identity, so an anonymous denouncer may leave one too).
   */
  notifyEmail: string | null;
}

/** What a notification mail to a filer is about: never the letter's words, never the full code. */
export const NOTIFY_EMAIL_HINT =
  "Không bắt buộc. Cơ quan gửi thư báo đơn đã được tiếp nhận và khi có tin nhắn mới; thư không ghi nội dung đơn, không ghi đầy đủ mã tra cứu. Nếu gửi đơn không ghi tên, địa chỉ thư điện tử có thể cho biết bạn là ai.";

const LIMITS: Partial<Record<FilingField, number>> = {
  fullName: 120,
  orgName: 300,
  representativeName: 120,
  address: 300,
  phone: 20,
  email: 200,
  notifyEmail: 200,
  idNumber: 20,
  taxCode: 20,
  respondent: 300,
  title: 300,
  content: 20000,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the form; returns every problem (each naming its field), or the intake body. The date
 * of receipt is the day the server received it (Vietnam time), given by the caller.
 */
export function checkFilingForm(
  form: FilingForm,
  receivedOn: string,
): { ok: true; value: FilingInput } | { ok: false; problems: FilingProblem[] } {
  const problems: FilingProblem[] = [];
  const add = (field: FilingField, message: string) => {
    if (!problems.some((p) => p.field === field))
      problems.push({ field, message: `${FILING_LABELS[field]}: ${message}` });
  };
  const get = (field: Exclude<FilingField, "files">): string => {
    const value = (form[field] ?? "").replace(/\r\n?/g, "\n").trim();
    const max = LIMITS[field];
    if (max !== undefined && value.length > max) add(field, `tối đa ${max} ký tự (đang có ${value.length}).`);
    if (value.includes("\u0000")) add(field, "chứa ký tự không hợp lệ.");
    return value;
  };

  const kind = get("kind");
  if (!kind) add("kind", "chọn khiếu nại, tố cáo, kiến nghị hoặc phản ánh.");
  else if (!(kind in PORTAL_KINDS)) add("kind", "giá trị không hợp lệ.");
  const filerType = get("filerType");
  if (!filerType) add("filerType", "chọn cá nhân, tổ chức hoặc không ghi tên.");
  else if (!(filerType in FILER_TYPES)) add("filerType", "giá trị không hợp lệ.");

  const agencyId = get("agencyId");
  if (!agencyId) add("agencyId", "chọn cơ quan nhận đơn.");
  else if (!UUID.test(agencyId)) add("agencyId", "cơ quan không có trong danh sách.");

  const fieldCode = get("fieldCode");
  if (fieldCode && !isActiveFieldCode(fieldCode)) add("fieldCode", "lĩnh vực không có trong danh mục.");

  const content = get("content");
  if (!content) add("content", "nhập nội dung đơn: sự việc, người có liên quan, đề nghị của bạn.");
  else if (content.length < 20)
    add("content", "nội dung quá ngắn (cần ít nhất 20 ký tự) để cơ quan hiểu được sự việc.");
  const title = get("title");
  const respondent = get("respondent");
  if (get("truthAck") !== "yes") add("truthAck", "đánh dấu ô cam đoan nội dung đơn là đúng sự thật.");

  const fullName = get("fullName");
  const address = get("address");
  const phone = get("phone");
  const email = get("email");
  const idNumber = get("idNumber").replace(/\s+/g, "");
  const orgName = get("orgName");
  const taxCode = get("taxCode");
  const representativeName = get("representativeName");

  if (phone && !/^\+?[0-9 .-]{8,20}$/.test(phone)) add("phone", "chỉ gồm chữ số (8 đến 20 ký tự), ví dụ 0912 345 678.");
  if (email && !EMAIL.test(email)) add("email", "không đúng dạng, ví dụ ten@example.vn.");
  const notifyEmail = get("notifyEmail");
  if (notifyEmail && !EMAIL.test(notifyEmail)) add("notifyEmail", "không đúng dạng, ví dụ ten@example.vn.");

  let petitioners: CreatePetitionBody["petitioners"] = [];
  if (filerType === "anonymous") {
    if (kind && kind !== "denunciation")
      add(
        "filerType",
        "chỉ đơn tố cáo mới gửi được mà không ghi tên; khiếu nại, kiến nghị, phản ánh phải ghi họ tên và địa chỉ.",
      );
    if (get("anonymousAck") !== "yes") add("anonymousAck", "đánh dấu ô xác nhận đã đọc lưu ý.");
  } else if (filerType === "person") {
    if (!fullName) add("fullName", "nhập họ và tên.");
    if (!address) add("address", "nhập địa chỉ để cơ quan gửi văn bản trả lời.");
    let identity = null;
    if (idNumber) {
      const check = validateIdentityDocument({ kind: "cccd", number: idNumber });
      if (!check.ok) add("idNumber", check.message);
      else identity = { kind: "cccd" as const, number: idNumber };
    }
    petitioners = [{ kind: "person", fullName, address, identity, phone: phone || null, email: email || null }];
  } else if (filerType === "organisation") {
    if (!orgName) add("orgName", "nhập tên doanh nghiệp, cơ quan, tổ chức.");
    if (!address) add("address", "nhập địa chỉ trụ sở.");
    if (!representativeName) add("representativeName", "nhập họ tên người đại diện.");
    if (taxCode) {
      const check = validateTaxCode(taxCode);
      if (!check.ok) add("taxCode", check.message);
    }
    petitioners = [
      {
        kind: "organisation",
        name: orgName,
        address,
        taxCode: taxCode || null,
        representativeName,
        representativeIdentity: null,
        phone: phone || null,
        email: email || null,
      },
    ];
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind: kind as PortalKind,
      agencyId,
      body: {
        channel: "online_portal",
        receivedOn,
        writtenOn: receivedOn,
        petitioners,
        anonymous: filerType === "anonymous",
        impersonated: false,
        respondents: respondent ? [{ name: respondent, address: null }] : [],
        title: title || null,
        content,
        fieldCode: fieldCode || null,
        language: "vi",
        // Filed through the portal: the sender confirmed the letter as theirs (no handwritten signature).
        signed: null,
        attachments: [],
      },
      notifyEmail: notifyEmail || null,
    },
  };
}

/** Help to choose the competent agency by field (shown beside the agency list). */
export interface CompetenceHint {
  text: string;
  /** The agencies to offer first: by kind, and for some kinds by the sector in their name. */
  rules: readonly { kind: string; nameIncludes?: readonly string[] }[];
}

export const GENERAL_COMPETENCE_HINT =
  "Khiếu nại gửi đến cơ quan đã ban hành quyết định hoặc có cán bộ thực hiện hành vi bị khiếu nại (Điều 7 Luật Khiếu nại 2011). " +
  "Tố cáo gửi đến cơ quan, tổ chức quản lý người bị tố cáo (Điều 12–15 Luật Tố cáo 2018). " +
  "Kiến nghị, phản ánh gửi đến cơ quan quản lý lĩnh vực đó. Nếu gửi nhầm, cơ quan nhận đơn sẽ hướng dẫn hoặc chuyển đơn đến cơ quan có thẩm quyền.";

const INDUSTRY = ["Công Thương"];
const ENVIRONMENT = ["Nông nghiệp và Môi trường", "Tài nguyên và Môi trường"];

export function competenceHint(fieldCode: string | null | undefined): CompetenceHint | null {
  if (!fieldCode) return null;
  if (fieldCode.startsWith("CT."))
    return {
      text: "Lĩnh vực ngành Công Thương: gửi đến Sở Công Thương (hoặc Thanh tra của Sở) nơi xảy ra sự việc; nếu liên quan đến quyết định của UBND cấp xã, gửi đến UBND cấp xã đó.",
      rules: [
        { kind: "department", nameIncludes: INDUSTRY },
        { kind: "department_unit", nameIncludes: INDUSTRY },
        { kind: "other", nameIncludes: INDUSTRY },
      ],
    };
  if (fieldCode === "HC.DAT_DAI" || fieldCode === "HC.MOI_TRUONG")
    return {
      text: "Đất đai, môi trường: khiếu nại quyết định của UBND cấp xã gửi đến UBND cấp xã đó; quyết định của UBND tỉnh hoặc của Sở gửi đến cơ quan đã ban hành.",
      rules: [{ kind: "commune_committee" }, { kind: "department", nameIncludes: ENVIRONMENT }],
    };
  if (fieldCode === "HC.XAY_DUNG")
    return {
      text: "Xây dựng: khiếu nại quyết định của UBND cấp xã gửi đến UBND cấp xã đó; quyết định của Sở Xây dựng gửi đến Sở.",
      rules: [{ kind: "commune_committee" }, { kind: "department", nameIncludes: ["Xây dựng"] }],
    };
  if (fieldCode === "HC.THAM_NHUNG")
    return {
      text: "Tham nhũng, tiêu cực: tố cáo gửi đến cơ quan, tổ chức quản lý người bị tố cáo hoặc Thanh tra tỉnh.",
      rules: [{ kind: "province_inspectorate" }],
    };
  return { text: GENERAL_COMPETENCE_HINT, rules: [] };
}

/** Whether the hint offers this agency first. */
export function suggestsAgency(hint: CompetenceHint, agency: { kind: string; name: string }): boolean {
  return hint.rules.some(
    (r) => r.kind === agency.kind && (!r.nameIncludes || r.nameIncludes.some((n) => agency.name.includes(n))),
  );
}

/**
 * The official papers a petitioner receives, shown on the tracking page once issued: notices of
 * acceptance or refusal, guidance slips, suspension, extension and resolution decisions. Not the
 * internal ones (verification orders, minutes), nor the slip forwarding a denunciation (its
 * recipient would learn who denounced), nor the denunciation's conclusion, which goes to the
 * denounced person while the denouncer gets a notice of it (Điều 40 Luật Tố cáo 2018).
 */
export const PORTAL_NOTICE_FORMS: readonly string[] = [
  "TT05-02",
  "TT05-03",
  "TT05-06",
  "TT05-07",
  "KN-TL",
  "KN-KTL",
  "KN-TDC",
  "KN-DC",
  "KN-QD",
  "TC-TL",
  "TC-KTL",
  "TC-GH",
  "TC-TDC",
  "TC-DC",
];
