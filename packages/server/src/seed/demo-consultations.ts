/**
 * Demo data for `npm start` (issue 20): one draft regulation of the Department of Industry and
 * Trade open for public comment on the portal, with a comment published under its passage and
 * one waiting for the officer's moderation. Everything goes through the services (audited), as
 * the leader "lanhdao" would do it; the comments as the portal posts them.
 */
import { todayInVietnam } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import {
  createConsultation,
  moderateComment,
  openConsultation,
  postComment,
} from "../modules/consultations/service.ts";
import { authOf } from "./seed-auth.ts";

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Dữ liệu trình diễn" };

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const DEMO_DRAFT = [
  "Quy định về quản lý, phát triển và kinh doanh khai thác chợ trên địa bàn tỉnh Lào Cai",
  "Chương I",
  "QUY ĐỊNH CHUNG",
  "Điều 1. Phạm vi điều chỉnh",
  "Quy định này quy định về phân hạng, quản lý, phát triển và kinh doanh khai thác chợ trên địa bàn tỉnh.",
  "Điều 2. Đối tượng áp dụng",
  "1. Ủy ban nhân dân các xã, phường; doanh nghiệp, hợp tác xã kinh doanh khai thác và quản lý chợ.",
  "2. Thương nhân kinh doanh tại chợ và tổ chức, cá nhân có liên quan.",
  "Chương II",
  "QUẢN LÝ CHỢ",
  "Điều 3. Giờ hoạt động của chợ",
  "1. Chợ hoạt động từ 5 giờ đến 19 giờ hằng ngày.",
  "2. Chợ đêm, chợ phiên vùng cao hoạt động theo nội quy do Ủy ban nhân dân cấp xã phê duyệt.",
  "Điều 4. Phòng cháy, chữa cháy và vệ sinh môi trường",
  "1. Ban quản lý chợ bố trí lối thoát nạn, phương tiện chữa cháy theo quy định.",
  "2. Rác thải được thu gom trong ngày; không để rác qua đêm trong khu vực chợ.",
].join("\n");

export async function seedDemoConsultations(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  if (await db.selectFrom("consultation").select("id").limit(1).executeTakeFirst()) return 0;
  const leader = await authOf(db, "lanhdao");
  if (!leader) return 0;
  const actor: Actor = { ...ACTOR, userId: leader.userId, name: leader.fullName, agencyId: leader.agencyId };
  const created = await createConsultation(db, leader, actor, {
    agencyId: leader.agencyId,
    title: "Dự thảo Quyết định ban hành Quy định quản lý, phát triển và kinh doanh khai thác chợ",
    field: "Công thương",
    opensOn: addDays(today, -5),
    closesOn: addDays(today, 25),
    summaryDueOn: addDays(today, 40),
    text: DEMO_DRAFT,
  });
  await openConsultation(db, leader, actor, created.id);
  const first = await postComment(
    db,
    created.id,
    {
      anchor: "dieu-3-khoan-2",
      quote: "chợ phiên vùng cao",
      body: "Đề nghị quy định rõ giờ họp chợ phiên Bắc Hà, Cán Cấu vào sáng Chủ nhật để bà con sắp xếp.",
      authorName: "Giàng Seo Phử",
    },
    "demo-seed-1",
    "127.0.0.1",
  );
  await postComment(
    db,
    created.id,
    {
      anchor: "dieu-4-khoan-2",
      body: "Cần bố trí thêm điểm tập kết rác có mái che ở các chợ vùng cao.",
      contact: "0912 345 678",
    },
    "demo-seed-2",
    "127.0.0.1",
  );
  if (first.ok) {
    const view = await db
      .selectFrom("consultation_comment")
      .select("id")
      .where("consultation_id", "=", created.id)
      .where("number", "=", first.number)
      .executeTakeFirstOrThrow();
    await moderateComment(db, leader, actor, created.id, view.id, { decision: "publish" });
  }
  return 1;
}
