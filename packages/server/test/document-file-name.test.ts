// A downloaded document is named as an officer files it: kind, petition or case code, date.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { asciiFileName, documentDisposition, documentFileName } from "../src/modules/documents/file-name.ts";

describe("document file names", () => {
  test("kind, code and date; ASCII and Vietnamese forms", () => {
    const name = documentFileName({
      kind: "Phiếu chuyển đơn",
      ownerCode: "LC.SCT-2026-000123",
      date: "2026-12-05",
      draft: false,
    });
    assert.equal(name, "Phiếu chuyển đơn_LC.SCT-2026-000123_05-12-2026.docx");
    assert.equal(asciiFileName(name), "Phieu-chuyen-don_LC.SCT-2026-000123_05-12-2026.docx");
    assert.equal(
      documentDisposition(name),
      `attachment; filename="Phieu-chuyen-don_LC.SCT-2026-000123_05-12-2026.docx"; ` +
        `filename*=UTF-8''Phi%E1%BA%BFu%20chuy%E1%BB%83n%20%C4%91%C6%A1n_LC.SCT-2026-000123_05-12-2026.docx`,
    );
  });

  test("a draft is marked, a parenthesis left out, no internal id", () => {
    const name = documentFileName({
      kind: "Phiếu hướng dẫn (đơn không thuộc thẩm quyền xử lý)",
      ownerCode: "LC.SCT-2026-000007",
      date: "2026-01-09",
      draft: true,
    });
    assert.equal(name, "du-thao_Phiếu hướng dẫn_LC.SCT-2026-000007_09-01-2026.docx");
    assert.equal(asciiFileName(name), "du-thao_Phieu-huong-dan_LC.SCT-2026-000007_09-01-2026.docx");
  });

  test("a document of no petition or case; characters a header or a disk refuses", () => {
    const name = documentFileName({
      kind: "Thông báo kết luận: buổi tiếp",
      ownerCode: null,
      date: "2026-03-02",
      draft: false,
    });
    assert.equal(name, "Thông báo kết luận buổi tiếp_02-03-2026.docx");
    const header = documentDisposition("Quyết định (số 1)'s*.docx");
    assert.doesNotMatch(header.split("UTF-8''")[1]!, /['()*]/);
    assert.match(header, /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
  });
});
