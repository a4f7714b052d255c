/**
 * Seeded, deterministic test data: petitions and reception visits that look like the real thing
 * (names, post-2025 addresses, identity numbers that pass the checker, contents per field, channels,
 * duplicates, anonymous letters, multi-signer letters, group visits).
 *
 * Same (n, seed, options) → same rows. Built for the benchmark's million rows: one pass, no regular
 * expressions or Intl in the hot path, date strings and attachment names shared between rows. To load
 * a database, stream with PetitionGenerator (memory stays flat) rather than holding generatePetitions'
 * array of a million rows (≈1.6 GB, most of the time then goes to the garbage collector).
 */
import { isoFromDayNumber, toDayNumber, type IsoDate } from "../calendar/iso-date.ts";
import type { ChannelCode, ForwardedBy, PersonPetitioner } from "../petitions/channels.ts";
import type { Competence, PetitionKind } from "../petitions/kinds.ts";
import { BIRTH_PLACE_CODE_LIST, encodePersonalId, type Gender } from "../reception/identity.ts";
import type { HandlingRoute, RefusalReasonCode, VisitKind } from "../reception/visit.ts";
import { pickMatter, type Matter } from "./contents.ts";
import { personName } from "./names.ts";
import { pickAddress, pickProvince, provinceLabel, type Address, type Province } from "./places.ts";
import { Random, Weighted } from "./prng.ts";

export interface GenerateOptions {
  /** First and last day of receipt (inclusive). Default 2025-07-01 … 2026-06-30 (post-merger map). */
  from?: IsoDate;
  to?: IsoDate;
  /** Share of letters re-sending an earlier matter by the same person. Default 0.12. */
  duplicateShare?: number;
  /** Share of anonymous letters. Default 0.05. */
  anonymousShare?: number;
  /** Share of impersonated letters (signed with someone else's name). Default 0.005. */
  impersonatedShare?: number;
  /** Share of letters signed by several people. Default 0.07. */
  multiSignerShare?: number;
  /** Share of matters within the receiving body's competence. Default 0.55. */
  withinCompetenceShare?: number;
}

export interface GeneratedPerson extends PersonPetitioner {
  /** Kept for checking the identity number; not part of the API body. */
  birthYear: number;
  gender: Gender;
}

export interface GeneratedPetition {
  /** 0-based position in the generated sequence. */
  seq: number;
  receivedOn: IsoDate;
  writtenOn: IsoDate | null;
  channel: ChannelCode;
  forwardedBy: ForwardedBy | null;
  petitioners: GeneratedPerson[];
  anonymous: boolean;
  impersonated: boolean;
  /** Anonymous denunciation that names the wrongdoer and encloses evidence (Điều 25 khoản 2 Luật Tố cáo). */
  withEvidence: boolean;
  respondents: Array<{ name: string; address: string | null }>;
  title: string;
  summary: string;
  content: string;
  /** Classification by substance, as a handler would record it. */
  kind: PetitionKind;
  fieldCode: string;
  competence: Competence;
  province: string;
  attachments: Array<{ fileName: string; mimeType: string; size: number }>;
  /** `seq` of the earlier letter on the same matter by the same person, when this one is a re-send. */
  duplicateOf: number | null;
  template: string;
}

const CHANNEL_WEIGHTS = new Weighted<ChannelCode>([
  ["in_person", 25],
  ["post", 35],
  ["email", 5],
  ["online_portal", 10],
  ["transferred", 15],
  ["elected_body", 7],
  ["press", 3],
]);

const FORWARDERS: Record<"transferred" | "elected_body" | "press", ReadonlyArray<readonly [string, string]>> = {
  transferred: [
    ["Ban Tiếp công dân Trung ương", "BTCDTW"],
    ["Thanh tra Chính phủ", "TTCP-C.I"],
    ["Văn phòng Chính phủ", "VPCP-V.I"],
    ["Bộ Công Thương", "BCT-TTra"],
    ["Thanh tra {province}", "TTr"],
    ["UBND {province}", "UBND-TCD"],
  ],
  elected_body: [
    ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân {province}", "VPĐĐBQH"],
    ["Ban Dân nguyện thuộc Ủy ban Thường vụ Quốc hội", "BDN"],
    ["Ủy ban Mặt trận Tổ quốc Việt Nam {province}", "MTTQ-BTT"],
    ["Thường trực Hội đồng nhân dân {province}", "HĐND"],
  ],
  press: [
    ["Báo Nhân Dân", "BND-BĐ"],
    ["Báo Công Thương", "BCT-BĐ"],
    ["Báo Tuổi Trẻ", "TT-BĐ"],
    ["Đài Truyền hình Việt Nam", "VTV-BĐ"],
  ],
};

