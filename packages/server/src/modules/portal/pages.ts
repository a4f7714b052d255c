/** The portal's pages: home, filing form, receipt, code form, tracking page, error page. */
import { fieldCatalog } from "@minhbach/domain";
import { AGENCY_KINDS } from "@minhbach/domain/api/agencies";
import {
  ANONYMOUS_WARNING,
  NOTIFY_EMAIL_HINT,
  competenceHint,
  FILER_TYPES,
  FILING_LABELS,
  formatReceiptCode,
  GENERAL_COMPETENCE_HINT,
  PORTAL_KINDS,
  suggestsAgency,
  type FilingField,
  type FilingForm,
  type FilingProblem,
} from "@minhbach/domain/portal/index";
import { dateTimeVn, dateVn, html, page, type Html } from "./html.ts";
import type { CitizenView, FilingResult, PortalAgency } from "./service.ts";

export function homePage(): string {
  return page(
    { title: "Trang chủ" },
    html`<h1>Cổng thông tin cho công dân</h1>
      <p>
        Công dân, doanh nghiệp gửi khiếu nại, tố cáo, kiến nghị, phản ánh đến cơ quan nhà nước và theo dõi kết quả giải
        quyết mà không cần tài khoản.
      </p>
      <ul class="links">
        <li><a href="/cong-dan/gui-don">Gửi đơn trực tuyến</a> — nhận ngay mã tra cứu 16 chữ số.</li>
        <li>
          <a href="/cong-dan/tra-cuu">Tra cứu đơn bằng mã</a> — xem tình trạng, hạn giải quyết, văn bản đã gửi cho bạn
          và trả lời câu hỏi của cán bộ.
        </li>
        <li>
          <a href="/cong-dan/lich-tiep">Lịch tiếp công dân của lãnh đạo</a> — ngày, giờ, địa điểm; thêm vào lịch của
          điện thoại (tệp iCal).
        </li>
        <li>
          <a href="/cong-dan/du-thao">Góp ý dự thảo văn bản</a> — đọc toàn văn, góp ý từng điều, khoản và xem kết quả
          tiếp thu, giải trình.
        </li>
        <li>
          <a href="/cong-dan/khao-sat">Đánh giá mức độ hài lòng</a> sau khi được tiếp tại trụ sở tiếp công dân (không
          cần cho biết họ tên).
        </li>
        <li><a href="/cong-dan/cong-khai">Công khai kết quả giải quyết</a> khiếu nại, tố cáo và kết luận thanh tra.</li>
        <li>
          <a href="/cong-dan/du-lieu-mo">Dữ liệu mở</a>: số liệu đơn theo cơ quan, kế hoạch thanh tra doanh nghiệp.
        </li>
        <li><a href="/cong-dan/hoi-dap">Hỏi đáp</a>: câu hỏi thường gặp của các cơ quan.</li>
      </ul> `,
  );
}

export function errorPage(title: string, message: string, back?: { href: string; label: string }): string {
  return page(
    { title },
    html`<h1>${title}</h1>
      <div class="summary" role="alert"><p>${message}</p></div>
      <p><a href="${back?.href ?? "/cong-dan"}">${back?.label ?? "Về trang chủ của cổng"}</a></p>`,
  );
}

// ---- Filing ---------------------------------------------------------------------------------

export interface FilingPageInput {
  agencies: readonly PortalAgency[];
  challenge: string;
  values: FilingForm;
  problems: readonly FilingProblem[];
  /** A problem of the request as a whole (proof of work, files, rate). */
  general?: string | null;
  /** The field the citizen asked help for (?linhVuc=). */
  helpField: string | null;
  maxUploadMb: number;
  maxFiles: number;
  accept: readonly string[];
}

function problemOf(problems: readonly FilingProblem[], field: FilingField): FilingProblem | undefined {
  return problems.find((p) => p.field === field);
}

