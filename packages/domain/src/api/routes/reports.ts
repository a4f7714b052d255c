import { defineRoutes, DOCX_MIME, fileResponse, XLSX_MIME } from "../contract.ts";
import { uuid } from "../common.ts";
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
});
