/**
 * The legal clock on the command line. Output shapes are stable (scripts depend on them):
 *   minhbach calendar --year 2026 --json
 *     {"year":2026,"provisional":false,"days":[{"date":"2026-02-16","kind":"holiday","name":"..."}]}
 *   minhbach deadline --rule R --from YYYY-MM-DD [--variant V] [--extensions N] [--suspend A:B ...] --json
 *     {"rule":"...","basis":"...","from":"YYYY-MM-DD","due":"YYYY-MM-DD","explanation":[...]}
 * Both read the calendar from the database (with the notices administrators imported); with
 * --offline they use only the notices shipped with the program.
 */
import { readFileSync } from "node:fs";
import { firstIssue } from "@minhbach/domain/api/zod-vi";
import {
  buildCalendar,
  computeDeadline,
  deadlineInputSchema,
  explanationLines,
  formatVietnameseDate,
  SEED_NOTICES,
  weekdayName,
  type WorkCalendar,
} from "@minhbach/domain/legal-clock";
import { todayInVietnam } from "@minhbach/domain";
import { currentCalendar, saveYearNotice } from "@minhbach/server/modules/calendar/service";
import { SYSTEM_ACTOR } from "@minhbach/server/platform/audit";
import type { Command } from "commander";
import { CliError, withDatabase } from "./io.ts";

async function calendarFor(offline: boolean | undefined): Promise<WorkCalendar> {
  if (offline) return buildCalendar(SEED_NOTICES);
  return withDatabase(({ db }) => currentCalendar(db));
}

const KIND_TEXT: Record<string, string> = {
  holiday: "nghỉ lễ",
  compensatory: "nghỉ bù",
  swap_off: "nghỉ do hoán đổi",
  makeup_workday: "làm bù",
};

export function registerClockCommands(program: Command): void {
  const calendar = program
    .command("calendar")
    .description("lịch làm việc của cơ quan nhà nước / working calendar of state agencies")
    .option("--year <year>", "năm / year", String(new Date().getFullYear()))
    .option("--json", "in JSON / print JSON")
    .option("--offline", "chỉ dùng các thông báo đi kèm chương trình / only the notices shipped with the program")
    .action(async (options: { year: string; json?: boolean; offline?: boolean }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 1990 || year > 2100)
        throw new CliError("--year: năm phải từ 1990 đến 2100", 2);
      const cal = await calendarFor(options.offline);
      const listing = cal.yearListing(year);
      if (options.json) {
        console.log(JSON.stringify({ year: listing.year, provisional: listing.provisional, days: listing.days }));
        return;
      }
      console.log(
        `Lịch làm việc năm ${year}${listing.provisional ? " (TẠM TÍNH theo Bộ luật Lao động: chưa có thông báo chính thức)" : ""}`,
      );
      for (const d of listing.days) {
        console.log(
          `  ${weekdayName(d.date).padEnd(9)} ${formatVietnameseDate(d.date)}  ${KIND_TEXT[d.kind]?.padEnd(17)} ${d.name}`,
        );
      }
    });

  calendar
    .command("import <file>")
    .description(
      "nhập thông báo nghỉ lễ của một năm từ tệp JSON; tính lại các hạn đang mở / import a year's notice from JSON; recompute open due dates",
    )
    .action(async (file: string) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new CliError(`Không đọc được tệp ${file}: ${(error as Error).message}`, 2);
      }
      const year = (data as { year?: unknown }).year;
      if (typeof year !== "number") throw new CliError('Tệp phải có trường "year" là một số.', 2);
      await withDatabase(async ({ db }) => {
        const result = await saveYearNotice(db, { ...SYSTEM_ACTOR, name: "Dòng lệnh minhbach" }, year, data);
        console.log(
          `Đã lưu lịch năm ${year}: ${result.changedDays} ngày thay đổi; ${result.moved.length} hạn xử lý được tính lại.`,
        );
        for (const m of result.moved)
          console.log(`  ${m.label}: ${formatVietnameseDate(m.oldDue)} → ${formatVietnameseDate(m.newDue)}`);
      });
    });

  program
    .command("deadline")
    .description("tính hạn theo quy tắc luật định, kèm giải thích / compute a statutory deadline with its explanation")
    .requiredOption("--rule <id>", "mã quy tắc, ví dụ complaint.resolve.first / rule id")
    .requiredOption("--from <date>", "ngày bắt đầu YYYY-MM-DD / start date")
    .option("--variant <variant>", "complex | remote | complex-remote | …")
    .option("--extensions <n>", "số lần gia hạn / number of extensions")
    .option("--suspend <range...>", "khoảng tạm đình chỉ YYYY-MM-DD:YYYY-MM-DD / suspension interval")
    .option("--json", "in JSON / print JSON")
    .option("--offline", "chỉ dùng các thông báo đi kèm chương trình / only the shipped notices")
    .action(
      async (options: {
        rule: string;
        from: string;
        variant?: string;
        extensions?: string;
        suspend?: string[];
        json?: boolean;
        offline?: boolean;
      }) => {
        const suspensions = (options.suspend ?? []).map((range, i) => {
          const [from, to] = range.split(":");
          if (!from || !to) throw new CliError(`--suspend[${i}]: cần dạng YYYY-MM-DD:YYYY-MM-DD, nhận "${range}"`, 2);
          return { from, to };
        });
        const extensions = options.extensions === undefined ? undefined : Number(options.extensions);
        const parsed = deadlineInputSchema.safeParse({
          rule: options.rule,
          from: options.from,
          ...(options.variant ? { variant: options.variant } : {}),
          ...(extensions !== undefined ? { extensions } : {}),
          ...(suspensions.length ? { suspensions } : {}),
        });
        if (!parsed.success) throw new CliError(firstIssue(parsed.error).message, 2);
        const cal = await calendarFor(options.offline);
        let result;
        try {
          result = computeDeadline(parsed.data, { calendar: cal, today: todayInVietnam() });
        } catch (error) {
          const e = error as { name?: string; message: string; field?: string };
          if (e.name === "DeadlineError") throw new CliError(`${e.field ? `--${e.field}: ` : ""}${e.message}`, 2);
          throw error;
        }
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        console.log(`${result.title} — hạn: ${weekdayName(result.due)}, ${formatVietnameseDate(result.due)}`);
        console.log("Cách tính hạn:");
        for (const line of explanationLines(result)) console.log(`  - ${line}`);
      },
    );
}
