/**
 * Empty optional fields are valid everywhere (the officers' path: saving the dialogue step with
 * "points still in dispute" left empty failed with "phải là chuỗi ký tự"). Every body of the route
 * table is walked, into nested objects, arrays and the alternatives of a union: each optional field
 * that takes text must also take "" and null, as a form sends a field left empty. A partial update
 * (PATCH) is left out: there an absent key means "unchanged", not "empty".
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROUTE_LIST } from "../src/api/routes.ts";
import type { z } from "../src/api/zod-vi.ts";

interface Def {
  type: string;
  in?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a field's schema holds, through wrappers, unions and arrays. */
function objectsIn(schema: z.ZodType | undefined, depth = 0): Record<string, z.ZodType>[] {
  if (!schema || depth > 12) return [];
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return [def.shape!];
    case "pipe":
      return [...objectsIn(def.in, depth + 1), ...objectsIn((def as { out?: z.ZodType }).out, depth + 1)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return objectsIn(def.innerType, depth + 1);
    case "union":
      return def.options!.flatMap((o) => objectsIn(o, depth + 1));
    case "intersection":
      return [...objectsIn(def.left, depth + 1), ...objectsIn(def.right, depth + 1)];
    case "array":
      return objectsIn(def.element, depth + 1);
    default:
      return [];
  }
}

function emptyRefused(schema: z.ZodType, path: string, out: Set<string>): void {
  for (const shape of objectsIn(schema)) {
    for (const [key, field] of Object.entries(shape)) {
      const where = `${path}.${key}`;
      const optional = field.safeParse(undefined).success;
      const takesText = field.safeParse("Nội dung").success || field.safeParse("x").success;
      if (optional && takesText) {
        if (!field.safeParse("").success) out.add(`${where}: "" refused`);
        if (!field.safeParse(null).success) out.add(`${where}: null refused`);
      }
      emptyRefused(field, where, out);
    }
  }
}

test("every optional text field of every form takes empty input", () => {
  const refused = new Set<string>();
  let bodies = 0;
  for (const entry of ROUTE_LIST) {
    if (!entry.body || entry.method === "PATCH") continue;
    bodies++;
    emptyRefused(entry.body, entry.id, refused);
  }
  assert.ok(bodies > 30, `the walk reached the forms (${bodies})`);
  assert.deepEqual([...refused], []);
});

test("the dialogue step saves with the points in dispute left empty", async () => {
  const { ROUTES } = await import("../src/api/routes.ts");
  const body = ROUTES["cases.action"].body;
  for (const empty of ["", null, undefined]) {
    const parsed = body.safeParse({
      action: "hold_dialogue",
      version: 3,
      on: "2026-11-20",
      participants: ["Ông Lương Văn Bình, người khiếu nại"],
      agreedPoints: "Hai bên thống nhất về số tiền phạt.",
      disputedPoints: empty,
    });
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal((parsed.data as { disputedPoints: string }).disputedPoints, "");
  }
});

test("a choice left empty asks for it; a value not in the list is refused as invalid", async () => {
  const { channel } = await import("../src/api/petitions.ts");
  for (const empty of [undefined, null, ""]) {
    assert.equal(channel.safeParse(empty).error?.issues[0]?.message, "Chọn nguồn đơn.");
  }
  assert.equal(channel.safeParse("pigeon").error?.issues[0]?.message, "Nguồn đơn không hợp lệ.");
  assert.equal(channel.parse("post"), "post");
});
