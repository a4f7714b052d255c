/**
 * `npx minhbach`: the administrator's command line over the same services as the server.
 * Descriptions are bilingual (Vietnamese / English).
 */
import { Command, CommanderError } from "commander";
import { registerAdminCommands } from "./admin-commands.ts";
import { registerClockCommands } from "./clock-commands.ts";
import { registerKeyCommands } from "./key-commands.ts";
import { registerReminderCommands } from "./reminder-commands.ts";
// periodic reports (issue 19)
import { registerReportCommands } from "./report-commands.ts";
import { CliError } from "./io.ts";

const program = new Command();
program
  .name("minhbach")
  .description("Minh Bạch — dòng lệnh quản trị / administration command line")
  .helpOption("-h, --help", "hiển thị trợ giúp / show help")
  .helpCommand("help [command]", "trợ giúp cho một lệnh / help for a command")
  .showHelpAfterError()
  .exitOverride();

registerAdminCommands(program);
registerClockCommands(program);
registerKeyCommands(program);
registerReminderCommands(program);
// periodic reports (issue 19)
registerReportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    console.error(`Lỗi: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    const e = error as { code?: string; message?: string; field?: string };
    console.error(`Lỗi${e.code ? ` [${e.code}]` : ""}: ${e.message ?? String(error)}${e.field ? ` (${e.field})` : ""}`);
    process.exitCode = 1;
  }
}
