import {
  agency,
  agencyDirectoryEntry,
  agencyGroup,
  agencyTreeQuery,
  createAgencyBody,
  updateAgencyBody,
} from "../agencies.ts";
import { uuid } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Tổ chức"];
const idParams = z.object({ id: uuid });

export const ORGANISATION_ROUTES = defineRoutes({
  "agencies.list": {
    method: "GET",
    path: "/agencies",
    tags,
    summary: "Cây cơ quan, đơn vị trong phạm vi của người dùng (danh sách phẳng có parentId)",
    query: agencyTreeQuery,
    response: { 200: z.object({ items: z.array(agency) }), ...errors },
  },
  "agencies.directory": {
    method: "GET",
    path: "/agencies/directory",
    tags,
    summary: "Danh bạ các cơ quan đang hoạt động trong hệ thống (chọn nơi chuyển đơn…)",
    response: { 200: z.object({ items: z.array(agencyDirectoryEntry) }), ...errors },
  },
  "agencies.get": {
    method: "GET",
    path: "/agencies/:id",
    tags,
    summary: "Một cơ quan, đơn vị",
    params: idParams,
    response: { 200: agency, ...errors },
  },
  "agencies.create": {
    method: "POST",
    path: "/agencies",
    tags,
    summary: "Tạo cơ quan, đơn vị",
    body: createAgencyBody,
    response: { 201: agency, ...errors },
  },
  "agencies.update": {
    method: "PATCH",
    path: "/agencies/:id",
    tags,
    summary: "Sửa tên, ngày kết thúc hiệu lực của cơ quan, đơn vị",
    params: idParams,
    body: updateAgencyBody,
    response: { 200: agency, ...errors },
  },
  "agencyGroups.list": {
    method: "GET",
    path: "/agency-groups",
    tags,
    summary: "Nhóm cơ quan ngoài cây tổ chức (cụm, khối thi đua)",
    response: { 200: z.object({ items: z.array(agencyGroup) }), ...errors },
  },
});
