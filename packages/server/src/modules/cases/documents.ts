/**
 * The fields of the official document a case step prints, filled from the case, its petition
 * and the step's input (templates: documents/templates-cases.ts; schemas:
 * domain/api/case-documents.ts). The officer edits the draft before it is issued.
 *
 * Complaint documents name the complainant. Denunciation documents never receive the denouncer:
 * nothing here reads a denunciation's writers (their schemas have no field for them either).
 */
import {
  caseMainDue,
  formalCitation,
  lawOfDate,
  type CaseActionInput,
  type CaseFacts,
  type CaseFormCode,
  type Petitioner,
} from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { currentCalendar } from "../calendar/service.ts";
import { loadIssuingAgency } from "../documents/letterhead.ts";
import { clause } from "../documents/template-kit.ts";
import { publicTexts } from "../identity/masks.ts";
import { readParties, readRespondents } from "../identity/parties.ts";
import { formatVietnameseDate } from "@minhbach/domain/legal-clock";

interface CaseRowLike {
  id: string;
  agency_id: string;
  petition_id: string;
  kind: "complaint" | "denunciation";
  instance: number | null;
}

/** The title of the head who decides, as the authority line of a decision prints it. */
export function headTitleOf(agencyName: string, shortName: string): string {
  if (/^(Sở|Ban)\b/.test(shortName)) return `Giám đốc ${shortName}`.replace("Giám đốc Ban", "Trưởng Ban");
  if (/^Ủy ban nhân dân/.test(agencyName)) return `Chủ tịch ${agencyName}`;
  if (/^Thanh tra/.test(agencyName)) return `Chánh ${agencyName}`;
  return `Thủ trưởng ${agencyName}`;
}

const LEGAL_BASIS_COMPLAINT = [lawOfDate("LKN"), formalCitation("ND124", { inWords: true })];

const toVnd = (million: number | undefined) => (million ? Math.round(million * 1_000_000) : undefined);

function recovery(amounts: Partial<Record<string, number>> | null | undefined) {
  const a = amounts ?? {};
  const out: Record<string, number> = {};
  const state = toVnd(a.moneyToState);
  const others = toVnd(a.moneyToOthers);
  if (state) out.returnToStateMoneyVnd = state;
  if (a.landToState) out.returnToStateLandM2 = a.landToState;
  if (others) out.returnToOthersMoneyVnd = others;
  if (a.landToOthers) out.returnToOthersLandM2 = a.landToOthers;
  return out;
}

function personOf(p: Petitioner | undefined) {
  if (!p) return { fullName: "Người khiếu nại" };
  const name = p.kind === "person" ? p.fullName : p.name;
  return { fullName: name, ...(p.address ? { address: p.address } : {}) };
}

function durationUntil(today: string, due: string | null): number {
  if (!due) return 15;
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return Math.min(90, Math.max(1, days));
}

