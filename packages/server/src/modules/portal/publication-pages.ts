/**
 * The portal's pages of published results (/cong-dan/cong-khai), open data (/cong-dan/du-lieu-mo)
 * and questions and answers (/cong-dan/hoi-dap): server-rendered, readable without JavaScript.
 */
import { PUBLICATION_KINDS, PUBLICATION_MIN_DAYS } from "@minhbach/domain/portal/publication";
import { SCHEDULE_KINDS } from "@minhbach/domain/api/reception-views";
import { dateTimeVn, dateVn, html, page } from "./html.ts";
import type { PublicFaq } from "./faq.ts";
import type { PublicItem, PublicSearch } from "./publications.ts";
import { PUBLIC_PAGE_SIZE } from "./publications.ts";

const KIND_CHOICES = Object.entries(PUBLICATION_KINDS) as [keyof typeof PUBLICATION_KINDS, string][];

function query(search: PublicSearch, page: number): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.kind) params.set("loai", search.kind);
  if (search.agencyCode) params.set("coQuan", search.agencyCode);
  if (page > 1) params.set("trang", String(page));
  const s = params.toString();
  return s ? `/cong-dan/cong-khai?${s}` : "/cong-dan/cong-khai";
}

export function publicationsPage(
  search: PublicSearch,
  result: { items: PublicItem[]; total: number },
  agencies: readonly { code: string; name: string }[] = [],
): string {
  const pages = Math.max(1, Math.ceil(result.total / PUBLIC_PAGE_SIZE));
  return page(
    { title: "Công khai kết quả giải quyết" },
    html`<h1>Công khai kết quả giải quyết khiếu nại, tố cáo và kết luận thanh tra</h1>
      <p>
        Quyết định giải quyết khiếu nại, kết luận nội dung tố cáo và kết luận thanh tra được công khai ít nhất
        ${PUBLICATION_MIN_DAYS} ngày liên tục. Thông tin cá nhân của người khiếu nại, người tố cáo đã được che.
      </p>
      <form method="get" action="/cong-dan/cong-khai" role="search" class="card">
        <label for="q">Tìm theo từ khóa</label>
        <p class="hint" id="q-hint">Gõ có dấu hoặc không dấu: tên cơ quan, số văn bản, nội dung.</p>
        <input type="text" id="q" name="q" value="${search.q}" aria-describedby="q-hint" maxlength="200" />
        <label for="loai">Loại kết quả</label>
        <select id="loai" name="loai">
          <option value="">Tất cả</option>
          ${KIND_CHOICES.map(
            ([value, label]) =>
              html`<option value="${value}" ${search.kind === value ? html`selected` : ""}>${label}</option>`,
          )}
        </select>
        <label for="coQuan">Cơ quan công khai</label>
        <select id="coQuan" name="coQuan">
          <option value="">Tất cả cơ quan</option>
          ${agencies.map(
            (a) =>
              html`<option value="${a.code}" ${search.agencyCode === a.code ? html`selected` : ""}>${a.name}</option>`,
          )}
        </select>
        <p><button type="submit">Tìm kiếm</button></p>
      </form>
      <p role="status">
        ${result.total ? `Tìm thấy ${result.total.toLocaleString("vi-VN")} kết quả.` : "Không có kết quả nào phù hợp."}
      </p>
      ${result.items.map(
        (item) =>
          html`<article class="card">
            <h2><a href="/cong-dan/cong-khai/${item.id}">${item.title}</a></h2>
            <dl>
              <dt>Cơ quan</dt>
              <dd>${item.agencyName}</dd>
              <dt>Loại</dt>
              <dd>${item.kindLabel}</dd>
              <dt>Số, ngày ban hành</dt>
              <dd>${item.symbol}, ${dateVn(item.issuedOn)}</dd>
              <dt>Ngày công khai</dt>
              <dd>${dateVn(item.publishedOn)} (đến hết ${dateVn(item.visibleUntil)})</dd>
            </dl>
          </article>`,
      )}
      ${
        pages > 1
          ? html`<nav aria-label="Trang kết quả">
              ${search.page > 1 ? html`<a href="${query(search, search.page - 1)}">Trang trước</a> ` : ""}
              <span>Trang ${search.page}/${pages}</span>
              ${search.page < pages ? html` <a href="${query(search, search.page + 1)}">Trang sau</a>` : ""}
            </nav>`
          : ""
      }`,
  );
}

export function publicationPage(item: PublicItem & { body: string }): string {
  return page(
    { title: item.title },
    html`<p><a href="/cong-dan/cong-khai">← Danh sách kết quả công khai</a></p>
      <h1>${item.title}</h1>
      <dl class="card">
        <dt>Cơ quan</dt>
        <dd>${item.agencyName}</dd>
        <dt>Loại</dt>
        <dd>${item.kindLabel}</dd>
        <dt>Số, ngày ban hành</dt>
        <dd>${item.symbol}, ${dateVn(item.issuedOn)}</dd>
        <dt>Ngày công khai</dt>
        <dd>${dateVn(item.publishedOn)} (đến hết ${dateVn(item.visibleUntil)})</dd>
      </dl>
      <section class="card" aria-label="Nội dung công khai">
        ${item.body.split(/\n+/).map((line) => (line.trim() ? html`<p>${line}</p>` : ""))}
      </section>`,
  );
}

