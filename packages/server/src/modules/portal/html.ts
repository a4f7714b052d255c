/**
 * Server-rendered HTML for the public portal: a tagged template that escapes every value, and
 * the page frame (Vietnamese, readable without JavaScript, one small script, styles inline).
 */

/** Text already safe to put in a page (from `html` or `raw`). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** dd/mm/yyyy from an ISO date (Vietnamese usage). */
export function dateVn(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function dateTimeVn(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${p(vn.getUTCHours())}:${p(vn.getUTCMinutes())}`;
}

const STYLE = `
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.55;color:#1b1b1b;background:#f6f7f9}
a{color:#0b4a8b}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header{background:#0b4a8b;color:#fff;padding:.75rem 1rem}
header a{color:#fff;font-weight:700;text-decoration:none;font-size:1.1rem}
header nav a{font-weight:400;font-size:1rem;margin-right:1rem;text-decoration:underline}
header nav{margin-top:.35rem}
main{max-width:46rem;margin:0 auto;padding:1rem}
footer{max-width:46rem;margin:0 auto;padding:1rem;color:#444;font-size:.9rem}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.card{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:1rem;margin:0 0 1rem}
fieldset{border:1px solid #d0d4da;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem;background:#fff}
legend{font-weight:700;padding:0 .25rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.5rem 0}
.choice input{margin-top:.3rem;width:1.25rem;height:1.25rem;flex:none}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #6b7280;border-radius:4px;background:#fff;color:#1b1b1b}
input[type=file]{font:inherit;max-width:100%}
textarea{min-height:10rem}
.hint{color:#464c55;font-size:.95rem;margin:.15rem 0 .35rem}
.err{color:#a4000f;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border-color:#a4000f;border-width:2px}
.summary{border:2px solid #a4000f;background:#fff5f5;padding:.75rem 1rem;border-radius:6px}
.warn{border-left:4px solid #b45309;background:#fff8eb;padding:.75rem 1rem}
button,.button{display:inline-block;font:inherit;font-weight:700;background:#0b4a8b;color:#fff;border:0;border-radius:4px;padding:.75rem 1.25rem;cursor:pointer;text-decoration:none;min-height:44px}
button.secondary{background:#fff;color:#0b4a8b;border:2px solid #0b4a8b}
.code{font-family:ui-monospace,Consolas,monospace;font-size:1.6rem;font-weight:700;letter-spacing:.08em;background:#fff;border:2px dashed #0b4a8b;padding:.75rem;text-align:center;word-break:break-all}
dl{display:grid;grid-template-columns:minmax(8rem,40%) 1fr;gap:.35rem .75rem;margin:0}
dt{font-weight:600}
dd{margin:0}
.msg{border:1px solid #d0d4da;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0;background:#fff}
.msg.officer{border-left:4px solid #0b4a8b}
.msg.citizen{border-left:4px solid #2f6b3a}
.msg p{margin:.25rem 0;white-space:pre-wrap}
.meta{color:#464c55;font-size:.9rem}
ins{background:#dcfce7;text-decoration:underline}
del{background:#fee2e2;text-decoration:line-through}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul.links li{margin:.35rem 0}
ul.comments{list-style:none;padding:0;margin:.5rem 0 0}
blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #d0d4da;color:#464c55}
@media print{header nav,footer,.noprint,button{display:none}body{background:#fff}.card{border:0}}
`;

export interface PageOptions {
  title: string;
  /** Load the portal's script (the filing and receipt pages). */
  script?: boolean;
}

export function page(options: PageOptions, main: Html): string {
  return `<!doctype html>${html`<html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${options.title} — Cổng thông tin cho công dân</title>
      <style>
        ${new Html(STYLE)}
      </style>
      ${options.script ? new Html('<script src="/cong-dan/portal.js" defer></script>') : ""}
    </head>
    <body>
      <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
      <header>
        <a href="/cong-dan">Cổng thông tin cho công dân</a>
        <nav aria-label="Trang của cổng">
          <a href="/cong-dan/gui-don">Gửi đơn</a><a href="/cong-dan/tra-cuu">Tra cứu đơn</a>
          <a href="/cong-dan/cong-khai">Công khai kết quả</a><a href="/cong-dan/hoi-dap">Hỏi đáp</a>
        </nav>
      </header>
      <main id="noi-dung">${main}</main>
      <footer>
        <p>
          Cổng không dùng dịch vụ của bên thứ ba và không đặt cookie theo dõi. Họ tên, địa chỉ của người tố cáo được mã
          hóa và giữ bí mật theo Điều 9 Luật Tố cáo 2018.
        </p>
      </footer>
    </body>
  </html>`}`;
}
