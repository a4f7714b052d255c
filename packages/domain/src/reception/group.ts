/**
 * Several people coming on the same matter (docs/LAW.md §3.5).
 *
 * - Representation (Điều 7 Nghị định 124/2020/NĐ-CP, carrying Điều 5 Nghị định 75/2012/NĐ-CP [P] on
 *   the article number; the bands are [V]): 5 to 10 people appoint 1 or 2 representatives; more than
 *   10 people may appoint more, but not more than 5. Representatives must themselves be among the
 *   people complaining, and the appointment is made in writing.
 * - "Đoàn đông người" is a reporting convention (5 or more people on one matter [P]); its threshold
 *   is a parameter and does not change the representation bands, which are law.
 */
import { normalizeForMatch } from "../text/normalize.ts";
import type { Problem } from "../problem.ts";
import { cite } from "../law/acts.ts";

export const REPRESENTATION_BASIS = `Điều 7 ${cite("ND124")}`;
export const DEFAULT_CROWD_THRESHOLD = 5;

export interface GroupPerson {
  fullName: string;
  /** Identity number when known; compared before names. */
  idNumber?: string | null;
}

export interface GroupInput {
  peopleCount: number;
  /** The people recorded (may be fewer than peopleCount when not everyone gave their name). */
  members: readonly GroupPerson[];
  representatives: readonly GroupPerson[];
  /** Whether the written appointment of the representatives was shown; undefined = not recorded. */
  writtenAppointment?: boolean | null;
}

export interface GroupOptions {
  /** Number of people from which a visit counts as "đoàn đông người". Default 5. */
  threshold?: number;
}

export type GroupProblemCode =
  | "PEOPLE_COUNT_INVALID"
  | "MEMBERS_EXCEED_COUNT"
  | "REPRESENTATIVE_REQUIRED"
  | "TOO_MANY_REPRESENTATIVES"
  | "REPRESENTATIVE_NOT_MEMBER"
  | "REPRESENTATIVE_DUPLICATE"
  | "WRITTEN_APPOINTMENT_MISSING";

export interface GroupCheck {
  /** Counted as "đoàn đông người" for reports. */
  isCrowd: boolean;
  /** Allowed number of representatives, or null when the group is small enough to be received directly. */
  representatives: { min: number; max: number } | null;
  problems: Problem<GroupProblemCode>[];
}

/** Allowed number of representatives for a group of `peopleCount` people. */
export function representativeRange(peopleCount: number): { min: number; max: number } | null {
  if (peopleCount < 5) return null;
  if (peopleCount <= 10) return { min: 1, max: 2 };
  return { min: 1, max: 5 };
}

/** Key comparing people: the identity number when given, else the unaccented lower-case name. */
function personKeys(p: GroupPerson): { id: string | undefined; name: string } {
  const id = p.idNumber?.replace(/\s+/g, "").toUpperCase() || undefined;
  return { id, name: normalizeForMatch(p.fullName ?? "") };
}

function sameAs(rep: GroupPerson, member: GroupPerson): boolean {
  const a = personKeys(rep);
  const b = personKeys(member);
  if (a.id && b.id) return a.id === b.id;
  return a.name !== "" && a.name === b.name;
}

export function checkGroupRepresentation(input: GroupInput, options: GroupOptions = {}): GroupCheck {
  const threshold = options.threshold ?? DEFAULT_CROWD_THRESHOLD;
  const problems: Problem<GroupProblemCode>[] = [];
  const { peopleCount, members, representatives } = input;

  if (!Number.isInteger(peopleCount) || peopleCount < 1) {
    problems.push({
      code: "PEOPLE_COUNT_INVALID",
      field: "peopleCount",
      message: "Số người phải là số nguyên từ 1 trở lên.",
      severity: "error",
    });
    return { isCrowd: false, representatives: null, problems };
  }
  if (members.length > peopleCount) {
    problems.push({
      code: "MEMBERS_EXCEED_COUNT",
      field: "peopleCount",
      message: `Danh sách có ${members.length} người nhưng số người ghi là ${peopleCount}.`,
      severity: "error",
    });
  }

  const range = representativeRange(peopleCount);
  if (range && representatives.length < range.min) {
    problems.push({
      code: "REPRESENTATIVE_REQUIRED",
      field: "representatives",
      message: `Nhóm ${peopleCount} người cùng một nội dung phải cử người đại diện (từ ${range.min} đến ${range.max} người).`,
      severity: "error",
      basis: REPRESENTATION_BASIS,
    });
  }
  if (range && representatives.length > range.max) {
    problems.push({
      code: "TOO_MANY_REPRESENTATIVES",
      field: "representatives",
      message:
        peopleCount <= 10
          ? `Nhóm từ 5 đến 10 người chỉ cử 1 hoặc 2 người đại diện (đang có ${representatives.length}).`
          : `Nhóm trên 10 người cử không quá 5 người đại diện (đang có ${representatives.length}).`,
      severity: "error",
      basis: REPRESENTATION_BASIS,
    });
  }

  representatives.forEach((rep, i) => {
    const earlier = representatives.slice(0, i).some((other) => sameAs(rep, other));
    if (earlier) {
      problems.push({
        code: "REPRESENTATIVE_DUPLICATE",
        field: `representatives.${i}`,
        message: `Người đại diện "${rep.fullName}" bị nhập trùng.`,
        severity: "error",
      });
      return;
    }
    if (!members.some((m) => sameAs(rep, m))) {
      problems.push({
        code: "REPRESENTATIVE_NOT_MEMBER",
        field: `representatives.${i}`,
        message: `Người đại diện "${rep.fullName}" không có trong danh sách những người cùng khiếu nại; người đại diện phải là một trong số họ.`,
        severity: "error",
        basis: REPRESENTATION_BASIS,
      });
    }
  });

  if (range && representatives.length > 0 && input.writtenAppointment !== true) {
    problems.push({
      code: "WRITTEN_APPOINTMENT_MISSING",
      field: "writtenAppointment",
      message: "Việc cử người đại diện phải thể hiện bằng văn bản; ghi nhận văn bản cử người đại diện.",
      severity: "warning",
      basis: REPRESENTATION_BASIS,
    });
  }

  return { isCrowd: peopleCount >= threshold, representatives: range, problems };
}