export function openDataPage(year: number): string {
  const from = `${year}-01-01`;
  return page(
    { title: "Dữ liệu mở" },
    html`<h1>Dữ liệu mở</h1>
      <p>
        Số liệu tổng hợp theo cơ quan và kỳ, tính theo cùng chỉ tiêu của báo cáo định kỳ. Không có dữ liệu của từng đơn,
        từng người.
      </p>
      <h2>Đơn và vụ việc theo cơ quan</h2>
      <ul class="links">
        <li>
          <a href="/api/public/open-data/petitions?from=${from}">Năm ${year} đến nay, định dạng JSON</a>
        </li>
        <li>
          <a href="/api/public/open-data/petitions.csv?from=${from}">Năm ${year} đến nay, định dạng CSV</a>
          (mở bằng Excel, LibreOffice)
        </li>
      </ul>
      <p class="hint">
        Chọn kỳ và cơ quan bằng tham số: <code>from</code>, <code>to</code> (YYYY-MM-DD) và <code>coQuan</code> (mã cơ
        quan), ví dụ <code>?from=${year}-01-01&amp;to=${year}-06-30</code>.
      </p>
      <h2>Kế hoạch thanh tra, kiểm tra doanh nghiệp</h2>
      <ul class="links">
        <li><a href="/api/public/inspection-plans?year=${year}">Năm ${year}, định dạng JSON</a></li>
        <li><a href="/api/public/inspection-plans.csv?year=${year}">Năm ${year}, định dạng CSV</a></li>
        <li><a href="/api/public/inspection-plans.xlsx?year=${year}">Năm ${year}, định dạng Excel</a></li>
      </ul>`,
  );
}

export function faqPage(search: { q: string; agencyCode: string }, items: PublicFaq[]): string {
  return page(
    { title: "Hỏi đáp" },
    html`<h1>Câu hỏi thường gặp</h1>
      <form method="get" action="/cong-dan/hoi-dap" role="search" class="card">
        <label for="q">Tìm câu hỏi</label>
        <p class="hint" id="q-hint">Gõ có dấu hoặc không dấu.</p>
        <input type="text" id="q" name="q" value="${search.q}" aria-describedby="q-hint" maxlength="200" />
        ${search.agencyCode ? html`<input type="hidden" name="coQuan" value="${search.agencyCode}" />` : ""}
        <p><button type="submit">Tìm kiếm</button></p>
      </form>
      <p role="status">${items.length ? `${items.length} câu hỏi.` : "Không có câu hỏi nào phù hợp."}</p>
      ${items.map(
        (f) =>
          html`<details class="card">
            <summary><strong>${f.question}</strong> <span class="meta">— ${f.agencyName}</span></summary>
            ${f.answer.split(/\n+/).map((line) => (line.trim() ? html`<p>${line}</p>` : ""))}
          </details>`,
      )}`,
  );
}

/** One published reception day of an agency's leader, as the schedule page shows it. */
export interface ScheduleItem {
  leaderName: string;
  leaderTitle: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  kind: keyof typeof SCHEDULE_KINDS;
  status: "published" | "held" | "cancelled";
}

const SCHEDULE_STATUS = { published: "", held: "Đã tiếp", cancelled: "Đã hủy" } as const;

/**
 * "Lịch tiếp công dân": the days the heads of an agency receive citizens (published by the
 * agency), chosen by a GET form — no JavaScript — with the agency's iCal feed to subscribe to.
 */
export function schedulePage(
  agencies: readonly { code: string; name: string }[],
  chosen: { code: string; name: string; items: readonly ScheduleItem[] } | null,
): string {
  // dd/mm/yyyy and hh:mm in Vietnam time.
  const day = (iso: string) => dateTimeVn(new Date(iso)).slice(0, 10);
  const time = (iso: string) => dateTimeVn(new Date(iso)).slice(11);
  return page(
    { title: "Lịch tiếp công dân" },
    html`<h1>Lịch tiếp công dân của lãnh đạo</h1>
      <p>Ngày, giờ, địa điểm người đứng đầu cơ quan tiếp công dân định kỳ và đột xuất, do cơ quan công bố.</p>
      <form method="get" action="/cong-dan/lich-tiep" class="card">
        <label for="coQuan">Cơ quan</label>
        <select id="coQuan" name="coQuan">
          <option value="">— Chọn cơ quan —</option>
          ${agencies.map(
            (a) => html`<option value="${a.code}" ${chosen?.code === a.code ? html`selected` : ""}>${a.name}</option>`,
          )}
        </select>
        <p><button type="submit">Xem lịch</button></p>
      </form>
      ${
        chosen
          ? html`<h2>${chosen.name}</h2>
              <p>
                <a href="/api/public/reception-schedule.ics?agency=${chosen.code}"
                  >Thêm vào lịch của điện thoại (tệp iCal)</a
                >
                — lịch tự cập nhật khi cơ quan thay đổi.
              </p>
              ${
                chosen.items.length
                  ? html`<ul class="links">
                      ${chosen.items.map(
                        (i) =>
                          html`<li class="card">
                            <strong>${day(i.startsAt)}</strong>, ${time(i.startsAt)}–${time(i.endsAt)} · Tiếp
                            ${SCHEDULE_KINDS[i.kind]}
                            ${SCHEDULE_STATUS[i.status] ? html` · <strong>${SCHEDULE_STATUS[i.status]}</strong>` : ""}
                            <p class="meta">
                              ${i.leaderName}${i.leaderTitle ? html`, ${i.leaderTitle}` : ""} · ${i.place}
                            </p>
                          </li>`,
                      )}
                    </ul>`
                  : html`<p>Cơ quan chưa công bố lịch tiếp công dân trong thời gian tới.</p>`
              }`
          : ""
      }`,
  );
}
