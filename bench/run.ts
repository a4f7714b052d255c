/**
 * `npm run bench [-- SCENARIO ...]`: runs the benchmark scenarios (all by default), prints a
 * table of figures and appends each figure as a JSON line to bench/results.jsonl.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeReporter, type Figure, type Scenario } from "./lib.ts";

const dir = fileURLToPath(new URL("./scenarios/", import.meta.url));
const available = new Map<string, Scenario>();
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort()) {
  const scenario = (await import(dir + file)).default as Scenario;
  available.set(scenario.name, scenario);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const name of wanted) {
  if (!available.has(name)) {
    console.error(`Không có kịch bản "${name}". Có: ${[...available.keys()].join(", ")}`);
    process.exit(2);
  }
}
const figures: Figure[] = [];
for (const scenario of available.values()) {
  if (wanted.length && !wanted.includes(scenario.name)) continue;
  console.log(`\n== ${scenario.name}: ${scenario.description}`);
  await scenario.run(makeReporter(scenario.name, figures), (line) => console.log(`   ${line}`));
}

console.log("\nscenario".padEnd(18) + "db".padEnd(10) + "metric".padEnd(40) + "value");
for (const f of figures) {
  console.log(
    f.scenario.padEnd(17) + f.db.padEnd(10) + f.metric.padEnd(40) + `${f.value.toLocaleString("vi-VN")} ${f.unit}`,
  );
}
console.log(`\n${figures.length} số liệu đã ghi thêm vào bench/results.jsonl`);
process.exit(0);
