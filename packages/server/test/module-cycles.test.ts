/**
 * The server's module folders (src/modules/*) depend on each other one way only: two folders that
 * import each other can be neither read, tested nor changed apart. Type-only imports count too,
 * since they tie the designs together as much as the code.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";

const modulesDir = path.resolve(import.meta.dirname, "../src/modules");

/** For each module folder, the other folders it imports, each with one file that does it. */
function folderImports(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const entry of readdirSync(modulesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const from = path.relative(modulesDir, file).split(path.sep)[0]!;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = path.relative(modulesDir, path.resolve(path.dirname(file), fileName));
      if (target.startsWith("..")) continue; // platform, db: below every module
      const to = target.split(path.sep)[0]!;
      if (to !== from && !edges.has(to)) edges.set(to, path.relative(modulesDir, file));
    }
  }
  return graph;
}

/** Every cycle a depth-first walk closes, each as its folders in order (the first repeated last). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found = new Map<string, string[]>();
  const done = new Set<string>();
  const walk = (node: string, stack: string[]) => {
    if (done.has(node)) return;
    const at = stack.indexOf(node);
    if (at >= 0) {
      const cycle = stack.slice(at);
      // The same cycle reached from another folder is reported once.
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const key = [...cycle.slice(start), ...cycle.slice(0, start)];
      found.set(key.join(" "), [...key, key[0]!]);
      return;
    }
    for (const next of graph.get(node)?.keys() ?? []) walk(next, [...stack, node]);
    if (stack.length === 0) done.add(node);
  };
  for (const node of [...graph.keys()].sort()) walk(node, []);
  return [...found.values()];
}

test("no two module folders import each other, directly or through others", () => {
  const graph = folderImports();
  assert.ok(graph.size > 5, `modules found in ${modulesDir}`);
  const report = cycles(graph).map((cycle) =>
    cycle
      .slice(0, -1)
      .map((from, i) => `${from} → ${cycle[i + 1]} (${graph.get(from)!.get(cycle[i + 1]!)})`)
      .join(", "),
  );
  assert.deepEqual(report, [], `import cycles between module folders:\n${report.join("\n")}`);
});

test("the identity module stands on platform, db and domain alone", () => {
  const uses = [...(folderImports().get("identity") ?? new Map<string, string>())];
  assert.deepEqual(
    uses.map(([to, file]) => `${file} imports from ${to}/`),
    [],
    "who may see a denouncer is decided in one place, which every other module asks",
  );
});
