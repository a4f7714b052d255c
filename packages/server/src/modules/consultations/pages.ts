/**
 * The portal's pages for draft regulations open to public comment (/cong-dan/du-thao): the list,
 * a draft passage by passage with the published comments under each passage and their count, the
 * comment form and, once published, how the drafting body handled the comments. Readable without
 * JavaScript; only the comment form needs the portal's script (the proof of work).
 */
import {
  COMMENT_LABELS,
  COMMENT_LIMITS,
  PHASE_LABELS,
  RESPONSE_OUTCOME_LABELS,
  type CommentField,
  type CommentProblem,
  type Phase,
} from "@minhbach/domain/consultations/index";
import { diffWords } from "diff";
import { dateTimeVn, dateVn, html, page, type Html } from "../portal/html.ts";
import type { PublicComparison, PublicConsultation } from "./service.ts";

export const BASE = "/cong-dan/du-thao";

function phaseLine(c: { phase: Phase; opensOn: string; closesOn: string }): Html {
  return html`<p class="meta">
    <strong>${PHASE_LABELS[c.phase]}</strong> · Lấy ý kiến từ ${dateVn(c.opensOn)} đến hết ${dateVn(c.closesOn)}
  </p>`;
}

export function listPage(
  items: {
    id: string;
    agencyName: string;
    title: string;
    field: string | null;
    opensOn: string;
    closesOn: string;
    phase: Phase;
  }[],
): string {
  return page(
    { title: "Lấy ý kiến dự thảo văn bản" },
    html`<h1>Lấy ý kiến dự thảo văn bản</h1>
      <p>
        Đọc toàn văn dự thảo, góp ý vào từng điều, khoản mà không cần tài khoản, và xem cơ quan soạn thảo tiếp thu, giải
        trình các góp ý.
      </p>
      ${
        items.length
          ? html`<ul class="links">
              ${items.map(
                (c) =>
                  html`<li class="card">
                    <a href="${BASE}/${c.id}">${c.title}</a>
                    <p class="meta">${c.agencyName}${c.field ? html` · Lĩnh vực: ${c.field}` : ""}</p>
                    ${phaseLine(c)}
                  </li>`,
              )}
            </ul>`
          : html`<p>Hiện chưa có dự thảo nào được đăng để lấy ý kiến.</p>`
      }`,
  );
}