function input(
  f: FilingPageInput,
  field: Exclude<FilingField, "files">,
  options: { type?: string; required?: boolean; hint?: string; autocomplete?: string; inputmode?: string } = {},
): Html {
  const problem = problemOf(f.problems, field);
  const described = [options.hint ? `h-${field}` : "", problem ? `e-${field}` : ""].filter(Boolean).join(" ");
  return html`<label for="f-${field}">${FILING_LABELS[field]}${options.required ? " (bắt buộc)" : ""}</label>
    ${options.hint ? html`<p class="hint" id="h-${field}">${options.hint}</p>` : ""}
    ${problem ? html`<p class="err" id="e-${field}">${problem.message}</p>` : ""}
    <input
      type="${options.type ?? "text"}"
      id="f-${field}"
      name="${field}"
      value="${f.values[field] ?? ""}"
      ${
        options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ""
      }${options.inputmode ? html` inputmode="${options.inputmode}"` : ""}${problem ? html` aria-invalid="true"` : ""}${
        described ? html` aria-describedby="${described}"` : ""
      }
    />`;
}

function radios(
  f: FilingPageInput,
  field: "kind" | "filerType",
  choices: readonly { value: string; label: string; hint?: string }[],
): Html {
  const problem = problemOf(f.problems, field);
  // The hint is outside the label: the choice's name stays short, the hint is its description.
  const choice = (c: { value: string; label: string; hint?: string }) => {
    const id = `f-${field}-${c.value}`;
    const checked = f.values[field] === c.value ? html` checked` : "";
    const described = c.hint ? html` aria-describedby="h-${id}"` : "";
    const hint = c.hint ? html`<span class="hint" id="h-${id}" style="display:block">${c.hint}</span>` : "";
    return html`<div class="choice">
      <input type="radio" id="${id}" name="${field}" value="${c.value}" ${checked}${described} />
      <div><label for="${id}" style="margin:0;font-weight:400">${c.label}</label>${hint}</div>
    </div>`;
  };
  return html`<fieldset id="f-${field}" ${problem ? html` aria-describedby="e-${field}"` : ""}>
    <legend>${FILING_LABELS[field]} (bắt buộc)</legend>
    ${problem ? html`<p class="err" id="e-${field}">${problem.message}</p>` : ""} ${choices.map(choice)}
  </fieldset>`;
}

function checkbox(f: FilingPageInput, field: "anonymousAck" | "truthAck", label: string): Html {
  const problem = problemOf(f.problems, field);
  return html`${problem ? html`<p class="err" id="e-${field}">${problem.message}</p>` : ""}<label class="choice"
      ><input
        type="checkbox"
        name="${field}"
        value="yes"
        ${
          f.values[field] === "yes" ? html` checked` : ""
        }${problem ? html` aria-invalid="true" aria-describedby="e-${field}"` : ""}
      /><span>${label}</span></label
    >`;
}

