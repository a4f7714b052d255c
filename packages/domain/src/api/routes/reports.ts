import { defineRoutes, DOCX_MIME, fileResponse, XLSX_MIME } from "../contract.ts";
import { isoDate, uuid } from "../common.ts";
import { z } from "../zod-vi.ts";
import {
  createSubmissionBody,
  returnSubmissionBody,
  submissionListQuery,
  submissionListView,
  submissionStepBody,
  submissionView,
  blankFormQuery,
  uploadReportBody,
  uploadReportView,
  drilldownQuery,
  drilldownView,
  submissionDrilldownQuery,
  narrativeQuery,
  reportCatalogueQuery,
  reportCatalogueView,
  reportJobBody,
  reportJobView,
  reportQuery,
  reportView,
} from "../reports.ts";
import { listErrors, recordErrors as errors } from "./errors.ts";
import { dashboardQuery, dashboardView } from "../reports-dashboard.ts";
import { FORM_CODES, SUBMISSION_STATUSES, TIMELINESS } from "../../reports/index.ts";
import { blankable, choiceOf } from "../zod-vi.ts";
import { manualCellsBody, manualCellsQuery, manualCellsView } from "../report-manual-cells.ts";

/** Which of the user's direct units sent a period's report on time (issue 19, per-level deadlines). */
export const timelinessQuery = z
  .object({
    form: choiceOf(FORM_CODES, "biểu mẫu"),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });

export const timelinessView = z.object({
  form: z.string(),
  period: z.object({ label: z.string(), from: z.string(), to: z.string(), regime: z.string() }),
  today: z.string(),
  rule: z.object({ basis: z.string(), probable: z.boolean(), note: z.string().nullable() }),
  counts: z.object({
    on_time: z.number().int(),
    late: z.number().int(),
    overdue: z.number().int(),
    not_due: z.number().int(),
  }),
  items: z.array(
    z.object({
      agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      level: z.string(),
      levelLabel: z.string(),
      due: z.string(),
      status: z.enum(TIMELINESS),
      statusLabel: z.string(),
      daysLate: z.number().int().nullable(),
      submittedOn: z.string().nullable(),
      submission: z
        .object({
          id: z.string(),
          revision: z.number().int(),
          status: z.enum(SUBMISSION_STATUSES),
          statusLabel: z.string(),
        })
        .nullable(),
    }),
  ),
});
export type TimelinessView = z.infer<typeof timelinessView>;

// ---- Reporting graph and clusters (issue 19) ---------------------------------------------------

const lineBasis = z
  .string({ error: "Căn cứ phải là chuỗi ký tự." })
  .trim()
  .min(1, { error: "Nhập căn cứ (quyết định, văn bản) của quan hệ báo cáo." })
  .max(500, { error: "Căn cứ chỉ được tối đa 500 ký tự." });
const lineVersion = z
  .number({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .int({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .positive({ error: "Phiên bản dữ liệu phải là số nguyên dương." });

/** "Unit `agencyId` reports to `reportsToId` from `validFrom` (until `validTo`)", with its basis. */
export const createLineBody = z
  .object({
    agencyId: uuid,
    reportsToId: uuid,
    validFrom: isoDate,
    validTo: isoDate.nullable().optional(),
    basis: lineBasis,
  })
  .refine((b) => b.validTo == null || b.validFrom <= b.validTo, {
    error: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu của quan hệ báo cáo.",
    path: ["validTo"],
  });
export type CreateLineBody = z.infer<typeof createLineBody>;

export const closeLineBody = z.object({ validTo: isoDate, basis: lineBasis, version: lineVersion });
export type CloseLineBody = z.infer<typeof closeLineBody>;

const agencyRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const reportingLineView = z.object({
  id: z.string(),
  agency: agencyRef,
  reportsTo: agencyRef,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  basis: z.string(),
  closeBasis: z.string().nullable(),
  version: z.number().int(),
});
export type ReportingLineView = z.infer<typeof reportingLineView>;
export const reportingLineList = z.object({ items: z.array(reportingLineView) });

export const clusterListQuery = z.object({ at: blankable(isoDate.optional()) });
export const clusterListView = z.object({
  items: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), members: z.number().int() }),
  ),
});

const tags = ["Báo cáo định kỳ"];
const idParams = z.object({ id: uuid });

