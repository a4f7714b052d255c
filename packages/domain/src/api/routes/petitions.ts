import { pageOf, uuid } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import {
  awaitingItem,
  duplicateMatch,
  petitionDetail,
  petitionFieldItem,
  petitionIdentity,
  petitionListItem,
  petitionOverviewView,
  searchedAs,
} from "../petition-views.ts";
import {
  applyOutcomeBody,
  classifyPetitionBody,
  closeGuidedBody,
  createPetitionBody,
  destroyPetitionBody,
  dispatchPetitionBody,
  duplicateProbeBody,
  joinMatterBody,
  petitionListQuery,
  recordFeedbackBody,
  urgePetitionBody,
} from "../petitions.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Xử lý đơn"];
const idParams = z.object({ id: uuid });
const created = z.object({ id: z.string(), code: z.string() });
const stepResult = z.object({
  petition: petitionDetail,
  transferredTo: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** The draft the step wrote: the urging letter (DD), the destruction decision (QD-HUY). */
  documentId: z.string().nullable(),
});

export const PETITION_ROUTES = defineRoutes({
  "petitions.identity": {
    method: "GET",
    path: "/petitions/:id/identity",
    tags,
    summary:
      "Xem danh tính người viết đơn. Với đơn tố cáo: chỉ người được giao giải quyết hoặc được lãnh đạo phê duyệt; mọi lần xem được ghi nhật ký",
    params: idParams,
    response: { 200: petitionIdentity, ...errors },
  },
  "petitions.create": {
    method: "POST",
    path: "/petitions",
    tags,
    summary: "Tiếp nhận đơn từ mọi nguồn vào sổ của cơ quan",
    body: createPetitionBody,
    response: { 201: created, ...errors },
  },
  "petitions.list": {
    method: "GET",
    path: "/petitions",
    tags,
    summary:
      "Danh sách đơn: lọc theo trạng thái, loại, lĩnh vực, nguồn, thời gian, sắp đến hạn, quá hạn; tìm không dấu",
    query: petitionListQuery,
    response: {
      200: pageOf(petitionListItem).extend({ totalCapped: z.boolean(), searchedAs: searchedAs.nullable() }),
      ...errors,
    },
  },
  "petitions.overview": {
    method: "GET",
    path: "/petitions/overview",
    tags,
    summary: "Số liệu đơn cho trang tổng quan (đang xử lý, quá hạn, sắp đến hạn, mới trong tuần)",
    response: { 200: petitionOverviewView, ...errors },
  },
  "petitions.awaiting": {
    method: "GET",
    path: "/petitions/awaiting",
    tags,
    summary: "Đơn đã chuyển, đã hướng dẫn đang chờ trả lời (để đôn đốc)",
    response: { 200: z.object({ items: z.array(awaitingItem) }), ...errors },
  },
  "petitions.findDuplicates": {
    method: "POST",
    path: "/petitions/duplicates",
    tags,
    summary: "Tìm đơn trùng trước khi lưu: cùng người, cùng đối tượng, nội dung tương tự (toàn hệ thống)",
    body: duplicateProbeBody,
    response: { 200: z.object({ items: z.array(duplicateMatch) }), ...errors },
  },
  "petitions.fields": {
    method: "GET",
    path: "/petitions/fields",
    tags,
    summary: "Danh mục lĩnh vực",
    response: { 200: z.object({ items: z.array(petitionFieldItem) }), ...errors },
  },
  "petitions.get": {
    method: "GET",
    path: "/petitions/:id",
    tags,
    summary: "Hồ sơ đơn: diễn biến, thời hạn, văn bản, hướng xử lý được phép",
    params: idParams,
    response: { 200: petitionDetail, ...errors },
  },
  "petitions.duplicates": {
    method: "GET",
    path: "/petitions/:id/duplicates",
    tags,
    summary: "Đơn có thể trùng với đơn này",
    params: idParams,
    response: { 200: z.object({ items: z.array(duplicateMatch) }), ...errors },
  },
  "petitions.joinMatter": {
    method: "POST",
    path: "/petitions/:id/matter",
    tags,
    summary: "Xác nhận đơn trùng: ghép vào cùng vụ việc với đơn khác",
    params: idParams,
    body: joinMatterBody,
    response: { 200: petitionDetail, ...errors },
  },
  "petitions.classify": {
    method: "POST",
    path: "/petitions/:id/classify",
    tags,
    summary: "Phân loại đơn theo nội dung và đánh giá điều kiện xử lý (Điều 6 Thông tư 05/2021/TT-TTCP)",
    params: idParams,
    body: classifyPetitionBody,
    response: { 200: petitionDetail, ...errors },
  },
  "petitions.outcome": {
    method: "POST",
    path: "/petitions/:id/outcome",
    tags,
    summary: "Quyết định hướng xử lý đơn; tạo dự thảo văn bản theo mẫu",
    params: idParams,
    body: applyOutcomeBody,
    response: { 200: z.object({ petition: petitionDetail, documentId: z.string().nullable() }), ...errors },
  },
  "petitions.dispatch": {
    method: "POST",
    path: "/petitions/:id/dispatch",
    tags,
    summary: "Gửi phiếu chuyển đơn (chuyển vào hộp đơn của cơ quan nhận nếu dùng chung hệ thống)",
    params: idParams,
    body: dispatchPetitionBody,
    response: { 200: stepResult, ...errors },
  },
  "petitions.urge": {
    method: "POST",
    path: "/petitions/:id/urge",
    tags,
    summary: "Đôn đốc trả lời đơn đã chuyển, đã hướng dẫn",
    params: idParams,
    body: urgePetitionBody,
    response: { 200: stepResult, ...errors },
  },
  "petitions.feedback": {
    method: "POST",
    path: "/petitions/:id/feedback",
    tags,
    summary: "Ghi nhận phản hồi kết quả của cơ quan nhận đơn",
    params: idParams,
    body: recordFeedbackBody,
    response: { 200: stepResult, ...errors },
  },
  "petitions.close": {
    method: "POST",
    path: "/petitions/:id/close",
    tags,
    summary: "Kết thúc theo dõi đơn đã hướng dẫn",
    params: idParams,
    body: closeGuidedBody,
    response: { 200: stepResult, ...errors },
  },
  "petitions.destroy": {
    method: "POST",
    path: "/petitions/:id/destroy",
    tags,
    summary: "Tiêu hủy đơn đã hết thời hạn lưu theo quyết định",
    params: idParams,
    body: destroyPetitionBody,
    response: { 200: stepResult, ...errors },
  },
});
