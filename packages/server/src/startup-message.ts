/** What `npm start` prints once the server listens: where, on which database, and the demo's warnings. */
import type { Config } from "./config.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** Demo mode listening on this machine only, and how to open it to the network (one log line). */
export const DEMO_LOCAL_ONLY =
  "Chế độ trình diễn chỉ nhận kết nối từ chính máy này (127.0.0.1), vì các tài khoản trình diễn dùng mật khẩu công khai. " +
  "Muốn mở cho máy khác trong mạng: khởi động với HOST=0.0.0.0 (ví dụ HOST=0.0.0.0 npm start).";

export function startupMessage(config: Config): string[] {
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `cơ sở dữ liệu nhúng PGlite tại ${config.dataDir}`;
  const lines = [
    "",
    `Minh Bạch đang chạy: http://localhost:${config.port}`,
    `Cơ sở dữ liệu: ${where}`,
    `Tài liệu API: http://localhost:${config.port}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      "",
      "CẢNH BÁO: chế độ trình diễn đang bật — các tài khoản trình diễn dưới đây đăng nhập được với mật khẩu công khai.",
      "Không dùng chế độ này cho dữ liệu thật (đặt DEMO=0 hoặc dùng DATABASE_URL).",
      config.demoLocalOnly
        ? DEMO_LOCAL_ONLY
        : LOOPBACK.has(config.host)
          ? `Máy chủ chỉ nghe trên ${config.host} (HOST).`
          : `Máy chủ nghe trên ${config.host} (HOST): máy khác trong mạng cũng đăng nhập được bằng các tài khoản này.`,
      `Mật khẩu chung: ${DEMO_PASSWORD}`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${a.fullName} — ${a.roles.join(", ")}`),
    );
  }
  return lines;
}