export function filingPage(f: FilingPageInput): string {
  const hint = competenceHint(f.helpField);
  const suggested = hint ? f.agencies.filter((a) => suggestsAgency(hint, a)) : [];
  const fields = fieldCatalog().filter((x) => !x.retired);
  const selectedField = f.values.fieldCode ?? f.helpField ?? "";
  const agencyProblem = problemOf(f.problems, "agencyId");
  const contentProblem = problemOf(f.problems, "content");
  const fieldProblem = problemOf(f.problems, "fieldCode");
  const agencyOption = (a: PortalAgency) =>
    html`<option value="${a.id}" ${f.values.agencyId === a.id ? html` selected` : ""}>${a.name}</option>`;
  const errors = [...(f.general ? [{ field: null, message: f.general }] : []), ...f.problems];
  return page(
    { title: "Gửi đơn trực tuyến", script: true },
    html`<h1>Gửi đơn khiếu nại, tố cáo, kiến nghị, phản ánh</h1>
      ${
        errors.length
          ? html`<div class="summary" role="alert" tabindex="-1" id="loi">
              <h2 style="margin-top:0">Đơn chưa gửi được (${errors.length} lỗi)</h2>
              <ul>
                ${errors.map(
                  (p) => html`<li>${p.field ? html`<a href="#f-${p.field}">${p.message}</a>` : p.message}</li>`,
                )}
              </ul>
              <p>Chưa có gì được lưu. Sửa các mục trên rồi gửi lại; tệp đính kèm cần chọn lại.</p>
            </div>`
          : ""
      }
      <section class="card" aria-labelledby="tim-co-quan">
        <h2 id="tim-co-quan" style="margin-top:0">Chưa biết gửi cơ quan nào?</h2>
        <p class="hint">${GENERAL_COMPETENCE_HINT}</p>
        <form method="get" action="/cong-dan/gui-don">
          <label for="h-linhVuc">Lĩnh vực của sự việc</label>
          <select id="h-linhVuc" name="linhVuc">
            <option value="">— Chọn lĩnh vực —</option>
            ${fields.map((x) => html`<option value="${x.code}" ${f.helpField === x.code ? html` selected` : ""}>${x.name}</option>`)}
          </select>
          <p><button type="submit" class="secondary">Gợi ý cơ quan</button></p>
        </form>
        ${
          hint
            ? html`<div role="status">
                <p>${hint.text}</p>
                ${
                  suggested.length
                    ? html`<p>
                          Cơ quan gợi ý
                          (${suggested
                            .map((a) => AGENCY_KINDS[a.kind as keyof typeof AGENCY_KINDS] ?? a.kind)
                            .filter((v, i, arr) => arr.indexOf(v) === i)
                            .join(", ")}):
                        </p>
                        <ul>
                          ${suggested.map((a) => html`<li>${a.name}</li>`)}
                        </ul>`
                    : ""
                }
              </div>`
            : ""
        }
      </section>

      <form id="gui-don" method="post" action="/cong-dan/gui-don" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="pow" value="${f.challenge}" />
        <input type="hidden" name="nonce" value="" />
        ${radios(
          f,
          "kind",
          (Object.keys(PORTAL_KINDS) as (keyof typeof PORTAL_KINDS)[]).map((k) => ({
            value: k,
            label: PORTAL_KINDS[k].label,
            hint: PORTAL_KINDS[k].hint,
          })),
        )}
        ${radios(
          f,
          "filerType",
          (Object.keys(FILER_TYPES) as (keyof typeof FILER_TYPES)[]).map((k) => ({ value: k, label: FILER_TYPES[k] })),
        )}
        <fieldset data-for-sender="person organisation">
          <legend>Thông tin người gửi</legend>
          <p class="hint">
            Cơ quan dùng các thông tin này để liên hệ và gửi văn bản trả lời. Họ tên, địa chỉ của người tố cáo được giữ
            bí mật.
          </p>
          <div data-for-sender="person">
            ${input(f, "fullName", { required: true, autocomplete: "name", hint: "Với doanh nghiệp, tổ chức: bỏ trống, điền mục bên dưới." })}
            ${input(f, "idNumber", { inputmode: "numeric", hint: "Không bắt buộc. 12 chữ số trên căn cước." })}
          </div>
          <div data-for-sender="organisation">
            ${input(f, "orgName", { required: true, autocomplete: "organization" })}
            ${input(f, "taxCode", { inputmode: "numeric", hint: "Không bắt buộc." })}
            ${input(f, "representativeName", { required: true })}
          </div>
          ${input(f, "address", { required: true, autocomplete: "street-address" })}
          ${input(f, "phone", { type: "tel", autocomplete: "tel", hint: "Không bắt buộc." })}
          ${input(f, "email", { type: "email", autocomplete: "email", hint: "Không bắt buộc." })}
        </fieldset>
        <div data-for-sender="anonymous" class="warn">
          <h2 style="margin-top:0">Lưu ý khi gửi đơn tố cáo không ghi tên</h2>
          <p>${ANONYMOUS_WARNING}</p>
          ${checkbox(f, "anonymousAck", "Tôi đã đọc lưu ý trên và vẫn gửi đơn tố cáo không ghi tên.")}
        </div>

        <fieldset>
          <legend>Nội dung đơn</legend>
          <label for="f-agencyId">${FILING_LABELS.agencyId} (bắt buộc)</label>
          ${agencyProblem ? html`<p class="err" id="e-agencyId">${agencyProblem.message}</p>` : ""}
          <select
            id="f-agencyId"
            name="agencyId"
            ${agencyProblem ? html` aria-invalid="true" aria-describedby="e-agencyId"` : ""}
          >
            <option value="">— Chọn cơ quan —</option>
            ${
              suggested.length
                ? html`<optgroup label="Gợi ý theo lĩnh vực">${suggested.map(agencyOption)}</optgroup>
                    <optgroup label="Tất cả cơ quan">${f.agencies.map(agencyOption)}</optgroup>`
                : f.agencies.map(agencyOption)
            }
          </select>
          <label for="f-fieldCode">${FILING_LABELS.fieldCode}</label>
          ${fieldProblem ? html`<p class="err" id="e-fieldCode">${fieldProblem.message}</p>` : ""}
          <select
            id="f-fieldCode"
            name="fieldCode"
            ${fieldProblem ? html` aria-invalid="true" aria-describedby="e-fieldCode"` : ""}
          >
            <option value="">— Không rõ —</option>
            ${fields.map((x) => html`<option value="${x.code}" ${selectedField === x.code ? html` selected` : ""}>${x.name}</option>`)}
          </select>
          ${input(f, "respondent", { hint: "Không bắt buộc. Ghi tên, chức vụ hoặc tên cơ quan, tổ chức." })}
          ${input(f, "title", { hint: "Không bắt buộc. Một dòng tóm tắt." })}
          <label for="f-content">${FILING_LABELS.content} (bắt buộc)</label>
          <p class="hint" id="h-content">
            Trình bày sự việc: xảy ra khi nào, ở đâu, ai liên quan, bạn đề nghị cơ quan giải quyết điều gì.
          </p>
          ${contentProblem ? html`<p class="err" id="e-content">${contentProblem.message}</p>` : ""}
          <textarea
            id="f-content"
            name="content"
            rows="10"
            aria-describedby="h-content${contentProblem ? " e-content" : ""}"
            ${contentProblem ? html` aria-invalid="true"` : ""}
          >
${f.values.content ?? ""}</textarea>
        </fieldset>

        <fieldset>
          <legend>Kiểm tra và gửi</legend>
          ${input(f, "notifyEmail", { type: "email", autocomplete: "email", hint: NOTIFY_EMAIL_HINT })}
          ${checkbox(f, "truthAck", "Tôi cam đoan nội dung đơn là đúng sự thật và chịu trách nhiệm trước pháp luật về nội dung này.")}
          <p id="pow-status" role="status" aria-live="polite" class="hint"></p>
          <noscript
            ><p class="warn">
              Trang cần JavaScript để thực hiện một phép tính nhỏ chống gửi đơn tự động (thay cho mã xác nhận hình ảnh).
              Nếu không bật được JavaScript, bạn có thể gửi đơn qua bưu điện hoặc đến trực tiếp nơi tiếp công dân; vẫn
              đọc được mọi hướng dẫn trên trang này.
            </p></noscript
          >
          <label for="f-files">${FILING_LABELS.files}</label>
          <p class="hint" id="h-files">
            Không bắt buộc. Tối đa ${f.maxFiles} tệp, mỗi tệp tối đa ${f.maxUploadMb} MB: PDF, ảnh JPEG/PNG, Word,
            Excel, âm thanh, video. Tệp được kiểm tra theo nội dung, không theo tên.
          </p>
          ${problemOf(f.problems, "files") ? html`<p class="err" id="e-files">${problemOf(f.problems, "files")!.message}</p>` : ""}
          <input
            type="file"
            id="f-files"
            name="files"
            multiple
            accept="${f.accept.join(",")}"
            aria-describedby="h-files"
          />
          <p><button type="submit">Gửi đơn</button></p>
        </fieldset>
      </form>`,
  );
}