export async function caseDocumentFields(
  trx: Transaction<DB> | Kysely<DB>,
  row: CaseRowLike,
  facts: CaseFacts,
  form: CaseFormCode,
  input: CaseActionInput,
): Promise<Record<string, unknown>> {
  const agency = await loadIssuingAgency(trx as Kysely<DB>, row.agency_id);
  const resolverTitle = headTitleOf(agency.name, agency.shortName);
  const petition = await trx
    .selectFrom("petition")
    .select(["received_on", "written_on", "summary", "content", "forwarded_by"])
    .where("id", "=", row.petition_id)
    .executeTakeFirstOrThrow();
  const respondents = await readRespondents(trx, row.petition_id);
  const calendar = await currentCalendar(trx);
  const due = caseMainDue(facts, calendar)?.due ?? null;
  // Documents of a denunciation go to others: its text with the denouncer's data masked.
  const texts =
    row.kind === "denunciation"
      ? publicTexts(
          { summary: petition.summary, content: petition.content },
          "denunciation",
          (await readParties(trx, row.petition_id)).petitioners,
        )
      : { summary: petition.summary, content: petition.content };
  const subject = (texts.summary || texts.content).slice(0, 2000);
  const acceptanceDecision = facts.acceptance
    ? facts.acceptance.documentNumber
      ? `Quyết định số ${facts.acceptance.documentNumber} ngày ${formatVietnameseDate(facts.acceptance.on)}`
      : `Quyết định thụ lý ngày ${formatVietnameseDate(facts.acceptance.on)}`
    : "Quyết định thụ lý tố cáo";
  const i = input as Record<string, unknown> & { action: string };
  const on = (i.on ?? i.date ?? i.decisionDate) as string | undefined;
  const team = () => {
    const a = facts.verification?.assignee;
    if (!a) return [];
    return [
      { name: a.name, position: `Công chức ${agency.shortName}`, role: "leader" as const },
      ...a.members.map((m) => ({ name: m, position: `Công chức ${agency.shortName}`, role: "member" as const })),
    ];
  };

  if (row.kind === "complaint") {
    // The complainant is named in complaint documents (not protected like a denouncer).
    const { petitioners } = await readParties(trx, row.petition_id);
    const complaint = {
      complainant: personOf(petitioners[0]),
      receivedOn: petition.received_on,
      ...(petition.written_on ? { letterDate: petition.written_on } : {}),
      subject,
      ...(respondents[0] ? { respondent: respondents[0].name.slice(0, 300) } : {}),
      instance: row.instance === 2 ? "second" : "first",
    };
    const forwarded = petition.forwarded_by as { agencyName?: string } | null;
    switch (form) {
      case "KN-TL":
        return {
          ...complaint,
          acceptedOn: facts.acceptedOn ?? on,
          ...(due ? { dueOn: due } : {}),
          ...(forwarded?.agencyName ? { forwardedBy: forwarded.agencyName } : {}),
        };
      case "KN-KTL":
        return {
          ...complaint,
          grounds: facts.rejection?.grounds ?? [],
          ...(facts.rejection?.explanation ? { explanation: facts.rejection.explanation } : {}),
        };
      case "KN-GXM": {
        const a = facts.verification?.assignee;
        return {
          resolverTitle,
          ...complaint,
          ...(a?.kind === "person" ? { assignee: a.name } : {}),
          team: a?.kind === "team" ? team() : [],
          contents: [facts.verification?.plan ?? subject],
          durationDays: durationUntil(on ?? petition.received_on, due),
        };
      }
      case "KN-BBDT": {
        const d = facts.dialogues[facts.dialogues.length - 1]!;
        return {
          heldOn: d.on,
          place: d.place ?? `Trụ sở ${agency.name}`,
          chair: {
            name: facts.verification?.assignee.name ?? "Người chủ trì",
            position: `Công chức ${agency.shortName}`,
          },
          recorder: { name: "Người ghi biên bản", position: `Công chức ${agency.shortName}` },
          complainant: complaint.complainant,
          respondent: {
            name: respondents[0]?.name.slice(0, 120) ?? "Người bị khiếu nại",
            position: "Người bị khiếu nại",
          },
          others: d.participants
            .slice(0, 20)
            .map((p) => ({ name: p.slice(0, 120), position: "Người tham dự đối thoại" })),
          subject,
          instance: complaint.instance,
          contents: [facts.verification?.summary ?? subject],
          agreed: [d.agreedPoints],
          disputed: [d.disputedPoints],
        };
      }
      case "KN-TDC": {
        const s = facts.suspensions[facts.suspensions.length - 1]!;
        return {
          resolverTitle,
          ...complaint,
          ...(facts.acceptedOn ? { acceptedOn: facts.acceptedOn } : {}),
          reason: s.reason,
          from: s.from,
        };
      }
      case "KN-DC":
        return {
          resolverTitle,
          ...complaint,
          ...(facts.acceptedOn ? { acceptedOn: facts.acceptedOn } : {}),
          ...(i.action === "withdraw"
            ? { ground: "withdrawn", withdrawnOn: on }
            : { ground: "other", reason: (facts.termination?.reason ?? String(i.reason ?? "")).slice(0, 2000) }),
        };
      case "KN-QD": {
        const d = facts.decision!;
        const second = row.instance === 2;
        const action = second
          ? d.firstDecisionUpheld
            ? "keep"
            : "amend"
          : d.outcome === "wrong"
            ? "keep"
            : d.outcome === "right"
              ? "annul"
              : "amend";
        const last = facts.dialogues[facts.dialogues.length - 1];
        return {
          resolverTitle,
          ...complaint,
          claims: texts.content.slice(0, 4000),
          ...(facts.firstInstance
            ? {
                firstDecision: `Quyết định số ${facts.firstInstance.decisionNumber} ngày ${formatVietnameseDate(facts.firstInstance.decisionDate)} của ${facts.firstInstance.decidedBy}`,
              }
            : {}),
          verification: [facts.verification?.summary ?? "Kết quả xác minh nội dung khiếu nại."],
          ...(last
            ? {
                dialogue:
                  `Ngày ${formatVietnameseDate(last.on)}: các bên thống nhất: ${clause(last.agreedPoints)}; còn ý kiến khác nhau: ${clause(last.disputedPoints)}`.slice(
                    0,
                    4000,
                  ),
              }
            : {}),
          legalBasis: LEGAL_BASIS_COMPLAINT,
          verdict: d.outcome,
          reasoning: (d.summary ?? "Kết luận nội dung khiếu nại theo kết quả xác minh.").slice(0, 4000),
          action,
          ...(action === "amend"
            ? { actionDetail: "Các nội dung được sửa đổi, bổ sung theo kết luận nêu tại Quyết định này." }
            : {}),
          ...recovery(d.amounts as unknown as Record<string, number>),
          remoteArea: facts.flags.remote,
          executors: [respondents[0]?.name.slice(0, 300) ?? "Các cơ quan, tổ chức, cá nhân có liên quan"],
        };
      }
      default:
        throw new Error(`no complaint document ${form}`);
    }
  }

  // Denunciations: no field for the denouncer exists; the denounced is the respondent.
  const denounced = (respondents[0]?.name ?? "Người bị tố cáo").slice(0, 300);
  const base = { receivedOn: petition.received_on, denounced };
  switch (form) {
    case "TC-TL":
      return { resolverTitle, ...base, contents: [subject] };
    case "TC-KTL":
      return {
        ...base,
        summary: subject,
        grounds: facts.rejection?.grounds ?? [],
        ...(facts.rejection?.explanation ? { explanation: facts.rejection.explanation } : {}),
      };
    case "TC-GXM":
      return {
        resolverTitle,
        acceptanceDecision,
        ...base,
        team: team(),
        contents: [facts.verification?.plan ?? subject],
        durationDays: durationUntil(on ?? petition.received_on, due),
      };
    case "TC-GH": {
      const e = facts.extensions[facts.extensions.length - 1]!;
      return {
        resolverTitle,
        acceptanceDecision,
        acceptedOn: facts.acceptedOn,
        ...base,
        extension: facts.extensions.length,
        days: 30,
        criteria: facts.complexityCriteria,
        reason: e.reason,
        ...(due ? { until: due } : {}),
      };
    }
    case "TC-TDC": {
      const s = facts.suspensions[facts.suspensions.length - 1]!;
      return { resolverTitle, acceptanceDecision, ...base, ground: "awaiting_other", reason: s.reason, from: s.from };
    }
    case "TC-DC":
      return {
        resolverTitle,
        acceptanceDecision,
        ...base,
        ...(i.action === "withdraw"
          ? { ground: "withdrawn", withdrawnOn: on }
          : { ground: "other", reason: (facts.termination?.reason ?? String(i.reason ?? "")).slice(0, 2000) }),
      };
    case "TC-KL": {
      const c = facts.conclusion!;
      return {
        resolverTitle,
        acceptanceDecision,
        ...base,
        ...(facts.verification?.reportedOn
          ? {
              verificationReport: `Báo cáo kết quả xác minh ngày ${formatVietnameseDate(facts.verification.reportedOn)}`,
            }
          : {}),
        findings: [{ content: subject, result: c.findings.slice(0, 4000), verdict: c.outcome }],
        verdict: c.outcome,
        ...recovery(c.amounts as unknown as Record<string, number>),
        measures: c.measures ? [c.measures.slice(0, 2000)] : [],
      };
    }
    default:
      throw new Error(`no denunciation document ${form}`);
  }
}
