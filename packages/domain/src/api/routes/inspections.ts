import { attachmentList, attachmentView } from "../attachments.ts";
import { apiError, uuid } from "../common.ts";
import { defineRoutes, fileResponse, XLSX_MIME } from "../contract.ts";
import {
  closeRecommendationBody,
  createInspectionBody,
  decideInspectionBody,
  followUpActionBody,
  followUpDetail,
  followUpListItem,
  followUpListQuery,
  followUpSummary,
  followUpSummaryQuery,
  inspectionDashboard,
  inspectionDashboardQuery,
  inspectionDetail,
  inspectionListItem,
  inspectionListQuery,
  inspectionOverlapCheck,
  inspectionOverlapCheckBody,
  inspectionStepBody,
  recommendationBody,
  recoveryBody,
  removeFindingBody,
  sanctionBody,
  sanctionPaidBody,
  violationBody,
} from "../inspections.ts";
import { pageOf } from "../common.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Thanh tra, kiểm tra"];
const followTags = ["Theo dõi thực hiện kết luận thanh tra"];
const idParams = z.object({ id: uuid });
const itemParams = z.object({ id: uuid, itemId: uuid });

/** One inspection from decision to conclusion, its findings, and the follow-up of its recommendations (issue 17). */
export const INSPECTION_ROUTES = defineRoutes({
  "inspections.dashboard": {
    method: "GET",
    path: "/inspections/dashboard",
    tags,
    summary:
      "Số liệu cho trang chủ: cuộc thanh tra đang tiến hành, kết luận quá hạn, kiến nghị quá hạn hoặc sắp đến hạn (trong phạm vi được xem)",
    query: inspectionDashboardQuery,
    response: { 200: inspectionDashboard, ...errors },
  },
  "inspections.create": {
    method: "POST",
    path: "/inspections",
    tags,
    summary:
      "Lập dự thảo quyết định thanh tra, kiểm tra: loại, căn cứ (đột xuất, thanh tra lại), đối tượng, nội dung; kiểm tra trùng lặp trong năm",
    body: createInspectionBody,
    response: { 201: inspectionDetail, ...errors },
  },
  "inspections.overlapCheck": {
    method: "POST",
    path: "/inspections/overlap-check",
    tags,
    summary:
      "Kiểm tra trùng lặp khi đang lập dự thảo (chưa lưu): cùng đối tượng đã có trong kế hoạch hoặc cuộc thanh tra, kiểm tra của năm ở mọi cơ quan",
    body: inspectionOverlapCheckBody,
    response: { 200: inspectionOverlapCheck, ...errors },
  },
  "inspections.list": {
    method: "GET",
    path: "/inspections",
    tags,
    summary: "Danh sách cuộc thanh tra, kiểm tra: lọc theo năm, loại, giai đoạn, quá hạn",
    query: inspectionListQuery,
    response: { 200: pageOf(inspectionListItem), ...errors },
  },
  "inspections.get": {
    method: "GET",
    path: "/inspections/:id",
    tags,
    summary:
      "Chi tiết cuộc thanh tra: các bước và thời hạn (cách tính), đoàn thanh tra, trùng lặp, kết quả, kiến nghị, văn bản",
    params: idParams,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspections.decide": {
    method: "POST",
    path: "/inspections/:id/decision",
    tags,
    summary:
      "Ban hành quyết định thanh tra (lãnh đạo cơ quan): số, ngày, Trưởng đoàn, thành viên, người giám sát, kê khai xung đột lợi ích",
    params: idParams,
    body: decideInspectionBody,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspections.step": {
    method: "POST",
    path: "/inspections/:id/steps",
    tags,
    summary: "Thực hiện một bước của cuộc thanh tra theo đúng trình tự; kèm số phiên bản",
    params: idParams,
    body: inspectionStepBody,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspections.violations.add": {
    method: "POST",
    path: "/inspections/:id/violations",
    tags,
    summary: "Ghi nhận vi phạm của một đối tượng (Trưởng đoàn): loại, số tiền (đồng), diện tích đất (m²)",
    params: idParams,
    body: violationBody,
    response: { 201: inspectionDetail, ...errors },
  },
  "inspections.violations.remove": {
    method: "POST",
    path: "/inspections/:id/violations/:itemId/remove",
    tags,
    summary: "Xóa vi phạm đã ghi nhận (trước khi ký kết luận)",
    params: itemParams,
    body: removeFindingBody,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspections.sanctions.add": {
    method: "POST",
    path: "/inspections/:id/sanctions",
    tags,
    summary: "Ghi nhận quyết định xử phạt vi phạm hành chính: số, tổ chức hoặc cá nhân, tiền phạt, hình thức bổ sung",
    params: idParams,
    body: sanctionBody,
    response: { 201: inspectionDetail, ...errors },
  },
  "inspections.sanctions.paid": {
    method: "POST",
    path: "/inspections/:id/sanctions/:itemId/paid",
    tags,
    summary: "Ghi nhận đối tượng đã nộp tiền phạt",
    params: itemParams,
    body: sanctionPaidBody,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspections.recommendations.add": {
    method: "POST",
    path: "/inspections/:id/recommendations",
    tags,
    summary:
      "Ghi nhận kiến nghị của kết luận (Trưởng đoàn): thu hồi tiền, đất, xử lý kinh tế khác, kiểm điểm, chuyển cơ quan điều tra, sửa đổi chính sách",
    params: idParams,
    body: recommendationBody,
    response: { 201: inspectionDetail, ...errors },
  },
  "inspections.recommendations.remove": {
    method: "POST",
    path: "/inspections/:id/recommendations/:itemId/remove",
    tags,
    summary: "Xóa kiến nghị (trước khi ký kết luận)",
    params: itemParams,
    body: removeFindingBody,
    response: { 200: inspectionDetail, ...errors },
  },
  "inspectionFollowUp.list": {
    method: "GET",
    path: "/inspection-follow-up",
    tags: followTags,
    summary:
      "Danh sách kiến nghị theo dõi thực hiện: lọc quá hạn, số còn phải thu hồi, cơ quan, năm kết luận, tình trạng",
    query: followUpListQuery,
    // The total is exact up to 10.000 and says "more than" beyond (totalCapped).
    response: { 200: pageOf(followUpListItem).extend({ totalCapped: z.boolean() }), ...errors },
  },
  "inspectionFollowUp.export": {
    method: "GET",
    path: "/inspection-follow-up/export.xlsx",
    tags: followTags,
    summary: "Xuất Excel danh sách kiến nghị theo bộ lọc",
    query: followUpListQuery,
    response: { 200: fileResponse(XLSX_MIME, "Tệp Excel"), ...errors },
  },
  "inspectionFollowUp.summary": {
    method: "GET",
    path: "/inspection-follow-up/summary",
    tags: followTags,
    summary:
      "Số liệu kỳ báo cáo: kiến nghị thu hồi và đã thu hồi, trong đó đã thu hồi từ kết luận của các năm trước (đồng)",
    query: followUpSummaryQuery,
    response: { 200: followUpSummary, ...errors },
  },
  "inspectionFollowUp.get": {
    method: "GET",
    path: "/inspection-follow-up/:id",
    tags: followTags,
    summary: "Một kiến nghị: các lần thu hồi, đôn đốc, kiểm tra, tình trạng",
    params: idParams,
    response: { 200: followUpDetail, ...errors },
  },
  "inspectionFollowUp.recover": {
    method: "POST",
    path: "/inspection-follow-up/:id/recoveries",
    tags: followTags,
    summary: "Ghi nhận một lần thu hồi (ngày, số tiền, diện tích, chứng từ) hoặc việc đã thực hiện kiến nghị",
    params: idParams,
    body: recoveryBody,
    // The recovery just recorded: its evidence files are uploaded to it next.
    response: { 201: followUpDetail.extend({ recoveryId: z.string() }), ...errors },
  },
  "inspections.attachments.upload": {
    method: "POST",
    path: "/inspections/:id/attachments",
    tags,
    summary: "Tải tệp đính kèm lên hồ sơ cuộc thanh tra (biên bản làm việc, tài liệu thu thập) (multipart/form-data)",
    params: idParams,
    response: { 201: z.object({ items: z.array(attachmentView) }), 413: apiError, 415: apiError, ...errors },
  },
  "inspections.attachments.list": {
    method: "GET",
    path: "/inspections/:id/attachments",
    tags,
    summary: "Tệp đính kèm của cuộc thanh tra, giới hạn tải lên và thao tác được phép",
    params: idParams,
    response: { 200: attachmentList, ...errors },
  },
  "inspectionFollowUp.recoveries.attachments.upload": {
    method: "POST",
    path: "/inspection-follow-up/recoveries/:id/attachments",
    tags: followTags,
    summary: "Tải chứng từ của một lần thu hồi (biên lai, giấy nộp tiền, ủy nhiệm chi) (multipart/form-data)",
    params: idParams,
    response: { 201: z.object({ items: z.array(attachmentView) }), 413: apiError, 415: apiError, ...errors },
  },
  "inspectionFollowUp.recoveries.attachments.list": {
    method: "GET",
    path: "/inspection-follow-up/recoveries/:id/attachments",
    tags: followTags,
    summary: "Chứng từ của một lần thu hồi, giới hạn tải lên và thao tác được phép",
    params: idParams,
    response: { 200: attachmentList, ...errors },
  },
  "inspectionFollowUp.action": {
    method: "POST",
    path: "/inspection-follow-up/:id/actions",
    tags: followTags,
    summary: "Ghi nhận đôn đốc (lập văn bản đôn đốc) hoặc kiểm tra trực tiếp việc thực hiện kiến nghị",
    params: idParams,
    body: followUpActionBody,
    response: { 201: followUpDetail, ...errors },
  },
  "inspectionFollowUp.close": {
    method: "POST",
    path: "/inspection-follow-up/:id/close",
    tags: followTags,
    summary: "Kết thúc theo dõi kiến nghị theo quyết định của người có thẩm quyền",
    params: idParams,
    body: closeRecommendationBody,
    response: { 200: followUpDetail, ...errors },
  },
});
