import { isRoleCode, ROLE_CODES } from "@minhbach/domain";
import { newPassword, username as usernameSchema } from "@minhbach/domain/api/auth";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import { fullName as fullNameSchema } from "@minhbach/domain/api/users";
import { loadConfig } from "@minhbach/server/config";
import { openDatabase } from "@minhbach/server/db/connection";
import { currentMigration } from "@minhbach/server/db/migrate";
import { loadKeys, prepareDatabase } from "@minhbach/server/start";
import { SYSTEM_ACTOR, verifyAuditChain } from "@minhbach/server/platform/audit";
import { insertUser } from "@minhbach/server/modules/users/service";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoPetitions } from "@minhbach/server/seed/demo";
import { seedDemoCases } from "@minhbach/server/seed/demo-cases";
import type { Command } from "commander";
import type { z } from "zod";
import { CliError, readStdin, withDatabase } from "./io.ts";

function check<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`${option}: ${firstIssue(parsed.error).message.replace(/^[^:]*: /, "")}`, 2);
  return parsed.data;
}

export function registerAdminCommands(program: Command): void {
  const db = program.command("db").description("cơ sở dữ liệu / database");
  db.command("migrate")
    .description("áp dụng các di chuyển cơ sở dữ liệu còn thiếu / apply pending database migrations")
    .action(async () => {
      const config = loadConfig();
      loadKeys(config);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await prepareDatabase(database);
        console.log(
          applied.length
            ? `Đã áp dụng ${applied.length} di chuyển: ${applied.join(", ")}`
            : "Cơ sở dữ liệu đã ở phiên bản mới nhất.",
        );
        console.log(`Phiên bản hiện tại: ${(await currentMigration(database)) ?? "(chưa có)"}`);
      } finally {
        await database.close();
      }
    });

  const seed = program.command("seed").description("dữ liệu mẫu / sample data");
  seed
    .command("demo")
    .description("nạp dữ liệu trình diễn và tài khoản trình diễn / load demo data and demo accounts")
    .option("--no-accounts", "không tạo tài khoản trình diễn / without demo accounts")
    .option("--no-petitions", "không nạp đơn mẫu / without the generated demo petitions")
    .action(async (options: { accounts: boolean; petitions: boolean }) => {
      await withDatabase(async ({ db }) => {
        const result = await seedDemo(db, { accounts: options.accounts });
        const petitions = options.petitions ? await seedDemoPetitions(db) : 0;
        // The demo cases need the demo accounts: without them seedDemoCases does nothing.
        const cases = options.petitions ? await seedDemoCases(db) : 0;
        console.log(
          `Đã nạp ${result.agencies} cơ quan, đơn vị, ${result.users} tài khoản trình diễn, ${petitions} đơn mẫu và ${cases} vụ việc giải quyết khiếu nại, tố cáo mẫu.`,
        );
        if (options.accounts && result.users > 0) {
          console.log(`CẢNH BÁO: các tài khoản trình diễn dùng mật khẩu công khai ${DEMO_PASSWORD}.`);
          for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.roles.join(", ")}`);
        }
      });
    });

  const user = program.command("user").description("tài khoản / user accounts");
  user
    .command("create")
    .description("tạo tài khoản (ví dụ quản trị viên đầu tiên) / create an account (e.g. the first administrator)")
    .requiredOption("--username <name>", "tên đăng nhập / username")
    .requiredOption("--full-name <name>", "họ và tên / full name")
    .requiredOption("--agency <code>", "mã cơ quan, ví dụ LC.UBND / agency code")
    .option("--role <role...>", `vai trò / roles: ${ROLE_CODES.join(", ")}`, ["admin"])
    .option("--email <email>", "thư điện tử / e-mail")
    .option("--password-stdin", "đọc mật khẩu từ đầu vào chuẩn / read the password from standard input")
    .action(
      async (options: {
        username: string;
        fullName: string;
        agency: string;
        role: string[];
        email?: string;
        passwordStdin?: boolean;
      }) => {
        const username = check(usernameSchema, options.username, "--username");
        const fullName = check(fullNameSchema, options.fullName, "--full-name");
        const roles = options.role.map((r) => {
          if (!isRoleCode(r))
            throw new CliError(`--role: vai trò "${r}" không có; chọn trong ${ROLE_CODES.join(", ")}`, 2);
          return r;
        });
        const raw = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, "") : process.env.MINHBACH_PASSWORD;
        if (!raw) throw new CliError("Cần mật khẩu: dùng --password-stdin hoặc biến môi trường MINHBACH_PASSWORD.", 2);
        const password = check(newPassword, raw, "mật khẩu");
        await withDatabase(async ({ db }) => {
          const agency = await db
            .selectFrom("agency")
            .select(["id", "name"])
            .where("code", "=", options.agency)
            .executeTakeFirst();
          if (!agency) throw new CliError(`--agency: không có cơ quan mã ${options.agency}`, 2);
          await insertUser(
            db,
            { ...SYSTEM_ACTOR, name: "Dòng lệnh minhbach" },
            {
              username,
              fullName,
              email: options.email ?? null,
              agencyId: agency.id,
              roles,
              password,
              mustChangePassword: false,
            },
          );
          console.log(`Đã tạo tài khoản ${username} (${roles.join(", ")}) thuộc ${agency.name}.`);
        });
      },
    );

  const audit = program.command("audit").description("nhật ký hệ thống / audit trail");
  audit
    .command("verify")
    .description(
      "kiểm tra chuỗi băm của nhật ký, báo mắt xích hỏng đầu tiên / verify the hash chain, report the first broken link",
    )
    .option("--json", "in kết quả JSON / print JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const result = await verifyAuditChain(db, (n) => {
          if (!options.json && process.stderr.isTTY) process.stderr.write(`\rĐã kiểm tra ${n} sự kiện…`);
        });
        if (!options.json && process.stderr.isTTY) process.stderr.write("\n");
        if (options.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`Nhật ký toàn vẹn: ${result.checked} sự kiện, chuỗi băm khớp.`);
        else
          console.log(
            `Nhật ký HỎNG tại sự kiện số ${result.firstBroken!.id}: ${result.firstBroken!.reason} (đã kiểm tra ${result.checked} sự kiện trước đó).`,
          );
        if (!result.ok) process.exitCode = 3;
      });
    });
}
