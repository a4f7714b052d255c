// `npm start`: build the web app if needed, then run the server (API + web) on one port.
// The server runs as a child process: this wrapper forwards SIGINT and SIGTERM to it, stays until
// it has exited (closing the embedded database and its lock takes a moment), and ends with its
// exit code, so that a supervisor sees "stopped" only once the server really is.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuilt } from "./web-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
ensureWebBuilt();
const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "packages/server/src/main.ts")], {
  cwd: process.cwd(),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches the whole process group, the server too: it stops once. A
    // hang-up (the terminal closed) stops it the same orderly way as SIGTERM.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal === "SIGHUP" ? "SIGTERM" : signal);
  });
}
child.on("exit", (code, signal) => {
  // Killed by a signal: the shell's convention, 128 + the signal's number.
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});
