/**
 * `minhbach keys`: the identity key ring (platform/vault.ts). Rotation adds a new primary key to
 * the key file and re-seals every protected row under it; the old key is kept until `retire`
 * confirms no row still needs it.
 */
import { loadConfig } from "@minhbach/server/config";
import { resealProtectedRecords, sealedRecordsByKey } from "@minhbach/server/modules/documents/protected-records";
import { resealWriters, sealedByKey } from "@minhbach/server/modules/petitions/parties";
import { keyRing, loadKeyRing, useKeyRing, writeKeyRing } from "@minhbach/server/platform/vault";
import type { Command } from "commander";
import { CliError, withDatabase } from "./io.ts";

/** Rows sealed by each key: writers, encrypted files, and documents' and files' sealed originals. */
async function countsByKey(db: Parameters<typeof sealedByKey>[0]): Promise<Record<string, number>> {
  const counts = await sealedByKey(db);
  for (const [id, n] of Object.entries(await sealedRecordsByKey(db))) counts[id] = (counts[id] ?? 0) + n;
  return counts;
}

/** Re-seals the writers, then the documents' and files' sealed originals. */
async function resealAll(db: Parameters<typeof resealWriters>[0]): Promise<number> {
  const writers = await resealWriters(db, (done) => process.stdout.write(`\r  đã mã hóa lại ${done} bản ghi`));
  const records = await resealProtectedRecords(db, (done) =>
    process.stdout.write(`\r  đã mã hóa lại ${writers + done} bản ghi`),
  );
  return writers + records;
}

function keyFileOrFail() {
  const config = loadConfig();
  if (config.keysJson)
    throw new CliError(
      "Khóa đang được nạp từ biến môi trường MINHBACH_KEYS: thêm khóa mới vào biến đó (khóa chính mới ở trường primary) rồi chạy `minhbach keys reseal`.",
      2,
    );
  return config.keyFile;
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command("keys").description("khóa bảo vệ danh tính người tố cáo / identity protection keys");

  keys
    .command("status")
    .description("khóa đang dùng và số bản ghi mỗi khóa đã mã hóa / keys in use and rows sealed by each")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const ring = keyRing();
        const counts = await countsByKey(db);
        console.log(`Khóa chính: ${ring.primaryId}`);
        for (const id of ring.keyIds) console.log(`  ${id.padEnd(24)} ${counts[id] ?? 0} bản ghi`);
        const unknown = Object.keys(counts).filter((id) => !ring.keyIds.includes(id));
        if (unknown.length)
          console.log(`CẢNH BÁO: có bản ghi mã hóa bằng khóa không có trong tệp: ${unknown.join(", ")}`);
      });
    });

  keys
    .command("rotate")
    .description("tạo khóa chính mới và mã hóa lại mọi bản ghi / new primary key, re-seal every row")
    .action(async () => {
      const file = keyFileOrFail();
      const current = loadKeyRing({ file, create: false }).ring;
      const next = current.rotated();
      writeKeyRing(file, next);
      useKeyRing(next);
      console.log(`Đã thêm khóa chính mới ${next.primaryId} vào ${file}; đang mã hóa lại…`);
      await withDatabase(async ({ db }) => {
        const n = await resealAll(db);
        console.log(
          `\nXong: ${n} bản ghi. Khóa cũ ${current.primaryId} vẫn giữ trong tệp; bỏ bằng \`minhbach keys retire ${current.primaryId}\`.`,
        );
      });
    });

  keys
    .command("reseal")
    .description("mã hóa lại mọi bản ghi bằng khóa chính hiện tại / re-seal every row under the primary key")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const n = await resealAll(db);
        console.log(`\nXong: ${n} bản ghi được mã hóa lại bằng khóa ${keyRing().primaryId}.`);
      });
    });

  keys
    .command("retire <id>")
    .description("bỏ một khóa cũ khi không còn bản ghi nào dùng nó / remove an old key no row uses")
    .action(async (id: string) => {
      const file = keyFileOrFail();
      await withDatabase(async ({ db }) => {
        const counts = await countsByKey(db);
        if (counts[id])
          throw new CliError(
            `Còn ${counts[id]} bản ghi mã hóa bằng khóa ${id}: chạy \`minhbach keys reseal\` trước.`,
            1,
          );
        const next = keyRing().without(id);
        writeKeyRing(file, next);
        console.log(`Đã bỏ khóa ${id} khỏi ${file}.`);
      });
    });
}
