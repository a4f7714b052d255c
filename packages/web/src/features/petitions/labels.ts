/** Vietnamese labels of the domain catalogues, looked up by code, and the options built from them. */
import {
  CHANNELS,
  COMPETENCE_LABELS,
  FIELD_GROUPS,
  fieldByCode,
  fieldCatalog,
  IDENTITY_DOCUMENT_KINDS,
  PETITION_KINDS,
  PETITION_STATES,
  type ChannelCode,
  type Competence,
  type PetitionKind,
  type PetitionState,
} from "@minhbach/domain";

export function kindLabel(kind: string | null | undefined): string {
  return kind ? (PETITION_KINDS[kind as PetitionKind] ?? kind) : "";
}

export function channelLabel(channel: string): string {
  return CHANNELS[channel as ChannelCode]?.label ?? channel;
}

export function stateLabel(state: string | null | undefined): string {
  return state ? (PETITION_STATES[state as PetitionState] ?? state) : "";
}

export function competenceLabel(competence: string | null | undefined): string {
  return competence ? (COMPETENCE_LABELS[competence as Competence] ?? competence) : "";
}

export function fieldName(code: string | null | undefined): string {
  return code ? (fieldByCode(code)?.name ?? code) : "";
}

export function identityKindLabel(kind: string): string {
  return IDENTITY_DOCUMENT_KINDS[kind as keyof typeof IDENTITY_DOCUMENT_KINDS] ?? kind;
}

/** Short names of identity papers for compact display ("CCCD 010088012345"). */
export const IDENTITY_SHORT: Record<string, string> = {
  cccd: "Căn cước",
  cmnd: "CMND",
  passport_vn: "Hộ chiếu",
  passport_foreign: "Hộ chiếu nước ngoài",
  other: "Giấy tờ",
};

export const KIND_OPTIONS = Object.entries(PETITION_KINDS).map(([value, label]) => ({ value, label }));
export const STATE_OPTIONS = Object.entries(PETITION_STATES).map(([value, label]) => ({ value, label }));
export const CHANNEL_OPTIONS = Object.entries(CHANNELS).map(([value, info]) => ({ value, label: info.label }));
export const IDENTITY_OPTIONS = Object.entries(IDENTITY_DOCUMENT_KINDS).map(([value, label]) => ({ value, label }));
export const COMPETENCE_OPTIONS = Object.entries(COMPETENCE_LABELS).map(([value, label]) => ({ value, label }));

/** Active fields of the installation's catalogue, grouped as the catalogue groups them. */
export function fieldOptions() {
  return Object.entries(FIELD_GROUPS).map(([group, name]) => ({
    group: name,
    items: fieldCatalog()
      .filter((f) => f.group === group && !f.retired)
      .map((f) => ({ value: f.code, label: f.name })),
  }));
}