export function viewPage(c: PublicConsultation, notice: string | null = null): string {
  const open = c.phase === "open";
  const current = c.versionNumber === c.versions[c.versions.length - 1];
  const byAnchor = new Map<string, PublicConsultation["comments"]>();
  for (const m of c.comments) byAnchor.set(m.anchor, [...(byAnchor.get(m.anchor) ?? []), m]);
  const shownAnchors = new Set(c.passages.map((p) => p.anchor));
  const elsewhere = c.comments.filter((m) => !shownAnchors.has(m.anchor));
  const outcomeOf = new Map(c.responses.map((r) => [r.id, r]));
  const comment = (m: PublicConsultation["comments"][number]) => {
    const r = m.responseId ? outcomeOf.get(m.responseId) : undefined;
    return html`<li class="msg citizen" id="gop-y-${m.number}">
      <div class="meta">
        Góp ý số ${m.number} · ${m.authorName ?? "Người góp ý không nêu tên"} · ${dateTimeVn(m.createdAt)}
      </div>
      ${m.quote ? html`<blockquote><p>“${m.quote}”</p></blockquote>` : ""}
      <p>${m.body}</p>
      ${r ? html`<p class="meta">Kết quả: <a href="#tiep-thu">${RESPONSE_OUTCOME_LABELS[r.outcome]}</a></p>` : ""}
    </li>`;
  };
  return page(
    { title: c.title, script: open },
    html`<p><a href="${BASE}">← Các dự thảo lấy ý kiến</a></p>
      <h1>${c.title}</h1>
      <p class="meta">Cơ quan soạn thảo: ${c.agencyName}${c.field ? html` · Lĩnh vực: ${c.field}` : ""}</p>
      ${phaseLine(c)} ${notice ? html`<div class="card" role="status"><p>${notice}</p></div>` : ""}
      ${
        c.phase === "drafting"
          ? html`<p class="warn">Dự thảo chưa đến ngày nhận góp ý (từ ${dateVn(c.opensOn)}).</p>`
          : ""
      }
      ${
        c.phase === "closed"
          ? html`<p class="warn">
              Đã hết thời gian góp ý. Kết quả tiếp thu, giải trình sẽ được công bố tại trang
              này${c.summaryDueOn ? html` (dự kiến ${dateVn(c.summaryDueOn)})` : ""}.
            </p>`
          : ""
      }
      ${c.phase === "summary_published" ? summarySection(c) : ""}
      <h2 id="toan-van">Toàn văn dự thảo — phiên bản ${c.versionNumber}</h2>
      ${
        c.versions.length > 1
          ? html`<nav aria-label="Các phiên bản của dự thảo">
              <p>
                Phiên bản:
                ${c.versions.map((n) =>
                  n === c.versionNumber
                    ? html`<strong aria-current="page">${n}</strong> `
                    : html`<a href="${BASE}/${c.id}?phienBan=${n}">${n}</a> `,
                )}
              </p>
              <p>
                <a
                  href="${BASE}/${c.id}/so-sanh${c.versionNumber > c.versions[0]! ? `?tu=${c.versions[c.versions.indexOf(c.versionNumber) - 1]}&den=${c.versionNumber}` : ""}"
                  >So sánh các phiên bản</a
                >
              </p>
            </nav>`
          : ""
      }
      ${
        open && current
          ? html`<p class="hint">
              Chọn “Góp ý đoạn này” dưới điều, khoản bạn muốn góp ý. Nếu bôi đen một câu trước khi chọn, câu đó được
              trích kèm góp ý.
            </p>`
          : ""
      }
      ${c.passages.map((p) => {
        const list = current ? (byAnchor.get(p.anchor) ?? []) : [];
        const strong = p.kind === "chapter" || p.kind === "article";
        return html`<section class="card passage" id="${p.anchor}" aria-labelledby="t-${p.anchor}">
          <p id="t-${p.anchor}" data-passage="${p.anchor}">${strong ? html`<strong>${p.text}</strong>` : p.text}</p>
          <p class="meta">
            ${p.label} · ${list.length} góp ý đã
            đăng${
              open && current
                ? html` ·
                    <a href="${BASE}/${c.id}/gop-y?doan=${p.anchor}" data-comment-link="${p.anchor}"
                      >Góp ý đoạn này<span class="skip"> (${p.label})</span></a
                    >`
                : ""
            }
          </p>
          ${
            list.length
              ? html`<ul class="comments" aria-label="Góp ý về ${p.label}">
                  ${list.map(comment)}
                </ul>`
              : ""
          }
        </section>`;
      })}
      ${
        elsewhere.length && current
          ? html`<h2>Góp ý về các đoạn không còn trong phiên bản này</h2>
              <ul class="comments">
                ${elsewhere.map(comment)}
              </ul>`
          : ""
      }`,
  );
}

function summarySection(c: PublicConsultation): Html {
  return html`<section class="card" id="tiep-thu" aria-labelledby="h-tiep-thu">
    <h2 id="h-tiep-thu">Kết quả tiếp thu, giải trình</h2>
    <p class="meta">
      Công bố ${c.summaryPublishedAt ? dateTimeVn(c.summaryPublishedAt) : ""} · ${c.comments.length} góp ý đã đăng
    </p>
    ${
      c.responses.length
        ? html`<ol>
            ${c.responses.map(
              (r) =>
                html`<li>
                  <p>
                    <strong>${RESPONSE_OUTCOME_LABELS[r.outcome]}</strong> — góp ý số
                    ${r.commentNumbers.map((n, i) => html`${i ? ", " : ""}<a href="#gop-y-${n}">${n}</a>`)}
                  </p>
                  <p>${r.explanation}</p>
                </li>`,
            )}
          </ol>`
        : html`<p>Không có góp ý nào được đăng.</p>`
    }
  </section>`;
}

export interface CommentFormState {
  anchor: string;
  quote: string;
  body: string;
  authorName: string;
  contact: string;
  problems: readonly CommentProblem[];
  general: string | null;
}

