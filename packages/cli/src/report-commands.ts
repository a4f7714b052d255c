/**
 * Periodic reports on the command line (issue 19). The JSON shape is stable (scripts depend on it):
 *   minhbach report --form 02/XLD --agency LC.SCT --from 2023-01-01 --to 2023-12-31 [--subtree] --json
 *     {"form","agency","from","to","cells":{"<row>.<col>": n},"indicators":{"<code>": n}}
 * `--form all` computes every form of the period's regime in one pass over the records: `--json`
 * prints an array of those objects, `--xlsx` one workbook with a sheet per form.
 * `--xlsx FILE` writes the form as the appendix lays it out; `--docx FILE` writes the narrative draft
 * (every part's figures told in words, modules/reports/narrative.ts), with or without a form. A
 * {from, to} that is not one of the
 * reporting regime's periods is computed as an ad hoc report (đột xuất), with a note on stderr.
 */
import { writeFileSync } from "node:fs";
import { classifyPeriod, FORM_CODES, FORMS } from "@minhbach/domain/reports/index";
import type { ReportView } from "@minhbach/domain/api/reports";
import { isValidIsoDate } from "@minhbach/domain/calendar/iso-date";
import { computeReports } from "@minhbach/server/modules/reports/compute";
import { reportPackageWorkbook, reportWorkbook } from "@minhbach/server/modules/reports/excel";
import { narrativeDocument } from "@minhbach/server/modules/reports/narrative";
import type { Command } from "commander";
import { CliError, withDatabase } from "./io.ts";

interface ReportOptions {
  form?: string;
  agency: string;
  from: string;
  to: string;
  subtree?: boolean;
  json?: boolean;
  xlsx?: string;
  docx?: string;
}

export function registerReportCommands(program: Command): void {
  program
    .command("report")
    .description("tính một biểu mẫu báo cáo định kỳ từ hồ sơ / compute a periodic report form from the records")
    .option("--form <code>", `biểu mẫu / form (${Object.keys(FORMS).join(", ")}, all = mọi biểu của kỳ)`)
    .requiredOption("--agency <code>", "mã cơ quan / agency code, e.g. LC.SCT")
    .requiredOption("--from <date>", "từ ngày / from (YYYY-MM-DD)")
    .requiredOption("--to <date>", "đến ngày / to (YYYY-MM-DD)")
    .option("--subtree", "gồm các đơn vị trực thuộc / include the units below")
    .option("--json", "in JSON / print JSON")
    .option("--xlsx <file>", "ghi biểu mẫu ra tệp Excel / write the form to an Excel file")
    .option("--docx <file>", "ghi dự thảo báo cáo bằng lời ra tệp Word / write the narrative draft")
    .action(async (options: ReportOptions) => {
      if (options.form === undefined && !options.docx)
        throw new CliError("--form: cần chọn biểu mẫu (hoặc --docx để ghi dự thảo báo cáo)", 2);
      if (options.form !== undefined && options.form !== ALL && !FORMS[options.form])
        throw new CliError(`--form: biểu mẫu "${options.form}" không tồn tại`, 2);
      if (!isValidIsoDate(options.from)) throw new CliError("--from: ngày phải có dạng YYYY-MM-DD và có thật", 2);
      if (!isValidIsoDate(options.to)) throw new CliError("--to: ngày phải có dạng YYYY-MM-DD và có thật", 2);
      if (options.from > options.to) throw new CliError("--to: đến ngày phải sau hoặc bằng từ ngày", 2);
      const period = classifyPeriod(options.from, options.to);
      if (!period) {
        console.error(
          "Lưu ý: khoảng thời gian này không phải kỳ chốt số liệu của chế độ báo cáo; tính như báo cáo đột xuất.",
        );
      }
      if (options.form === ALL && !period)
        throw new CliError(
          '--form: "all" chỉ dùng cho một kỳ báo cáo của chế độ (tháng, quý, 6 tháng, 9 tháng, năm)',
          2,
        );
      const forms =
        options.form === undefined
          ? []
          : options.form === ALL
            ? FORM_CODES.filter((code) => FORMS[code]!.regimes.includes(period!.regime))
            : [options.form];
      const { reports, narrative } = await withDatabase(async ({ db }) => {
        const agency = await db.selectFrom("agency").select("id").where("code", "=", options.agency).executeTakeFirst();
        if (!agency) throw new CliError(`--agency: không có cơ quan mã "${options.agency}"`, 2);
        const request = {
          agencyId: agency.id,
          from: options.from,
          to: options.to,
          subtree: options.subtree ?? false,
          kind: period ? ("periodic" as const) : ("adhoc" as const),
        };
        return {
          reports: await computeReports(
            db,
            null,
            forms.map((form) => ({ ...request, form })),
          ),
          narrative: options.docx ? await narrativeDocument(db, null, request) : null,
        };
      });
      if (options.docx && narrative) {
        writeFileSync(options.docx, narrative.bytes);
        if (!options.json) console.log(`Đã ghi ${options.docx}`);
      }
      if (reports.length === 0) return;
      if (options.xlsx) {
        const file = options.form === ALL ? await reportPackageWorkbook(reports) : await reportWorkbook(reports[0]!);
        writeFileSync(options.xlsx, file.bytes);
        if (!options.json) console.log(`Đã ghi ${options.xlsx}`);
      }
      if (options.json) {
        const shapes = reports.map(stableShape);
        console.log(JSON.stringify(options.form === ALL ? shapes : shapes[0]));
        return;
      }
      if (options.xlsx) return;
      reports.forEach(print);
    });
}

const ALL = "all";

/** The JSON shape scripts depend on. */
function stableShape(report: ReportView) {
  return {
    form: report.form,
    agency: report.agency.code,
    from: report.from,
    to: report.to,
    cells: report.cells,
    indicators: report.indicators,
  };
}

function print(report: ReportView) {
  console.log(`${report.title} — biểu số ${report.form}`);
  console.log(`${report.agency.name}; ${report.period?.label ?? "báo cáo đột xuất"} (${report.from} → ${report.to})`);
  for (const column of report.columns) {
    const total = report.cells[`tong.${column.no}`] ?? 0;
    console.log(`  (${column.no}) ${column.label}: ${total.toLocaleString("vi-VN")} ${column.unit}`);
  }
  for (const check of report.reconciliation.checks) {
    if (!check.holds)
      console.log(
        `  Đối chiếu KHÔNG khớp: kỳ trước chuyển sang ${check.carried} ≠ đang xử lý cuối kỳ trước ${check.previousEnd}`,
      );
  }
}
