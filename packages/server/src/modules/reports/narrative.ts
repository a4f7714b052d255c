/**
 * The narrative draft of a periodic report (.docx, Nghị định 30/2020 layout, through the documents
 * kit's letterhead and renderer): the figures of the reception, petition, resolution, inspection
 * and anti-corruption forms for the agency (and its units) and the period, each part's paragraphs
 * written by the domain (reports/narrative.ts) from them. A draft for the officer to edit: no
 * number, no date, no signer; nothing is stored.
 */
import { formatVietnameseDate } from "@minhbach/domain/calendar/iso-date";
import { narrativeSections, NARRATIVE_FORMS } from "@minhbach/domain/reports/index";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { loadIssuingAgency } from "../documents/letterhead.ts";
import { documentText, renderDocument, type BodyParagraph } from "../documents/render.ts";
import { composeModel } from "../documents/service.ts";
import { computeReports } from "./compute.ts";

export interface NarrativeRequest {
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
  kind: "periodic" | "adhoc";
}

export async function narrativeDocument(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: NarrativeRequest,
): Promise<{ fileName: string; bytes: Buffer; text: string }> {
  // The first form checks the period (a regime's period unless ad hoc), the agency and the scope;
  // the others are read for the same days whatever their regime (the inspection forms of TT 06/2025
  // are not identified, the narrative still tells what the records hold). One pass for all.
  const reports = await computeReports(
    db,
    auth,
    NARRATIVE_FORMS.map((form, i) => ({ ...q, form, kind: i === 0 ? q.kind : ("adhoc" as const) })),
  );
  const first = reports[0]!;
  const figures: Record<string, number> = Object.assign({}, ...reports.map((r) => r.indicators));
  const agency = await loadIssuingAgency(db, q.agencyId);
  const span = `từ ngày ${formatVietnameseDate(q.from)} đến ngày ${formatVietnameseDate(q.to)}`;
  const label = first.period ? first.period.label.charAt(0).toLowerCase() + first.period.label.slice(1) : span;
  const paragraphs: BodyParagraph[] = [
    `Thực hiện chế độ báo cáo định kỳ, ${agency.headerName} báo cáo kết quả công tác ${label} ` +
      `(số liệu tính ${span}${q.subtree ? ", gồm các đơn vị trực thuộc" : ""}) như sau:`,
  ];
  for (const section of narrativeSections(figures)) {
    paragraphs.push({ runs: [{ text: section.heading, bold: true }], align: "justify", indent: true });
    paragraphs.push(...section.paragraphs);
  }
  const model = composeModel(
    {
      title: "Báo cáo",
      subtitle:
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo, thanh tra " +
        `và phòng, chống tham nhũng ${label}`,
      addressees: [],
      paragraphs,
      recipients: ["Cơ quan cấp trên (để báo cáo)", "Lưu: VT"],
      approval: null,
      signatures: null,
      letter: null,
      signature: null,
    },
    agency,
    "BC",
    { draftYear: Number(q.to.slice(0, 4)) },
  );
  const bytes = await renderDocument(model);
  const fileName = `Bao-cao-${first.agency.code}-${q.from}-${q.to}.docx`;
  return { fileName, bytes, text: documentText(model) };
}