export function receiptPage(r: FilingResult): string {
  return page(
    { title: "Đã gửi đơn", script: true },
    html`<h1>Đơn của bạn đã được gửi</h1>
      <div class="card">
        <p>Mã tra cứu đơn:</p>
        <p class="code" id="ma-tra-cuu">${formatReceiptCode(r.code)}</p>
        <p class="warn">
          <strong>Mã chỉ hiển thị một lần, trên trang này.</strong> Hãy in trang hoặc ghi lại mã ngay. Hệ thống không
          lưu mã dưới dạng đọc được nên không cấp lại được. Ai có mã đều xem được tình trạng đơn: giữ mã cẩn thận.
        </p>
        <dl>
          <dt>Cơ quan nhận đơn</dt>
          <dd>${r.agencyName}</dd>
          <dt>Số vào sổ</dt>
          <dd>${r.petitionCode}</dd>
          <dt>Ngày nhận</dt>
          <dd>${dateVn(r.receivedOn)}</dd>
          <dt>Tệp đính kèm</dt>
          <dd>${r.files} tệp</dd>
        </dl>
      </div>
      ${
        r.notify
          ? html`<p class="noprint">
              Cổng sẽ gửi thư báo đơn đã được tiếp nhận và khi có tin nhắn mới đến địa chỉ thư điện tử bạn đã ghi. Thư
              không ghi đầy đủ mã tra cứu: hãy giữ phiếu này.
            </p>`
          : ""
      }
      <p class="noprint"><button type="button" data-print hidden>In phiếu tiếp nhận</button></p>
      <p class="noprint hint">Không có nút in? Dùng lệnh In của trình duyệt (Ctrl+P), hoặc chụp màn hình.</p>
      <p class="noprint"><a href="/cong-dan/tra-cuu">Tra cứu đơn bằng mã</a></p>`,
  );
}

