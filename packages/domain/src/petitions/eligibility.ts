/**
 * Is a petition eligible for handling (đơn đủ điều kiện xử lý)? The checklist of Điều 6 khoản 2
 * điểm a Thông tư 05/2021/TT-TTCP as data (docs/LAW.md §4.3), with the exception of Điều 25 khoản 2
 * Luật Tố cáo 2018 for anonymous or impersonated denunciations that identify the wrongdoer, carry
 * concrete evidence and can be verified.
 *
 * The list of "not eligible" cases of Điều 6 khoản 2 điểm b was not read [U]; the cases the system
 * knows of (guided once already, transferred once already, duplicates) are guards on the outcomes
 * (outcomes.ts), not items here.
 */
import type { PetitionKind } from "./kinds.ts";
import { cite } from "../law/acts.ts";

const TT05_6_2_A = `Điều 6 khoản 2 điểm a ${cite("TT05")}`;
const LTC_25_2 = `Điều 25 khoản 2 ${cite("LTC")}`;

export type EligibilityItemId =
  | "language"
  | "date"
  | "writer_identity"
  | "signature"
  | "complaint_respondent"
  | "complaint_content"
  | "denunciation_subject"
  | "denunciation_act"
  | "denunciation_contact"
  | "recommendation_content"
  | "anonymous_wrongdoer_identified"
  | "anonymous_concrete_evidence"
  | "anonymous_verifiable";

export interface EligibilityItem {
  id: EligibilityItemId;
  label: string;
  appliesTo: readonly PetitionKind[];
  basis: string;
  /** Not required when the anonymous-denunciation exception applies. */
  waivedByAnonymousException?: true;
  /** A condition of the exception: asked only for anonymous or impersonated denunciations. */
  anonymousException?: true;
}

const ALL: readonly PetitionKind[] = ["complaint", "denunciation", "recommendation", "feedback", "multi_content"];

export const ELIGIBILITY_ITEMS: readonly EligibilityItem[] = [
  {
    id: "language",
    label: "Đơn viết bằng tiếng Việt; đơn viết bằng tiếng nước ngoài có bản dịch tiếng Việt được công chứng",
    appliesTo: ALL,
    basis: TT05_6_2_A,
  },
  {
    id: "date",
    label: "Đơn ghi rõ ngày, tháng, năm viết đơn",
    appliesTo: ALL,
    basis: TT05_6_2_A,
    // [U] An anonymous letter rarely carries a date; Điều 25 khoản 2 does not ask for one.
    waivedByAnonymousException: true,
  },
  {
    id: "writer_identity",
    label: "Đơn ghi rõ họ, tên, địa chỉ của người viết đơn",
    appliesTo: ALL,
    basis: TT05_6_2_A,
    waivedByAnonymousException: true,
  },
  {
    id: "signature",
    label: "Đơn có chữ ký hoặc điểm chỉ của người viết đơn",
    appliesTo: ALL,
    basis: TT05_6_2_A,
    waivedByAnonymousException: true,
  },
  {
    id: "complaint_respondent",
    label: "Đơn khiếu nại ghi rõ tên, địa chỉ của cơ quan, tổ chức, cá nhân bị khiếu nại",
    appliesTo: ["complaint"],
    basis: TT05_6_2_A,
  },
  {
    id: "complaint_content",
    label: "Đơn khiếu nại nêu rõ nội dung, lý do khiếu nại, tài liệu liên quan (nếu có) và yêu cầu giải quyết",
    appliesTo: ["complaint"],
    basis: TT05_6_2_A,
  },
  {
    id: "denunciation_subject",
    label: "Đơn tố cáo ghi rõ họ, tên, địa chỉ của người bị tố cáo (tên cơ quan, tổ chức bị tố cáo)",
    appliesTo: ["denunciation"],
    basis: TT05_6_2_A,
  },
  {
    id: "denunciation_act",
    label: "Đơn tố cáo nêu rõ hành vi vi phạm pháp luật bị tố cáo",
    appliesTo: ["denunciation"],
    basis: TT05_6_2_A,
  },
  {
    id: "denunciation_contact",
    label: "Đơn tố cáo ghi rõ cách thức liên hệ với người tố cáo",
    appliesTo: ["denunciation"],
    basis: TT05_6_2_A,
    waivedByAnonymousException: true,
  },
  {
    id: "recommendation_content",
    label: "Đơn kiến nghị, phản ánh nêu rõ nội dung kiến nghị, phản ánh",
    appliesTo: ["recommendation", "feedback"],
    basis: TT05_6_2_A,
  },
  {
    id: "anonymous_wrongdoer_identified",
    label: "Thông tin tố cáo nêu rõ người có hành vi vi phạm pháp luật",
    appliesTo: ["denunciation"],
    basis: LTC_25_2,
    anonymousException: true,
  },
  {
    id: "anonymous_concrete_evidence",
    label: "Có tài liệu, chứng cứ cụ thể về hành vi vi phạm pháp luật",
    appliesTo: ["denunciation"],
    basis: LTC_25_2,
    anonymousException: true,
  },
  {
    id: "anonymous_verifiable",
    label: "Có cơ sở để thanh tra, kiểm tra, xác minh",
    appliesTo: ["denunciation"],
    basis: LTC_25_2,
    anonymousException: true,
  },
];

