/**
 * Where a petition comes from and who wrote it (docs/LAW.md §4.1: received directly, by post, via
 * reception, or forwarded by other bodies).
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { IdentityDocumentInput } from "../reception/identity.ts";

export type ChannelCode = "in_person" | "post" | "email" | "online_portal" | "transferred" | "elected_body" | "press";

export interface ChannelInfo {
  label: string;
  /** Forwarded by another body: the forwarding body, its document number and date are recorded. */
  forwarded: boolean;
  /** Comes from a reception visit, whose id is recorded. */
  fromVisit: boolean;
}

export const CHANNELS: Readonly<Record<ChannelCode, ChannelInfo>> = {
  in_person: { label: "Nhận trực tiếp tại nơi tiếp công dân", forwarded: false, fromVisit: true },
  post: { label: "Qua dịch vụ bưu chính", forwarded: false, fromVisit: false },
  email: { label: "Qua thư điện tử", forwarded: false, fromVisit: false },
  online_portal: { label: "Qua cổng thông tin điện tử, Cổng dịch vụ công", forwarded: false, fromVisit: false },
  transferred: { label: "Do cơ quan, tổ chức, đơn vị khác chuyển đến", forwarded: true, fromVisit: false },
  elected_body: {
    label:
      "Do đại biểu Quốc hội, Đoàn đại biểu Quốc hội, Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc chuyển đến (kiến nghị của cử tri)",
    forwarded: true,
    fromVisit: false,
  },
  // Luật Tố cáo 2018 Điều 26 khoản 2: denunciations forwarded by the press.
  press: { label: "Do cơ quan báo chí chuyển đến", forwarded: true, fromVisit: false },
};

export const CHANNEL_LIST = Object.keys(CHANNELS) as [ChannelCode, ...ChannelCode[]];

export function isForwardedChannel(channel: ChannelCode): boolean {
  return CHANNELS[channel]?.forwarded ?? false;
}

/** The forwarding body of a petition received through another body. */
export interface ForwardedBy {
  agencyName: string;
  documentNumber: string;
  documentDate: IsoDate;
}

export type PetitionerKind = "person" | "organisation";

export const PETITIONER_KINDS: Readonly<Record<PetitionerKind, string>> = {
  person: "Cá nhân",
  organisation: "Cơ quan, tổ chức",
};

export interface PersonPetitioner {
  kind: "person";
  fullName: string;
  address: string;
  identity?: IdentityDocumentInput | null;
  phone?: string | null;
  email?: string | null;
}

export interface OrganisationPetitioner {
  kind: "organisation";
  name: string;
  address: string;
  taxCode?: string | null;
  /** The person who signs for the organisation (Điều 6 Thông tư 04/2021/TT-TTCP: letter of introduction). */
  representativeName: string;
  representativeIdentity?: IdentityDocumentInput | null;
  phone?: string | null;
  email?: string | null;
}

export type Petitioner = PersonPetitioner | OrganisationPetitioner;

export function petitionerName(p: Petitioner): string {
  return p.kind === "person" ? p.fullName : p.name;
}

/** Flags about the writer (Điều 25 Luật Tố cáo 2018). */
export interface PetitionFlags {
  /** No name or address of the sender, or the sender cannot be identified (nặc danh). */
  anonymous: boolean;
  /** The sender uses another person's name (mạo danh). */
  impersonated: boolean;
}
