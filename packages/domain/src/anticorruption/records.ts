/**
 * The records behind the PCTN statistical forms (docs/LAW.md §10.3, §11.6 H): corruption cases
 * detected (02/PCTN) by the channel that detected them, the persons involved and how each was
 * handled, damage and recoveries; documents with loopholes (03/PCTN); documents issued or amended
 * to prevent corruption; gifts handed in; training and propaganda sessions. The lists of choices
 * with their Vietnamese labels, and the counts the 01/PCTN form takes from the case records.
 */
import { sumDong } from "../text/money.ts";

/** How a case was detected: the channels 01/PCTN counts separately. */
export const CASE_CHANNELS = [
  "self_inspection",
  "inspection",
  "audit",
  "denunciation",
  "investigation",
  "other",
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CHANNEL_LABELS: Readonly<Record<CaseChannel, string>> = {
  self_inspection: "Qua tự kiểm tra nội bộ của cơ quan, đơn vị",
  inspection: "Qua hoạt động thanh tra",
  audit: "Qua hoạt động kiểm toán",
  denunciation: "Qua giải quyết khiếu nại, tố cáo, phản ánh",
  investigation: "Qua điều tra, truy tố, xét xử",
  other: "Qua kênh khác",
};

/** How a person involved in a case was handled. */
export const PERSON_HANDLINGS = ["pending", "discipline", "criminal", "none"] as const;
export type PersonHandling = (typeof PERSON_HANDLINGS)[number];

export const PERSON_HANDLING_LABELS: Readonly<Record<PersonHandling, string>> = {
  pending: "Đang xem xét xử lý",
  discipline: "Xử lý kỷ luật",
  criminal: "Xử lý hình sự (chuyển cơ quan điều tra)",
  none: "Không xử lý",
};

export const PREVENTION_DOCUMENT_KINDS = ["legal", "rule", "plan", "other"] as const;
export type PreventionDocumentKind = (typeof PREVENTION_DOCUMENT_KINDS)[number];
export const PREVENTION_DOCUMENT_KIND_LABELS: Readonly<Record<PreventionDocumentKind, string>> = {
  legal: "Văn bản quy phạm pháp luật",
  rule: "Quy chế, quy định nội bộ",
  plan: "Kế hoạch, chương trình phòng, chống tham nhũng",
  other: "Văn bản khác",
};

export const PREVENTION_DOCUMENT_ACTIONS = ["issued", "amended"] as const;
export type PreventionDocumentAction = (typeof PREVENTION_DOCUMENT_ACTIONS)[number];
export const PREVENTION_DOCUMENT_ACTION_LABELS: Readonly<Record<PreventionDocumentAction, string>> = {
  issued: "Ban hành mới",
  amended: "Sửa đổi, bổ sung",
};

export const TRAINING_KINDS = ["training", "propaganda"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, string>> = {
  training: "Lớp tập huấn, bồi dưỡng",
  propaganda: "Hội nghị, buổi tuyên truyền, phổ biến",
};

/** What 01/PCTN counts from the corruption cases of a period. */
export interface CaseForCount {
  channel: CaseChannel;
  damageMoney: number;
  recoveredMoney: number;
  transferred: boolean;
  headsResponsible: number;
  persons: readonly { handling: PersonHandling }[];
}

export interface CaseCounts {
  cases: number;
  persons: number;
  byChannel: Record<CaseChannel, { cases: number; persons: number }>;
  damageMoney: number;
  recoveredMoney: number;
  transferredCases: number;
  transferredPersons: number;
  disciplinedPersons: number;
  headsResponsible: number;
}

/**
 * The figures of a set of cases: cases and persons in all and by channel, damage and recovered
 * money (exact sums of đồng), cases transferred to an investigation body and the persons handled
 * criminally, persons disciplined, heads held responsible.
 */
export function countCases(cases: readonly CaseForCount[]): CaseCounts {
  const byChannel = Object.fromEntries(CASE_CHANNELS.map((c) => [c, { cases: 0, persons: 0 }])) as Record<
    CaseChannel,
    { cases: number; persons: number }
  >;
  let persons = 0;
  let transferredCases = 0;
  let transferredPersons = 0;
  let disciplinedPersons = 0;
  let headsResponsible = 0;
  for (const c of cases) {
    byChannel[c.channel].cases += 1;
    byChannel[c.channel].persons += c.persons.length;
    persons += c.persons.length;
    if (c.transferred) transferredCases += 1;
    transferredPersons += c.persons.filter((p) => p.handling === "criminal").length;
    disciplinedPersons += c.persons.filter((p) => p.handling === "discipline").length;
    headsResponsible += c.headsResponsible;
  }
  return {
    cases: cases.length,
    persons,
    byChannel,
    damageMoney: sumDong(cases.map((c) => c.damageMoney)),
    recoveredMoney: sumDong(cases.map((c) => c.recoveredMoney)),
    transferredCases,
    transferredPersons,
    disciplinedPersons,
    headsResponsible,
  };
}
