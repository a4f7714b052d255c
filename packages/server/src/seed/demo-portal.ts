/**
 * Demo data for `npm start` (issue 20): frequent questions for each demo agency with an officer
 * who keeps them (reception.write), and the newest issued complaint decision, denunciation
 * conclusion or inspection conclusion of the demo published on the portal for its window. Both go
 * through the services (audited, the publication's text masked and checked), as an officer of the
 * agency would do it.
 */
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { PUBLISHABLE_FORMS } from "@minhbach/domain/portal/publication";
import type { Permission } from "@minhbach/domain";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { can, type AuthContext } from "../platform/access.ts";
import { SYSTEM_ACTOR, type Actor } from "../platform/audit.ts";
import { createFaq } from "../modules/portal/faq.ts";
import { proposePublication, publish } from "../modules/portal/publications.ts";
import { authOf } from "./seed-auth.ts";

const FAQ: readonly { question: string; answer: string }[] = [
  {
    question: "Tôi có thể gửi đơn khiếu nại, tố cáo qua mạng không?",
    answer:
      "Có. Gửi đơn tại trang Gửi đơn của cổng thông tin: chọn cơ quan nhận đơn, ghi nội dung và đính kèm tài liệu (nếu có). Sau khi gửi, bạn nhận một mã tra cứu 16 chữ số để theo dõi tình trạng đơn, không cần tài khoản.",
  },
  {
    question: "Bao lâu thì cơ quan trả lời đơn của tôi?",
    answer:
      "Trong 10 ngày kể từ ngày nhận đơn, cơ quan xem xét, phân loại và thông báo thụ lý, hướng dẫn hoặc chuyển đơn. Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày kể từ ngày thụ lý (vụ việc phức tạp không quá 45 ngày); tố cáo không quá 30 ngày kể từ ngày thụ lý, có thể gia hạn theo luật.",
  },
  {
    question: "Tôi bị mất mã tra cứu thì làm thế nào?",
    answer:
      "Mã tra cứu không được cấp lại vì hệ thống không lưu mã dưới dạng đọc được. Bạn liên hệ nơi tiếp công dân của cơ quan, mang theo giấy tờ tùy thân, để được thông tin về đơn đã gửi.",
  },
  {
    question: "Danh tính người tố cáo có được giữ bí mật không?",
    answer:
      "Có. Họ tên, địa chỉ, bút tích và thông tin cá nhân khác của người tố cáo được giữ bí mật theo Điều 47 Luật Tố cáo năm 2018; trên hệ thống, các thông tin này được mã hóa ngay khi đơn được gửi.",
  },
];

function actorOf(auth: AuthContext): Actor {
  return { ...SYSTEM_ACTOR, userId: auth.userId, name: auth.fullName, agencyId: auth.agencyId };
}

/** A user of the agency holding the permission (the first by name), as the services need one. */
async function officerOf(db: Kysely<DB>, agencyId: string, permission: Permission): Promise<AuthContext | null> {
  const users = await db
    .selectFrom("app_user")
    .select("username")
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .orderBy("username")
    .execute();
  for (const u of users) {
    const auth = await authOf(db, u.username);
    if (auth && can(auth, permission)) return auth;
  }
  return null;
}

/** Seeds the portal's FAQ and one publication; returns what it made. Runs once (on an empty FAQ). */
export async function seedDemoPortal(db: Kysely<DB>): Promise<{ faq: number; published: number }> {
  const made = { faq: 0, published: 0 };
  if (await db.selectFrom("portal_faq").select("id").limit(1).executeTakeFirst()) return made;
  const agencies = await db
    .selectFrom("agency")
    .select(["id", "code"])
    .where("code", "in", ["LC.SCT", "LC.SNNMT", "LC.TT"])
    .orderBy("code")
    .execute();
  for (const agency of agencies) {
    const officer = await officerOf(db, agency.id, "reception.write");
    if (!officer) continue;
    for (const [position, item] of FAQ.entries()) {
      await createFaq(db, officer, actorOf(officer), { agencyId: agency.id, ...item, position: position + 1 });
      made.faq += 1;
    }
  }

  // The newest publishable paper of the demo that an officer of its agency may publish.
  const papers = await db
    .selectFrom("official_document")
    .select(["id", "agency_id"])
    .where("status", "=", "issued")
    .where("form_code", "in", Object.keys(PUBLISHABLE_FORMS))
    .orderBy("issued_on", "desc")
    .limit(10)
    .execute();
  for (const paper of papers) {
    const officer = await officerOf(db, paper.agency_id, "document.issue");
    if (!officer) continue;
    try {
      const proposal = await proposePublication(db, officer, paper.id);
      await publish(db, officer, actorOf(officer), {
        documentId: paper.id,
        title: proposal.title,
        body: proposal.body,
        visibleUntil: addDays(proposal.minVisibleUntil, 15),
      });
      made.published += 1;
      break;
    } catch {
      // A paper without a text to publish (recorded as issued outside the system): try the next.
      continue;
    }
  }
  return made;
}