const BY_ID = new Map(ELIGIBILITY_ITEMS.map((i) => [i.id, i]));

/**
 * Every item asked of a letter that is not anonymous, answered "yes": the checklist of a letter in
 * order (demo data, tests, benchmarks), derived from the catalogue so it cannot miss an item.
 */
export const ELIGIBLE_ANSWERS: Readonly<Partial<Record<EligibilityItemId, boolean>>> = Object.fromEntries(
  ELIGIBILITY_ITEMS.filter((i) => !i.anonymousException).map((i) => [i.id, true]),
);

export function eligibilityItem(id: EligibilityItemId): EligibilityItem {
  return BY_ID.get(id) as EligibilityItem;
}

/** The facts the checklist needs about a petition. */
export interface EligibilityPetition {
  kind: PetitionKind;
  anonymous: boolean;
  impersonated: boolean;
  /** When known, the language item follows from these two facts. */
  language?: "vi" | "other" | null;
  notarisedTranslation?: boolean | null;
}

/** The handler's answers: true = condition met, false = not met, absent = not yet checked. */
export type EligibilityAnswers = Partial<Record<EligibilityItemId, boolean | null>>;

export interface EligibilityResult {
  eligible: boolean;
  /** Every applicable item was answered (or follows from the facts). */
  complete: boolean;
  /** Items asked for this petition, in checklist order. */
  applicable: EligibilityItem[];
  failed: EligibilityItem[];
  unanswered: EligibilityItem[];
  /** Eligible only thanks to Điều 25 khoản 2 Luật Tố cáo 2018. */
  anonymousDenunciationException: boolean;
  /** When complete and not eligible: the reason to file (lưu đơn) the petition under. */
  archiveReason: "not_eligible" | "anonymous_without_evidence" | null;
}

/** Applicable items for a petition: the exception items only for anonymous or impersonated denunciations. */
export function applicableEligibilityItems(petition: Pick<EligibilityPetition, "kind" | "anonymous" | "impersonated">) {
  const hidden = petition.kind === "denunciation" && (petition.anonymous || petition.impersonated);
  return ELIGIBILITY_ITEMS.filter((i) => i.appliesTo.includes(petition.kind) && (!i.anonymousException || hidden));
}

function answerOf(item: EligibilityItem, petition: EligibilityPetition, answers: EligibilityAnswers): boolean | null {
  // Facts override answers: an anonymous or impersonated letter does not identify its writer.
  if (item.id === "writer_identity" && (petition.anonymous || petition.impersonated)) return false;
  if (item.id === "language" && petition.language) {
    const fromFacts = petition.language === "vi" || petition.notarisedTranslation === true;
    return answers.language === false ? false : fromFacts;
  }
  return answers[item.id] ?? null;
}

export function assessEligibility(petition: EligibilityPetition, answers: EligibilityAnswers): EligibilityResult {
  const applicable = applicableEligibilityItems(petition);
  const hidden = petition.kind === "denunciation" && (petition.anonymous || petition.impersonated);
  const value = (i: EligibilityItem) => answerOf(i, petition, answers);

  // Items that must hold in every case; for a hidden writer the identity items are left to the exception.
  const core = applicable.filter((i) => !i.anonymousException && !(hidden && i.waivedByAnonymousException));
  const coreFailed = core.filter((i) => value(i) === false);
  const coreOpen = core.filter((i) => value(i) === null);

  if (!hidden) {
    const eligible = coreFailed.length === 0 && coreOpen.length === 0;
    const complete = coreOpen.length === 0 || coreFailed.length > 0;
    return {
      eligible,
      complete,
      applicable,
      failed: coreFailed,
      unanswered: coreOpen,
      anonymousDenunciationException: false,
      archiveReason: complete && !eligible ? "not_eligible" : null,
    };
  }

  const exceptionItems = applicable.filter((i) => i.anonymousException);
  const exceptionFailed = exceptionItems.filter((i) => value(i) === false);
  const exception = exceptionItems.every((i) => value(i) === true);
  const identityFailed = exception ? [] : applicable.filter((i) => i.waivedByAnonymousException && value(i) === false);
  const failed = applicable.filter(
    (i) => coreFailed.includes(i) || exceptionFailed.includes(i) || identityFailed.includes(i),
  );
  const unanswered = [...coreOpen, ...exceptionItems.filter((i) => value(i) === null)];
  const eligible = exception && coreFailed.length === 0 && coreOpen.length === 0;

  let archiveReason: EligibilityResult["archiveReason"] = null;
  if (exceptionFailed.length > 0) archiveReason = "anonymous_without_evidence";
  else if (coreFailed.length > 0) archiveReason = "not_eligible";
  return {
    eligible,
    complete: archiveReason !== null || unanswered.length === 0,
    applicable,
    failed,
    unanswered,
    anonymousDenunciationException: eligible,
    archiveReason,
  };
}
