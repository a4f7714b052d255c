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
  drilldownQuery,
  drilldownView,
  narrativeQuery,
  reportCatalogueQuery,
  reportCatalogueView,
  reportQuery,
  reportView,
} from "../reports.ts";
import { listErrors, recordErrors as errors } from "./errors.ts";
import { dashboardQuery, dashboardView } from "../reports-dashboard.ts";
import { FORM_CODES, SUBMISSION_STATUSES, TIMELINESS } from "../../reports/index.ts";
import { choiceOf } from "../zod-vi.ts";

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
