/**
 * What protecting denouncers costs: sealing and opening a writer (AES-256-GCM), the keyed hash of a
 * duplicate key, masking a letter's text, and through the whole HTTP stack on the embedded
 * database, the detail of a denunciation read by someone who may not see the denouncer (writers
 * unsealed to find what to mask, text masked) against the detail of a complaint read by the same
 * user (writers unsealed and returned).
 */
import { ELIGIBLE_ANSWERS } from "../../packages/domain/src/petitions/eligibility.ts";
import { redactPersonalData } from "../../packages/domain/src/text/redact.ts";
import {
  clearLetterTexts,
  sealLetterTexts,
  openLetterTexts,
} from "../../packages/server/src/modules/identity/letter-texts.ts";
import { KeyRing, useKeyRing } from "../../packages/server/src/platform/vault.ts";
import { startTestApp } from "../../packages/server/src/testing.ts";
import { percentile, type Scenario } from "../lib.ts";

const N = Number(process.env.BENCH_IDENTITY ?? 200_000);
const REQUESTS = Number(process.env.BENCH_IDENTITY_REQUESTS ?? 300);

const WRITER = {
  kind: "person",
  fullName: "Vương Thị Thanh Xuân",
  address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
  phone: "0912345678",
  identity: { kind: "cccd", number: "010195067890", birthYear: 1995, gender: "female" },
};
const LETTER =
  "Tôi tên là Vương Thị Thanh Xuân, CCCD 010195067890, trú tại Tổ 5, phường Cam Đường, tỉnh Lào Cai, điện " +
  "thoại 0912 345 678. " +
  "Tôi tố cáo ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3, nhiều lần nhận tiền của các hộ kinh " +
  "doanh tại chợ Cốc Lếu để bỏ qua vi phạm về hàng giả, hàng không rõ nguồn gốc. ".repeat(8);

function perSecond(count: number, work: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) work();
  return (count / (performance.now() - t0)) * 1000;
}

const scenario: Scenario = {
  name: "identity",
  description:
    "Chi phí bảo vệ danh tính người tố cáo: mã hóa, băm khóa trùng, che thông tin trong nội dung, chi tiết đơn",
  async run(report, log) {
    const ring = KeyRing.generate("bench");
    const plain = JSON.stringify(WRITER);
    const sealed = ring.seal(plain, "petition_party:x");
    perSecond(10_000, () => ring.open(ring.seal(plain, "c"), "c"));
    report(
      "seal_per_second",
      perSecond(N, () => ring.seal(plain, "petition_party:x")),
      "1/s",
    );
    report(
      "open_per_second",
      perSecond(N, () => ring.open(sealed, "petition_party:x")),
      "1/s",
    );
    report(
      "blind_key_per_second",
      perSecond(N, () => ring.blind("id:010195067890")),
      "1/s",
    );
    const subjects = [
      { name: WRITER.fullName, address: WRITER.address, numbers: [WRITER.identity.number], phone: WRITER.phone },
    ];
    const masked = redactPersonalData(LETTER, subjects);
    log(`thư ${LETTER.length} ký tự; sau khi che: ${masked.slice(0, 90)}…`);
    report(
      "redact_letters_per_second",
      perSecond(Math.min(N, 20_000), () => redactPersonalData(LETTER, subjects)),
      "1/s",
    );

    // A letter that may be a denunciation is stored masked, its original sealed; its handler
    // reads it unsealed.
    useKeyRing(ring);
    const raw = { title: null, summary: null, content: LETTER };
    const writers = [WRITER] as unknown as Parameters<typeof clearLetterTexts>[2];
    report(
      "letter_mask_for_storage_per_second",
      perSecond(Math.min(N, 20_000), () => clearLetterTexts(raw, null, writers)),
      "1/s",
    );
    const letterSealed = sealLetterTexts("x", raw);
    report(
      "letter_seal_per_second",
      perSecond(N, () => sealLetterTexts("x", raw)),
      "1/s",
    );
    report(
      "letter_open_per_second",
      perSecond(N, () =>
        openLetterTexts({ id: "x", texts_sealed: letterSealed, title: null, summary: null, content: "" }),
      ),
      "1/s",
    );

    // Through the HTTP stack: the same viewer reads a denunciation (masked) and a complaint.
    const t = await startTestApp({ listen: false });
    try {
      const handler = await t.login("xulydon");
      const viewer = await t.login("xem");
      const ids: Record<string, string> = {};
      const letter = {
        channel: "post",
        receivedOn: "2026-11-02",
        petitioners: [WRITER],
        respondents: [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }],
        content: LETTER,
        fieldCode: "CT.QUAN_LY_THI_TRUONG",
      };
      for (const kind of ["complaint", "denunciation"] as const) {
        const created = await handler.post("/api/petitions", letter);
        const p = (await handler.get(`/api/petitions/${created.body.id}`)).body;
        await handler.post(`/api/petitions/${p.id}/classify`, {
          version: p.version,
          kind,
          competence: "within",
          fieldCode: "CT.QUAN_LY_THI_TRUONG",
          ...(kind === "complaint" ? { complaintAcceptable: true } : {}),
          eligibilityAnswers: ELIGIBLE_ANSWERS,
        });
        ids[kind] = p.id;
      }
      const unclassified = await handler.post("/api/petitions", letter);
      // The handler reads the unclassified letter (texts unsealed) and the complaint (in clear).
      const handled: Record<string, number[]> = { unclassified: [], complaint: [] };
      for (let i = 0; i < REQUESTS; i++) {
        for (const [which, id] of [
          ["unclassified", unclassified.body.id],
          ["complaint", ids.complaint],
        ] as const) {
          const t0 = performance.now();
          const res = await handler.get(`/api/petitions/${id}`);
          handled[which]!.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`detail ${which}: ${res.status}`);
        }
      }
      report(
        "detail_sealed_unclassified_vs_complaint_handler_p50",
        percentile(handled.unclassified!, 50) / percentile(handled.complaint!, 50),
        "x",
        "pglite",
      );
      const times: Record<string, number[]> = { complaint: [], denunciation: [] };
      for (let i = 0; i < REQUESTS; i++) {
        for (const kind of ["complaint", "denunciation"] as const) {
          const t0 = performance.now();
          const res = await viewer.get(`/api/petitions/${ids[kind]}`);
          times[kind]!.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`detail ${kind}: ${res.status}`);
          if (kind === "denunciation" && /Thanh Xuân/.test(JSON.stringify(res.body)))
            throw new Error("the denouncer leaked into the masked detail");
        }
      }
      for (const kind of ["complaint", "denunciation"] as const) {
        report(`detail_${kind}_p50_ms`, percentile(times[kind]!, 50), "ms", "pglite");
        report(`detail_${kind}_p95_ms`, percentile(times[kind]!, 95), "ms", "pglite");
      }
      report(
        "detail_masked_denunciation_vs_complaint_p50",
        percentile(times.denunciation!, 50) / percentile(times.complaint!, 50),
        "x",
        "pglite",
      );
    } finally {
      await t.close();
    }
  },
};

export default scenario;