export function lookupPage(problem?: string | null, typed = ""): string {
  return page(
    { title: "Tra cứu đơn" },
    html`<h1>Tra cứu đơn bằng mã</h1>
      <form method="post" action="/cong-dan/tra-cuu" class="card" novalidate>
        <label for="f-code">Mã tra cứu (16 chữ số)</label>
        <p class="hint" id="h-code">In trên phiếu tiếp nhận khi bạn gửi đơn, ví dụ 1234 5678 9012 3452.</p>
        ${problem ? html`<p class="err" id="e-code" role="alert">${problem}</p>` : ""}
        <input
          type="text"
          id="f-code"
          name="code"
          value="${typed}"
          inputmode="numeric"
          autocomplete="off"
          aria-describedby="h-code${problem ? " e-code" : ""}"
          ${problem ? html` aria-invalid="true"` : ""}
        />
        <p><button type="submit">Tra cứu</button></p>
      </form>
      <p class="hint">
        Để bảo vệ người gửi đơn, số lần tra cứu từ một địa chỉ bị giới hạn và mọi lần nhập sai mã đều được ghi lại.
      </p>`,
  );
}

export function statusPage(
  code: string,
  v: CitizenView,
  replyProblem?: string | null,
  sent = false,
  /** The satisfaction survey's part (survey-pages.ts), when the caller has it. */
  survey?: Html,
  /** The holder just stopped the notification mails. */
  mailStopped = false,
): string {
  return page(
    { title: "Tình trạng đơn" },
    html`<h1>Tình trạng đơn</h1>
      ${sent ? html`<div class="card" role="status"><p>Đã gửi trả lời của bạn đến cán bộ xử lý.</p></div>` : ""}
      <div class="card">
        <dl>
          <dt>Số vào sổ</dt>
          <dd>${v.petitionCode}</dd>
          <dt>Cơ quan nhận đơn</dt>
          <dd>${v.agencyName}</dd>
          <dt>Ngày nhận</dt>
          <dd>${dateVn(v.receivedOn)}</dd>
          ${
            v.declaredKind
              ? html`<dt>Loại đơn (bạn chọn)</dt>
                  <dd>${v.declaredKind}</dd>`
              : ""
          }
          <dt>Tình trạng</dt>
          <dd>${v.status}${v.caseStatus ? html` — vụ việc: ${v.caseStatus}` : ""}</dd>
          <dt>Hạn xử lý</dt>
          <dd>${v.dueOn ? dateVn(v.dueOn) : "Chưa xác định"}</dd>
          <dt>Tệp đã gửi</dt>
          <dd>${v.files} tệp</dd>
        </dl>
      </div>
      <h2>Văn bản cơ quan đã gửi cho bạn</h2>
      ${
        v.notices.length
          ? html`<ul>
              ${v.notices.map((n) => html`<li>${n.title}${n.symbol ? html` — số ${n.symbol}` : ""}${n.issuedOn ? html`, ngày ${dateVn(n.issuedOn)}` : ""}</li>`)}
            </ul>`
          : html`<p>Chưa có văn bản.</p>`
      }
      <h2>Trao đổi với cán bộ xử lý</h2>
      ${
        v.messages.length
          ? v.messages.map(
              (m) =>
                html`<div class="msg ${m.author}">
                  <p class="meta">${m.author === "officer" ? "Cán bộ xử lý" : "Bạn"} — ${dateTimeVn(m.at)}</p>
                  <p>${m.text}</p>
                </div>`,
            )
          : html`<p>Chưa có tin nhắn.</p>`
      }
      ${
        v.canReply
          ? html`<form method="post" action="/cong-dan/tra-cuu/tra-loi" class="card" novalidate>
              <input type="hidden" name="code" value="${code}" />
              <label for="f-text">Trả lời hoặc bổ sung thông tin</label>
              <p class="hint" id="h-text">Tối đa 4000 ký tự. Chỉ cán bộ xử lý đơn đọc được.</p>
              ${replyProblem ? html`<p class="err" id="e-text" role="alert">${replyProblem}</p>` : ""}
              <textarea
                id="f-text"
                name="text"
                rows="6"
                aria-describedby="h-text${replyProblem ? " e-text" : ""}"
                ${replyProblem ? html` aria-invalid="true"` : ""}
              ></textarea>
              <p><button type="submit">Gửi trả lời</button></p>
            </form>`
          : html`<p>Đơn đã kết thúc xử lý: không gửi thêm tin nhắn được.</p>`
      }
      ${survey ?? ""}
      ${
        v.mail === "active"
          ? html`<form method="post" action="/cong-dan/tra-cuu/ngung-thu" class="card">
              <h2>Thư thông báo</h2>
              <p>
                Cổng gửi thư đến địa chỉ bạn ghi khi gửi đơn lúc đơn được tiếp nhận và khi có tin nhắn mới (không ghi
                nội dung, không ghi đầy đủ mã tra cứu).
              </p>
              <input type="hidden" name="code" value="${code}" />
              <p><button type="submit">Ngừng nhận thư thông báo</button></p>
            </form>`
          : v.mail === "stopped"
            ? html`<p ${mailStopped ? html`role="status"` : ""}>
                ${mailStopped ? "Đã ngừng gửi thư thông báo về đơn này." : "Bạn đã ngừng nhận thư thông báo về đơn này."}
              </p>`
            : ""
      }
      <p><a href="/cong-dan/tra-cuu">Tra cứu đơn khác</a></p>`,
  );
}
