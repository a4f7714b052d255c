/** `npm start`: one process, one port, the API and the built web app. */
import { loadConfig } from "./config.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo.ts";
import { startSystem } from "./start.ts";

const config = loadConfig();
const system = await startSystem(config);
const { app } = system;

await app.listen({ port: config.port, host: config.host });

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
    `Mật khẩu chung: ${DEMO_PASSWORD}`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${a.fullName} — ${a.roles.join(", ")}`),
  );
  app.log.warn("demo accounts are active");
}
console.log(lines.join("\n"));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    system.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