export const REPORT_ROUTES = defineRoutes({
  "reports.catalogue": {
    method: "GET",
    path: "/reports/catalogue",
    tags,
    summary: "Các biểu mẫu và các kỳ báo cáo của một năm theo chế độ báo cáo đang áp dụng",
    query: reportCatalogueQuery,
    response: { 200: reportCatalogueView, ...errors },
  },
  "reports.compute": {
    method: "GET",
    path: "/reports/compute",
    tags,
    summary: "Tính một biểu mẫu thống kê từ hồ sơ cho một cơ quan (và các đơn vị trực thuộc) trong một kỳ",
    query: reportQuery,
    response: { 200: reportView, ...errors },
  },
  "reports.drilldown": {
    method: "GET",
    path: "/reports/drilldown",
    tags,
    summary: "Danh sách hồ sơ tạo nên một số liệu của biểu mẫu (phân trang)",
    query: drilldownQuery,
    response: { 200: drilldownView, ...errors },
  },
  "reports.export": {
    method: "GET",
    path: "/reports/form.xlsx",
    tags,
    summary: "Tải biểu mẫu đã tính dưới dạng Excel (bố cục như phụ lục của thông tư)",
    query: reportQuery,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  // narrative draft (issue 19)
  "reports.narrative": {
    method: "GET",
    path: "/reports/narrative.docx",
    tags,
    summary: "Tải dự thảo báo cáo bằng lời (.docx) viết từ số liệu các biểu của kỳ",
    query: narrativeQuery,
    response: { 200: fileResponse(DOCX_MIME, "Tệp Word"), ...errors },
  },
  // submissions (issue 19)
  "reports.submissions.list": {
    method: "GET",
    path: "/reports/submissions",
    tags,
    summary: "Các báo cáo đã lập của cơ quan mình và của các đơn vị trực thuộc gửi lên",
    query: submissionListQuery,
    response: { 200: submissionListView, ...listErrors },
  },
  // per-level deadlines (issue 19)
  "reports.submissions.timeliness": {
    method: "GET",
    path: "/reports/submissions/timeliness",
    tags,
    summary: "Hạn gửi báo cáo của từng đơn vị trực thuộc trong một kỳ và đơn vị nào gửi trễ hoặc chưa gửi",
    query: timelinessQuery,
    response: { 200: timelinessView, ...errors },
  },
  "reports.submissions.create": {
    method: "POST",
    path: "/reports/submissions",
    tags,
    summary: "Lưu báo cáo: tính biểu mẫu ngay và chốt số liệu (bản nháp; lần mới có lý do nếu đã gửi)",
    body: createSubmissionBody,
    response: { 200: submissionView, ...errors },
  },
  "reports.submissions.get": {
    method: "GET",
    path: "/reports/submissions/:id",
    tags,
    summary: "Một báo cáo đã lập với số liệu đã chốt",
    params: idParams,
    response: { 200: submissionView, ...errors },
  },
  "reports.submissions.submit": {
    method: "POST",
    path: "/reports/submissions/:id/submit",
    tags,
    summary: "Gửi báo cáo lên cơ quan cấp trên",
    params: idParams,
    body: submissionStepBody,
    response: { 200: submissionView, ...errors },
  },
  "reports.submissions.return": {
    method: "POST",
    path: "/reports/submissions/:id/return",
    tags,
    summary: "Cấp trên trả lại báo cáo, nêu lý do",
    params: idParams,
    body: returnSubmissionBody,
    response: { 200: submissionView, ...errors },
  },
  "reports.submissions.accept": {
    method: "POST",
    path: "/reports/submissions/:id/accept",
    tags,
    summary: "Cấp trên tiếp nhận báo cáo (khóa số liệu)",
    params: idParams,
    body: submissionStepBody,
    response: { 200: submissionView, ...errors },
  },
  // reporting graph and clusters (issue 19)
  "reports.lines.list": {
    method: "GET",
    path: "/reports/lines",
    tags,
    summary: "Quan hệ báo cáo (đơn vị nào báo cáo về cơ quan nào, từ ngày nào) trong phạm vi",
    response: { 200: reportingLineList, ...errors },
  },
  "reports.lines.create": {
    method: "POST",
    path: "/reports/lines",
    tags,
    summary: "Thêm quan hệ báo cáo của một đơn vị từ một ngày, có căn cứ",
    body: createLineBody,
    response: { 200: reportingLineView, ...errors },
  },
  "reports.lines.close": {
    method: "POST",
    path: "/reports/lines/:id/close",
    tags,
    summary: "Kết thúc quan hệ báo cáo vào một ngày, có căn cứ",
    params: idParams,
    body: closeLineBody,
    response: { 200: reportingLineView, ...errors },
  },
  "reports.clusters": {
    method: "GET",
    path: "/reports/clusters",
    tags,
    summary: "Các cụm thi đua người dùng được xem báo cáo toàn Cụm",
    query: clusterListQuery,
    response: { 200: clusterListView, ...errors },
  },
  // uploaded Excel forms of units not on the system (issue 19)
  "reports.blank": {
    method: "GET",
    path: "/reports/blank.xlsx",
    tags,
    summary: "Tải biểu mẫu trống (Excel) để đơn vị chưa dùng hệ thống điền số liệu của một kỳ",
    query: blankFormQuery,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  "reports.submissions.upload": {
    method: "POST",
    path: "/reports/submissions/upload",
    tags,
    summary:
      "Tải lên báo cáo đã điền trên biểu mẫu Excel: kiểm tra từng ô, lưu thành báo cáo nếu không có lỗi (danh sách lỗi nếu có)",
    body: uploadReportBody,
    response: { 200: uploadReportView, ...errors },
  },
  "reports.submissions.drilldown": {
    method: "GET",
    path: "/reports/submissions/:id/drilldown",
    tags,
    summary: "Danh sách hồ sơ tạo nên một số liệu của báo cáo đã gửi (các hồ sơ đã đếm khi lập báo cáo)",
    params: idParams,
    query: submissionDrilldownQuery,
    response: { 200: drilldownView, ...errors },
  },
  "reports.submissions.form": {
    method: "GET",
    path: "/reports/submissions/:id/form.xlsx",
    tags,
    summary: "Tải biểu mẫu Excel của báo cáo đã lập, với số liệu đã chốt",
    params: idParams,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  "reports.submissions.original": {
    method: "GET",
    path: "/reports/submissions/:id/original.xlsx",
    tags,
    summary: "Tải tệp Excel gốc của báo cáo đã tải lên",
    params: idParams,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  // manual cells of a form (issue 19, 06/QLKNTC)
  "reports.manualCells.get": {
    method: "GET",
    path: "/reports/manual-cells",
    tags,
    summary: "Các ô số liệu nhập tay của một biểu mẫu (06/QLKNTC) cho một cơ quan và một kỳ",
    query: manualCellsQuery,
    response: { 200: manualCellsView, ...errors },
  },
  "reports.manualCells.save": {
    method: "PUT",
    path: "/reports/manual-cells",
    tags,
    summary: "Nhập, sửa các ô số liệu nhập tay của một biểu mẫu cho một kỳ (để trống để xóa)",
    body: manualCellsBody,
    response: { 200: manualCellsView, ...errors },
  },
  // consolidated reports computed as a job with a progress bar (issue 19)
  "reports.jobs.start": {
    method: "POST",
    path: "/reports/jobs",
    tags,
    summary:
      "Bắt đầu tính báo cáo tổng hợp (cơ quan và các đơn vị trực thuộc, hoặc toàn Cụm) theo từng đơn vị, có tiến độ",
    body: reportJobBody,
    response: { 200: reportJobView, ...errors },
  },
  "reports.jobs.get": {
    method: "GET",
    path: "/reports/jobs/:id",
    tags,
    summary: "Tiến độ của việc tính báo cáo tổng hợp và, khi xong, biểu mẫu đã tính",
    params: idParams,
    response: { 200: reportJobView, ...errors },
  },
  // dashboard with charts (issue 19)
  "reports.dashboard": {
    method: "GET",
    path: "/reports/dashboard",
    tags,
    summary:
      "Bảng điều khiển báo cáo: số liệu theo kỳ, theo lĩnh vực, theo địa bàn, việc quá hạn, thu hồi; so với cùng kỳ năm trước",
    query: dashboardQuery,
    response: { 200: dashboardView, ...errors },
  },
});