/** Attachment metadata (names as scanned at the desk; shared strings keep a million rows light). */
const ATTACHMENTS: ReadonlyArray<readonly [string, string]> = [
  ["don-goc.pdf", "application/pdf"],
  ["quyet-dinh.pdf", "application/pdf"],
  ["hoa-don.jpg", "image/jpeg"],
  ["hinh-anh-hien-truong.jpg", "image/jpeg"],
  ["bien-ban.pdf", "application/pdf"],
  ["giay-chung-nhan.pdf", "application/pdf"],
  ["trinh-bay-bo-sung.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
];

/** Letters are received on weekdays: Saturday and Sunday move to the next Monday (or back to Friday at the end). */
function weekday(day: number, last: number): number {
  const w = (((day + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  const shift = w === 6 ? 2 : w === 0 ? 1 : 0;
  if (shift === 0) return day;
  return day + shift <= last ? day + shift : day - (w === 6 ? 1 : 2);
}

function receiptDay(rng: Random, first: number, last: number): number {
  return weekday(first + rng.int(last - first + 1), last);
}

function birthYear(rng: Random): number {
  // Adults who write petitions: mostly born 1950–1990.
  return rng.chance(0.85) ? rng.between(1950, 1990) : rng.between(1940, 2005);
}

export function makePerson(rng: Random, address: Address): GeneratedPerson {
  const gender: Gender = rng.chance(0.62) ? "male" : "female";
  const year = birthYear(rng);
  const fullName = personName(rng, gender);
  const place = rng.chance(0.85) ? rng.pick(address.province.birthCodes) : rng.pick(BIRTH_PLACE_CODE_LIST);
  const number = encodePersonalId(place, year, gender, rng.int(1_000_000));
  const person: GeneratedPerson = {
    kind: "person",
    fullName,
    address: address.text,
    identity: { kind: "cccd", number, birthYear: year, gender },
    phone: rng.chance(0.6) ? `09${rng.int(10)}${String(rng.int(10_000_000)).padStart(7, "0")}` : null,
    email: null,
    birthYear: year,
    gender,
  };
  return person;
}

function makeForwardedBy(
  rng: Random,
  channel: "transferred" | "elected_body" | "press",
  province: Province,
  documentDate: IsoDate,
): ForwardedBy {
  const [name, suffix] = rng.pick(FORWARDERS[channel]);
  return {
    agencyName: name.replace("{province}", provinceLabel(province)),
    documentNumber: `${rng.between(1, 3999)}/${suffix}`,
    documentDate,
  };
}

/** ISO strings and parts of the days in range, made once: a million rows share a few hundred date strings. */
class Days {
  private readonly base: number;
  private readonly iso: string[] = [];
  private readonly years: number[] = [];
  private readonly months: number[] = [];

  constructor(first: number, last: number) {
    this.base = first - 400;
    for (let d = this.base; d <= last; d++) {
      const text = isoFromDayNumber(d);
      this.iso.push(text);
      this.years.push(Number(text.slice(0, 4)));
      this.months.push(Number(text.slice(5, 7)));
    }
  }

  text(day: number): IsoDate {
    return this.iso[day - this.base] ?? isoFromDayNumber(day);
  }

  year(day: number): number {
    return this.years[day - this.base] ?? 0;
  }

  month(day: number): number {
    return this.months[day - this.base] ?? 1;
  }

  /** "dd/mm/yyyy" as written in a letter. */
  written(day: number): string {
    const t = this.text(day);
    return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
  }
}

const RECENT = 4096;

/**
 * Petitions one at a time, for streaming a million rows into a database without holding them all:
 * only the last few thousand originals are kept, for duplicates to re-send.
 */
export class PetitionGenerator {
  private readonly rng: Random;
  private readonly first: number;
  private readonly last: number;
  private readonly days: Days;
  private readonly duplicateShare: number;
  private readonly anonymousShare: number;
  private readonly impersonatedShare: number;
  private readonly multiSignerShare: number;
  private readonly withinShare: number;
  /** Recent originals (with their receipt day) a duplicate can re-send; a ring buffer keeps memory flat. */
  private readonly recent: Array<{ petition: GeneratedPetition; day: number }> = [];
  private seq = 0;

  constructor(seed: number, options: GenerateOptions = {}) {
    this.rng = new Random(seed);
    this.first = toDayNumber(options.from ?? "2025-07-01");
    this.last = toDayNumber(options.to ?? "2026-06-30");
    if (this.last < this.first) throw new RangeError("generatePetitions: `to` is before `from`");
    this.days = new Days(this.first, this.last);
    this.duplicateShare = options.duplicateShare ?? 0.12;
    this.anonymousShare = options.anonymousShare ?? 0.05;
    this.impersonatedShare = options.impersonatedShare ?? 0.005;
    this.multiSignerShare = options.multiSignerShare ?? 0.07;
    this.withinShare = options.withinCompetenceShare ?? 0.55;
  }

  next(): GeneratedPetition {
    const rng = this.rng;
    const seq = this.seq++;
    const roll = rng.next();
    if (roll < this.duplicateShare && this.recent.length > 0) {
      const original = rng.pick(this.recent);
      return this.resend(seq, original.petition, original.day);
    }
    const anonymous = roll >= this.duplicateShare && roll < this.duplicateShare + this.anonymousShare;
    const day = receiptDay(rng, this.first, this.last);
    const p = this.fresh(seq, day, anonymous);
    if (!anonymous) {
      const entry = { petition: p, day };
      if (this.recent.length < RECENT) this.recent.push(entry);
      else this.recent[seq % RECENT] = entry;
    }
    return p;
  }

  private fresh(seq: number, day: number, anonymous: boolean): GeneratedPetition {
    const rng = this.rng;
    const days = this.days;
    const province = pickProvince(rng);
    const address = pickAddress(rng, province);
    const matter: Matter = pickMatter(
      rng,
      { commune: address.commune, province: provinceLabel(province), year: days.year(day), month: days.month(day) },
      anonymous,
    );

    const channel: ChannelCode = anonymous ? (rng.chance(0.8) ? "post" : "online_portal") : CHANNEL_WEIGHTS.pick(rng);
    const persons: GeneratedPerson[] = [];
    if (!anonymous) {
      const signers = rng.chance(this.multiSignerShare) ? rng.between(2, 15) : 1;
      for (let i = 0; i < signers; i++) {
        // Co-signers live in the same commune.
        persons.push(makePerson(rng, i === 0 ? address : pickAddress(rng, province, address.commune)));
      }
      // Letters by post or e-mail often carry no identity number.
      if ((channel === "post" || channel === "email") && rng.chance(0.3)) {
        for (const person of persons) person.identity = null;
      }
    }
    const forwardedBy =
      channel === "transferred" || channel === "elected_body" || channel === "press"
        ? makeForwardedBy(rng, channel, province, days.text(day - rng.between(2, 25)))
        : null;
    return {
      seq,
      receivedOn: days.text(day),
      writtenOn: anonymous && rng.chance(0.5) ? null : days.text(day - rng.between(1, 20)),
      channel,
      forwardedBy,
      petitioners: persons,
      anonymous,
      impersonated: !anonymous && rng.chance(this.impersonatedShare),
      withEvidence: anonymous && rng.chance(0.4),
      respondents: matter.respondent ? [matter.respondent] : [],
      title: matter.title,
      summary: matter.summary,
      content: matter.content,
      kind: matter.kind,
      fieldCode: matter.fieldCode,
      competence: rng.chance(this.withinShare) ? "within" : "not_within",
      province: province.name,
      attachments: makeAttachments(rng),
      duplicateOf: null,
      template: matter.template,
    };
  }

  /** The same writer sends the same matter again, a few weeks or months later, saying so. */
  private resend(seq: number, original: GeneratedPetition, originalDay: number): GeneratedPetition {
    const rng = this.rng;
    const day = weekday(Math.min(originalDay + rng.between(14, 120), this.last), this.last);
    const lead = rng.chance(0.5)
      ? `Tôi đã gửi đơn ngày ${this.days.written(originalDay)} nhưng đến nay chưa nhận được trả lời. `
      : "Tiếp theo đơn trước, tôi tiếp tục đề nghị xem xét giải quyết. ";
    // People re-send themselves, the same way as before unless the first letter came through a body.
    const channel: ChannelCode = original.forwardedBy || rng.chance(0.3) ? "post" : original.channel;
    return {
      ...original,
      seq,
      receivedOn: this.days.text(day),
      writtenOn: this.days.text(day - rng.between(1, 10)),
      channel,
      forwardedBy: null,
      content: lead + original.content,
      attachments: makeAttachments(rng),
      duplicateOf: original.seq,
    };
  }
}

/** Generates `n` petitions (see PetitionGenerator). Shares are met on average. */
export function generatePetitions(n: number, seed: number, options: GenerateOptions = {}): GeneratedPetition[] {
  const generator = new PetitionGenerator(seed, options);
  const out: GeneratedPetition[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = generator.next();
  return out;
}

function makeAttachments(rng: Random): GeneratedPetition["attachments"] {
  const count = rng.chance(0.6) ? rng.between(1, 3) : 0;
  const list: GeneratedPetition["attachments"] = [];
  for (let i = 0; i < count; i++) {
    const [fileName, mimeType] = rng.pick(ATTACHMENTS);
    list.push({ fileName, mimeType, size: rng.between(20_000, 8_000_000) });
  }
  return list;
}

/** The API body of a generated petition (what the intake form would send). */
export function petitionBodyOf(g: GeneratedPetition) {
  return {
    channel: g.channel,
    receivedOn: g.receivedOn,
    writtenOn: g.writtenOn,
    forwardedBy: g.forwardedBy,
    petitioners: g.petitioners.map(({ birthYear: _b, gender: _g, ...p }) => p),
    anonymous: g.anonymous,
    impersonated: g.impersonated,
    respondents: g.respondents,
    title: g.title,
    summary: g.summary,
    content: g.content,
    fieldCode: g.fieldCode,
    language: "vi" as const,
    attachments: g.attachments,
  };
}

// ---- Reception visits ------------------------------------------------------------------------------

export interface VisitGenerateOptions {
  from?: IsoDate;
  to?: IsoDate;
  /** Share of group visits (5 people or more). Default 0.04. */
  groupShare?: number;
  /** Share of refusals. Default 0.03. */
  refusalShare?: number;
}

export interface GeneratedVisit {
  seq: number;
  kind: VisitKind;
  receivedOn: IsoDate;
  receiverName: string;
  presidingHead: string | null;
  visitors: Array<{
    fullName: string;
    address: string;
    identity: GeneratedPerson["identity"];
    gender: Gender;
    capacity: "self";
    authorisationPaper: null;
  }>;
  peopleCount: number;
  representatives: Array<{ fullName: string; idNumber: string | null }>;
  writtenAppointment: boolean | null;
  contentSummary: string;
  contentKind: PetitionKind;
  fieldCode: string;
  competence: Competence;
  previousResolver: string | null;
  handling: {
    route: HandlingRoute;
    targetBody: string | null;
    documentNumber: string | null;
    refusal: {
      reason: RefusalReasonCode;
      explanation: string;
      earlierMatterId: string | null;
      refusalNotice: { number: string; date: IsoDate } | null;
      legalBasis: string | null;
    } | null;
  };
}

const VISIT_KINDS_W = new Weighted<VisitKind>([
  ["regular", 85],
  ["periodic", 12],
  ["ad_hoc", 3],
]);
const ROUTES_W = new Weighted<Exclude<HandlingRoute, "refused">>([
  ["accepted", 36],
  ["returned_guided", 38],
  ["transferred", 26],
]);
const HEADS: readonly string[] = ["Chủ tịch UBND", "Giám đốc Sở", "Chánh Thanh tra", "Phó Chủ tịch UBND"];

/** Generates `n` reception visits, a share of them group visits with representatives chosen among the members. */
export function generateVisits(n: number, seed: number, options: VisitGenerateOptions = {}): GeneratedVisit[] {
  const rng = new Random(seed ^ 0x5bd1e995);
  const first = toDayNumber(options.from ?? "2025-07-01");
  const last = toDayNumber(options.to ?? "2026-06-30");
  const groupShare = options.groupShare ?? 0.04;
  const refusalShare = options.refusalShare ?? 0.03;
  const out: GeneratedVisit[] = new Array(n);

  for (let seq = 0; seq < n; seq++) {
    const day = receiptDay(rng, first, last);
    const receivedOn = isoFromDayNumber(day);
    const province = pickProvince(rng);
    const address = pickAddress(rng, province);
    const kind = VISIT_KINDS_W.pick(rng);
    const matter = pickMatter(rng, {
      commune: address.commune,
      province: provinceLabel(province),
      year: Number(receivedOn.slice(0, 4)),
      month: Number(receivedOn.slice(5, 7)),
    });
    const group = rng.chance(groupShare);
    const peopleCount = group
      ? rng.chance(0.6)
        ? rng.between(5, 10)
        : rng.between(11, 60)
      : rng.chance(0.85)
        ? 1
        : rng.between(2, 4);
    const recorded = Math.min(peopleCount, group ? rng.between(5, 12) : peopleCount);
    const visitors: GeneratedVisit["visitors"] = [];
    for (let i = 0; i < recorded; i++) {
      const person = makePerson(rng, address);
      visitors.push({
        fullName: person.fullName,
        address: person.address,
        identity: person.identity,
        gender: person.gender,
        capacity: "self",
        authorisationPaper: null,
      });
    }
    const representatives: GeneratedVisit["representatives"] = [];
    if (peopleCount >= 5) {
      const max = Math.min(peopleCount <= 10 ? 2 : 5, visitors.length);
      const count = rng.between(1, max);
      for (let i = 0; i < count; i++) {
        const v = visitors[i] as GeneratedVisit["visitors"][number];
        representatives.push({ fullName: v.fullName, idNumber: v.identity?.number ?? null });
      }
    }
    const refused = rng.chance(refusalShare);
    const route: HandlingRoute = refused ? "refused" : ROUTES_W.pick(rng);
    const competence: Competence = route === "accepted" ? "within" : "not_within";
    let refusal: GeneratedVisit["handling"]["refusal"] = null;
    if (refused) {
      const reason = rng.pick([1, 2, 2, 3, 3, 4] as const);
      refusal = {
        reason,
        explanation: "Đã giải thích lý do từ chối cho công dân và báo cáo người phụ trách tiếp công dân.",
        earlierMatterId: reason === 3 ? `VV-${rng.between(1000, 99999)}` : null,
        refusalNotice:
          reason === 3
            ? { number: `${rng.between(1, 999)}/TB-TCD`, date: isoFromDayNumber(day - rng.between(30, 400)) }
            : null,
        legalBasis: reason === 4 ? "Nội quy, quy chế tiếp công dân của cơ quan" : null,
      };
    }
    out[seq] = {
      seq,
      kind,
      receivedOn,
      receiverName: personName(rng, rng.chance(0.5) ? "male" : "female"),
      presidingHead: kind === "regular" ? null : `${rng.pick(HEADS)} ${personName(rng, "male")}`,
      visitors,
      peopleCount,
      representatives,
      writtenAppointment: peopleCount >= 5 ? rng.chance(0.9) : null,
      contentSummary: matter.summary,
      contentKind: matter.kind,
      fieldCode: matter.fieldCode,
      competence,
      previousResolver: rng.chance(0.2) ? `UBND ${address.commune}` : null,
      handling: {
        route,
        targetBody: route === "returned_guided" || route === "transferred" ? `UBND ${provinceLabel(province)}` : null,
        documentNumber:
          route === "returned_guided" || route === "transferred" ? `${rng.between(1, 999)}/PHD-TCD` : null,
        refusal,
      },
    };
  }
  return out;
}
