// Builds the web app when packages/web/dist is missing or older than its sources, so that
// `npm start` and `npm test` always serve the current interface without a manual build step.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "packages/web/dist/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name === "e2e") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureWebBuilt() {
  const sources = Math.max(newest(path.join(root, "packages/web")), newest(path.join(root, "packages/domain/src")));
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  console.log("Đang dựng giao diện web (vite build)…");
  const result = spawnSync("npm", ["run", "build", "-w", "@minhbach/web"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("Dựng giao diện web thất bại");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt();
