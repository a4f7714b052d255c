/**
 * `minhbach reminders send [--dry-run]`: today's reminder e-mails now, the run the server's hourly
 * timer makes (modules/reminders). Digests already sent today are not sent again; failed ones are.
 * With --dry-run: who would get which cases, nothing sent or recorded (no SMTP_URL needed).
 */
import { formatVietnameseDate } from "@minhbach/domain/legal-clock";
import { todayInVietnam } from "@minhbach/domain";
import { loadConfig } from "@minhbach/server/config";
import { createMailTransport } from "@minhbach/server/modules/reminders/mail";
import { reminderConfigProblem, runReminderDigest } from "@minhbach/server/modules/reminders/reminders";
import type { Command } from "commander";
import { CliError, withDatabase } from "./io.ts";

const STATUS_TEXT = {
  sent: "đã gửi",
  failed: "LỖI",
  already_sent: "đã gửi trước đó",
  in_progress: "đang được gửi",
  would_send: "sẽ gửi",
} as const;

export function registerReminderCommands(program: Command): void {
  const reminders = program.command("reminders").description("nhắc hạn qua thư điện tử / e-mail reminders");
  reminders
    .command("send")
    .description("gửi ngay thư nhắc hạn hôm nay / send today's reminder e-mails now")
    .option("--dry-run", "chỉ liệt kê, không gửi / list only, send nothing")
    .action(async (options: { dryRun?: boolean }) => {
      const config = loadConfig();
      const problem = reminderConfigProblem(config);
      if (problem) throw new CliError(problem, 2);
      const dryRun = options.dryRun === true;
      if (!dryRun && !config.smtpUrl)
        throw new CliError("Chưa cấu hình máy chủ thư: đặt SMTP_URL (ví dụ smtp://user:pass@host:587).", 2);
      const today = todayInVietnam();
      await withDatabase(async ({ db }) => {
        const transport = dryRun ? null : createMailTransport(config.smtpUrl!);
        try {
          const result = await runReminderDigest(db, transport, today, {
            days: config.reminderDays,
            from: config.mailFrom,
            publicUrl: config.publicUrl,
            dryRun,
          });
          for (const d of result.digests) {
            // A digest names the cases by code and counts the declarations (never their content).
            const parts = [
              ...(d.caseCodes.length ? [`${d.caseCodes.length} vụ việc (${d.caseCodes.join(", ")})`] : []),
              ...(d.declarations ? [`${d.declarations} bản kê khai tài sản, thu nhập chưa nộp`] : []),
            ];
            console.log(`  ${STATUS_TEXT[d.status].padEnd(16)} ${d.username} <${d.email}>: ${parts.join("; ")}`);
          }
          const date = formatVietnameseDate(today);
          if (dryRun) {
            const n = result.digests.filter((d) => d.status === "would_send").length;
            console.log(`Chạy thử ngày ${date}: ${n} thư sẽ được gửi; không gửi, không ghi gì.`);
          } else {
            console.log(
              `Nhắc hạn ngày ${date}: đã gửi ${result.sent} thư, lỗi ${result.failed}, bỏ qua ${result.skipped} (đã gửi trong ngày).`,
            );
          }
          if (result.failed) process.exitCode = 1;
        } finally {
          transport?.close?.();
        }
      });
    });
}