export function commentPage(c: PublicConsultation, challenge: string, f: CommentFormState): string {
  const problem = (field: CommentField) => f.problems.find((p) => p.field === field);
  const err = (field: CommentField) => {
    const p = problem(field);
    return p ? html`<p class="err" id="e-${field}">${p.message}</p>` : "";
  };
  const invalid = (field: CommentField) => (problem(field) ? html` aria-invalid="true"` : "");
  const describedBy = (field: CommentField, hint?: string) => {
    const ids = [hint, problem(field) ? `e-${field}` : null].filter(Boolean).join(" ");
    return ids ? html` aria-describedby="${ids}"` : "";
  };
  const chosen = c.passages.find((p) => p.anchor === f.anchor);
  const general = [f.general, ...f.problems.filter((p) => p.field === "consultation").map((p) => p.message)].filter(
    (x): x is string => !!x,
  );
  const fieldProblems = f.problems.filter((p) => p.field !== "consultation");
  return page(
    { title: `Góp ý dự thảo: ${c.title}`, script: true },
    html`<p><a href="${BASE}/${c.id}${chosen ? `#${chosen.anchor}` : ""}">← Về toàn văn dự thảo</a></p>
      <h1>Góp ý dự thảo</h1>
      <p><strong>${c.title}</strong></p>
      ${phaseLine(c)}
      ${
        general.length || fieldProblems.length
          ? html`<div class="summary" role="alert" tabindex="-1" id="loi">
              <p><strong>Chưa gửi được góp ý:</strong></p>
              <ul>
                ${general.map((m) => html`<li>${m}</li>`)}
                ${fieldProblems.map((p) => html`<li><a href="#f-${p.field}">${p.message}</a></li>`)}
              </ul>
            </div>`
          : ""
      }
      ${
        chosen
          ? html`<div class="card">
              <p class="meta">${chosen.label}</p>
              <p>${chosen.text}</p>
            </div>`
          : ""
      }
      <form id="gop-y" method="post" action="${BASE}/${c.id}/gop-y" data-pow="góp ý" novalidate>
        <input type="hidden" name="pow" value="${challenge}" />
        <input type="hidden" name="nonce" value="" />
        <label for="f-anchor">${COMMENT_LABELS.anchor}</label>
        <select id="f-anchor" name="anchor" ${invalid("anchor")} ${describedBy("anchor")}>
          <option value="">— Chọn điều, khoản, đoạn —</option>
          ${c.passages.map(
            (p) =>
              html`<option value="${p.anchor}" ${p.anchor === f.anchor ? html`selected` : ""}>
                ${p.label}: ${p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
              </option>`,
          )}
        </select>
        ${err("anchor")}
        <label for="f-quote">${COMMENT_LABELS.quote} (không bắt buộc)</label>
        <p class="hint" id="h-quote">Câu, cụm từ của dự thảo mà bạn góp ý, nếu muốn trích.</p>
        <textarea
          id="f-quote"
          name="quote"
          rows="2"
          style="min-height:4rem"
          maxlength="${COMMENT_LIMITS.quote}"
          ${invalid("quote")}
          ${describedBy("quote", "h-quote")}
        >
${f.quote}</textarea>
        ${err("quote")}
        <label for="f-body">${COMMENT_LABELS.body}</label>
        <textarea
          id="f-body"
          name="body"
          maxlength="${COMMENT_LIMITS.body}"
          required
          ${invalid("body")}
          ${describedBy("body")}
        >
${f.body}</textarea>
        ${err("body")}
        <label for="f-authorName">${COMMENT_LABELS.authorName} (không bắt buộc)</label>
        <p class="hint" id="h-authorName">Tên này được đăng công khai cùng góp ý; để trống nếu không muốn nêu tên.</p>
        <input
          type="text"
          id="f-authorName"
          name="authorName"
          value="${f.authorName}"
          autocomplete="name"
          maxlength="${COMMENT_LIMITS.name}"
          ${invalid("authorName")}
          ${describedBy("authorName", "h-authorName")}
        />
        ${err("authorName")}
        <label for="f-contact">${COMMENT_LABELS.contact} (không bắt buộc)</label>
        <p class="hint" id="h-contact">
          Thư điện tử hoặc số điện thoại để cơ quan soạn thảo liên hệ khi cần. Không bao giờ được công khai; được mã hóa
          khi lưu.
        </p>
        <input
          type="text"
          id="f-contact"
          name="contact"
          value="${f.contact}"
          maxlength="${COMMENT_LIMITS.contact}"
          ${invalid("contact")}
          ${describedBy("contact", "h-contact")}
        />
        ${err("contact")}
        <p class="hint">Góp ý được cán bộ duyệt trước khi đăng công khai dưới đoạn được góp ý.</p>
        <p id="pow-status" role="status" aria-live="polite" class="hint"></p>
        <noscript
          ><p class="warn">
            Trang cần JavaScript để thực hiện một phép tính nhỏ chống gửi tự động (thay cho mã xác nhận hình ảnh). Vẫn
            đọc được toàn văn dự thảo và các góp ý không cần JavaScript.
          </p></noscript
        >
        <p><button type="submit">Gửi góp ý</button></p>
      </form>`,
  );
}

export function thanksPage(c: PublicConsultation, number: number): string {
  return page(
    { title: "Đã nhận góp ý" },
    html`<h1>Đã nhận góp ý số ${number}</h1>
      <div class="card" role="status">
        <p>
          Cảm ơn bạn đã góp ý dự thảo “${c.title}”. Góp ý sẽ được đăng dưới đoạn được góp ý sau khi cán bộ duyệt; kết
          quả tiếp thu, giải trình được công bố trên trang dự thảo sau khi kết thúc lấy ý kiến.
        </p>
      </div>
      <p><a href="${BASE}/${c.id}">Về toàn văn dự thảo</a></p>`,
  );
}

/** The words of a changed passage: what the newer version dropped and added, marked for every reader. */
function wordDiff(before: string, after: string): Html[] {
  return diffWords(before, after).map((part) =>
    part.added
      ? html`<ins><span class="sr">[thêm: </span>${part.value}<span class="sr">]</span></ins>`
      : part.removed
        ? html`<del><span class="sr">[bỏ: </span>${part.value}<span class="sr">]</span></del>`
        : html`${part.value}`,
  );
}

const CHANGE_LABELS = { changed: "Sửa đổi", added: "Bổ sung", removed: "Bỏ" } as const;

/** Two versions of a draft, passage by passage: only what changed, the words marked. */
export function comparePage(c: PublicComparison): string {
  const changed = c.changes.filter((x) => x.change !== "same");
  const same = c.changes.length - changed.length;
  const select = (name: string, label: string, value: number) =>
    html`<label for="f-${name}">${label}</label>
      <select id="f-${name}" name="${name}">
        ${c.versions.map((n) => html`<option value="${n}" ${n === value ? html`selected` : ""}>Phiên bản ${n}</option>`)}
      </select>`;
  return page(
    { title: `So sánh phiên bản — ${c.title}` },
    html`<p><a href="${BASE}/${c.id}">← Về dự thảo</a></p>
      <h1>So sánh các phiên bản dự thảo</h1>
      <p>${c.title}</p>
      <p class="meta">Cơ quan soạn thảo: ${c.agencyName}</p>
      <form method="get" action="${BASE}/${c.id}/so-sanh" class="card">
        ${select("tu", "Từ phiên bản", c.from)} ${select("den", "Đến phiên bản", c.to)}
        <p><button type="submit">So sánh</button></p>
      </form>
      <p role="status">
        Phiên bản ${c.to} so với phiên bản ${c.from}: ${changed.length} đoạn thay đổi, ${same} đoạn giữ nguyên.
      </p>
      <p class="hint">
        Các đoạn được đối chiếu theo số điều, khoản, điểm của dự thảo. Chữ <ins>gạch chân, nền xanh</ins> là phần thêm;
        chữ <del>gạch ngang, nền đỏ</del> là phần bỏ.
      </p>
      ${changed.map(
        (x) =>
          html`<section class="card passage" aria-labelledby="s-${x.anchor}">
            <h2 id="s-${x.anchor}" class="meta">
              ${x.label} — ${CHANGE_LABELS[x.change as keyof typeof CHANGE_LABELS]}
            </h2>
            <p>
              ${
                x.change === "changed"
                  ? wordDiff(x.before!, x.after!)
                  : x.change === "added"
                    ? html`<ins><span class="sr">[thêm: </span>${x.after}<span class="sr">]</span></ins>`
                    : html`<del><span class="sr">[bỏ: </span>${x.before}<span class="sr">]</span></del>`
              }
            </p>
          </section>`,
      )}`,
  );
}
