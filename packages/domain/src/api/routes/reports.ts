import { defineRoutes, fileResponse, XLSX_MIME } from "../contract.ts";
import {
  drilldownQuery,
  drilldownView,
  reportCatalogueQuery,
  reportCatalogueView,
  reportQuery,
  reportView,
} from "../reports.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Báo cáo định kỳ"];

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
});
