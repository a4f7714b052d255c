/**
 * The wording helpers of the document templates (documents/template-kit.ts): the grammar every
 * template shares, written once — the "Căn cứ" lines, amounts, lists, punctuation, parties named
 * once, the signature block.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formalCitation, lawOfDate, legalGround } from "@minhbach/domain";
import {
  actOf,
  amountPhrase,
  clause,
  executionArticle,
  groundKey,
  headPosition,
  item,
  legalGrounds,
  listLines,
  listPhrase,
  matterOf,
  mentions,
  recoveryLines,
  sentence,
  signatureOf,
  tidy,
  uniqueParties,
  withoutIssuer,
  withoutLead,
} from "../src/modules/documents/template-kit.ts";

const AGENCY_DECISION =
  "Quyết định số 25/2025/QĐ-UBND ngày 30/6/2025 của Ủy ban nhân dân tỉnh Tuyên Quang quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương";
const TT05 =
  "Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh";

describe("legal bases: each text once, in order of force", () => {
  test("the same law or decree in two wordings is one text", () => {
    assert.equal(groundKey(legalGround("LKN")), groundKey(lawOfDate("LKN")));
    assert.equal(groundKey("Luật Khiếu nại năm 2011"), "luật khiếu nại");
    assert.equal(groundKey(`Căn cứ ${formalCitation("ND124")}`), groundKey(formalCitation("ND124", { inWords: true })));
    assert.equal(groundKey(formalCitation("ND124")), "124/2020/nđ-cp");
    assert.notEqual(groundKey(formalCitation("ND124")), groundKey(formalCitation("ND31")));
  });

  test("repeats are dropped, the first wording kept, and the order is law, decree, circular, decision", () => {
    const grounds = legalGrounds([
      legalGround("LKN"),
      `Căn cứ ${formalCitation("ND124")}`,
      `Căn cứ ${AGENCY_DECISION};`,
      lawOfDate("LKN"),
      formalCitation("ND124", { inWords: true }),
      TT05,
      "Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012.",
      "Xét đơn khiếu nại của bà Phạm Thị Hường",
    ]);
    assert.deepEqual(grounds, [
      "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011",
      "Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012",
      `Căn cứ ${formalCitation("ND124")}`,
      `Căn cứ ${TT05}`,
      `Căn cứ ${AGENCY_DECISION}`,
      "Xét đơn khiếu nại của bà Phạm Thị Hường",
    ]);
  });

  test('"Xét" and "Theo đề nghị" lines keep their words and come last, in their order', () => {
    assert.deepEqual(legalGrounds(["Theo đề nghị của Chánh Thanh tra Sở", "Xét đơn", legalGround("LTC")]), [
      "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018",
      "Theo đề nghị của Chánh Thanh tra Sở",
      "Xét đơn",
    ]);
    assert.deepEqual(legalGrounds(["", "  "]), []);
  });
});

describe("amounts", () => {
  test("money and land in one phrase, each only when there is some", () => {
    assert.equal(amountPhrase(15_000_000), "số tiền 15 triệu đồng");
    assert.equal(amountPhrase(46_512_345), "số tiền 46.512.345 đồng");
    assert.equal(amountPhrase(undefined, 1234), "diện tích 1.234 m² đất");
    assert.equal(amountPhrase(46_500_000, 12.5), "số tiền 46,5 triệu đồng và diện tích 12,5 m² đất");
    assert.equal(amountPhrase(undefined, undefined), "");
    assert.equal(amountPhrase(0, 0), "");
  });

  test("recovery: one line to the State, one to the others, none when nothing is returned", () => {
    assert.deepEqual(
      recoveryLines({ returnToStateMoneyVnd: 12_000_000, returnToOthersLandM2: 80, returnToOthersWho: "hộ ông An" }),
      ["Thu hồi cho Nhà nước số tiền 12 triệu đồng", "Trả lại cho hộ ông An diện tích 80 m² đất"],
    );
    assert.deepEqual(recoveryLines({ returnToOthersMoneyVnd: 5_000_000 }), [
      "Trả lại cho tổ chức, cá nhân số tiền 5 triệu đồng",
    ]);
    assert.deepEqual(recoveryLines({}), []);
  });
});

describe("lists and punctuation", () => {
  test('list items end in ";" and the last in ".", whatever punctuation they were typed with', () => {
    assert.deepEqual(listLines(["Thu hồi 15.000.000 đồng.", "kiểm điểm trách nhiệm;"]), [
      "1. Thu hồi 15.000.000 đồng;",
      "2. kiểm điểm trách nhiệm.",
    ]);
    assert.equal(item("-", "Hoàn trả 15.000.000 đồng.;", false), "- Hoàn trả 15.000.000 đồng;");
    assert.deepEqual(listLines([]), []);
  });

  test('"a, b và c", empty items left out', () => {
    assert.equal(
      listPhrase(["Chánh Thanh tra Sở", "", "bà Hường.", "người bị tố cáo"]),
      "Chánh Thanh tra Sở, bà Hường và người bị tố cáo",
    );
    assert.equal(listPhrase(["người bị tố cáo"]), "người bị tố cáo");
    assert.equal(listPhrase([]), "");
  });

  test("two joined pieces make one punctuation mark; numbers and ellipses are left alone", () => {
    assert.equal(
      tidy("các bên thống nhất: hoàn trả 15.000.000 đồng.; còn ý kiến khác nhau"),
      "các bên thống nhất: hoàn trả 15.000.000 đồng; còn ý kiến khác nhau",
    );
    assert.equal(tidy("tổ 7 , phường Minh Xuân ,"), "tổ 7, phường Minh Xuân,");
    assert.equal(tidy("hết ngày 08/4/2026.."), "hết ngày 08/4/2026.");
    assert.equal(tidy("chờ kết quả..."), "chờ kết quả...");
    assert.equal(sentence("Hoàn trả 15.000.000 đồng.;"), "Hoàn trả 15.000.000 đồng.");
    assert.equal(sentence("Hoàn trả 15.000.000 đồng"), "Hoàn trả 15.000.000 đồng.");
    assert.equal(clause("Đội Quản lý thị trường số 2.;"), "Đội Quản lý thị trường số 2");
  });
});

describe("saying things once", () => {
  test("the matter of a complaint or a denunciation, without the verb the sentence already says", () => {
    const decision = "Quyết định số 125/QĐ-XPHC ngày 10/02/2026 của Đội trưởng Đội Quản lý thị trường số 2";
    assert.equal(matterOf(`Bà Hường khiếu nại ${decision}.`, "khiếu nại"), decision);
    assert.equal(matterOf(`Khiếu nại ${decision}`, "khiếu nại"), decision);
    assert.equal(matterOf(`Ông Tâm khiếu nại đối với ${decision}`, "khiếu nại"), decision);
    assert.equal(matterOf("Khiếu nại về việc thu hồi đất", "khiếu nại"), "việc thu hồi đất");
    assert.equal(matterOf(decision, "khiếu nại"), decision);
    assert.equal(matterOf("Đề nghị xem xét lại việc khiếu nại", "khiếu nại"), "Đề nghị xem xét lại việc khiếu nại");
    assert.equal(matterOf("Tố cáo ông Toàn nhận tiền", "tố cáo"), "ông Toàn nhận tiền");
    assert.equal(matterOf("Khiếu nại", "khiếu nại"), "Khiếu nại");
  });

  test("what a person did, without naming them again", () => {
    const toan = "ông Lương Văn Toàn, Kiểm soát viên thị trường";
    assert.equal(
      actOf("Ông Lương Văn Toàn, Kiểm soát viên thị trường nhận 5.000.000 đồng.", toan),
      "Việc nhận 5.000.000 đồng",
    );
    assert.equal(actOf("Ông Lương Văn Toàn nhận tiền khi kiểm tra", toan), "Việc nhận tiền khi kiểm tra");
    assert.equal(actOf("Ông Toàn nhận tiền", toan), "Ông Toàn nhận tiền");
    assert.equal(actOf("Ông Lương Văn Toàn", toan), "Ông Lương Văn Toàn");
    assert.equal(actOf("Ông Lương Văn Toàn Anh nhận tiền", toan), "Ông Lương Văn Toàn Anh nhận tiền");
    assert.equal(actOf("Nhận tiền của hộ kinh doanh", ""), "Nhận tiền của hộ kinh doanh");
  });

  test("a lead that repeats the sentence before is dropped only when it stands apart", () => {
    assert.equal(
      withoutLead("Khiếu nại đúng một phần: hàng hóa hợp pháp.", "khiếu nại đúng một phần"),
      "Hàng hóa hợp pháp.",
    );
    assert.equal(withoutLead("Khiếu nại đúng vì có hóa đơn.", "khiếu nại đúng"), "Khiếu nại đúng vì có hóa đơn.");
    assert.equal(withoutLead("Khiếu nại đúng.", "khiếu nại đúng"), "Khiếu nại đúng.");
    assert.equal(withoutLead("Sửa đổi, bổ sung mức phạt", "Sửa đổi, bổ sung", true), "Mức phạt");
    assert.equal(withoutLead("Giao Chi cục lập lại hồ sơ", "Hủy bỏ", true), "Giao Chi cục lập lại hồ sơ");
  });

  test("each party once, whatever its case, punctuation or honorific", () => {
    assert.deepEqual(
      uniqueParties([
        "Đội trưởng Đội Quản lý thị trường số 2",
        "ông/bà Phạm Thị Hường",
        "",
        "đội trưởng Đội Quản lý thị trường số 2.",
        "Bà Phạm Thị Hường",
      ]),
      ["Đội trưởng Đội Quản lý thị trường số 2", "ông/bà Phạm Thị Hường"],
    );
    assert.equal(
      executionArticle(["Chánh Thanh tra Sở", "chánh Thanh tra Sở", "người bị tố cáo"]),
      "Quyết định này có hiệu lực kể từ ngày ký. Chánh Thanh tra Sở, người bị tố cáo và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này",
    );
    assert.equal(
      executionArticle([]),
      "Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này",
    );
  });

  test("a paper's issuer is left out when the sentence names it; a text that names a party is seen to", () => {
    const resolver = "Giám đốc Sở Công Thương";
    assert.equal(
      withoutIssuer(`Quyết định số 18/QĐ-SCT ngày 09/3/2026 của ${resolver}`, resolver),
      "Quyết định số 18/QĐ-SCT ngày 09/3/2026",
    );
    assert.equal(withoutIssuer("Quyết định số 18/QĐ-SCT", resolver), "Quyết định số 18/QĐ-SCT");
    assert.ok(
      mentions(
        "Quyết định số 125/QĐ-XPHC của Đội trưởng Đội Quản lý thị trường số 2",
        "đội trưởng Đội Quản lý thị trường số 2.",
      ),
    );
    assert.ok(!mentions("Quyết định số 125/QĐ-XPHC", "Đội trưởng"));
    assert.ok(!mentions("Quyết định", ""));
  });
});

describe("the signature block", () => {
  test("a deputy signs for the head: KT. above the position, even when only the position was written", () => {
    assert.deepEqual(signatureOf({ position: "Phó Giám đốc", name: "Hoàng Văn Nam" }), {
      authority: "KT. Giám đốc",
      position: "Phó Giám đốc",
      name: "Hoàng Văn Nam",
    });
    assert.equal(signatureOf({ position: "PHÓ CHỦ TỊCH" })?.authority, "KT. CHỦ TỊCH");
    assert.equal(
      signatureOf({ authority: "TM. ỦY BAN NHÂN DÂN", position: "PHÓ CHỦ TỊCH" })?.authority,
      "TM. ỦY BAN NHÂN DÂN",
    );
    assert.equal(signatureOf({ position: "GIÁM ĐỐC", name: "Nguyễn Thị Thu Hà" })?.authority, null);
    assert.equal(signatureOf({ authority: "TL. GIÁM ĐỐC", position: "CHÁNH VĂN PHÒNG" })?.authority, "TL. GIÁM ĐỐC");
    assert.equal(signatureOf(undefined), null);
  });

  test("the head signs under the title of the authority line", () => {
    const agency = { name: "Sở Công Thương tỉnh Tuyên Quang", shortName: "Sở Công Thương" };
    assert.equal(headPosition("Giám đốc Sở Công Thương", agency), "Giám đốc");
    assert.equal(headPosition("Thủ trưởng Sở Công Thương tỉnh Tuyên Quang", agency), "Thủ trưởng");
    assert.equal(headPosition("Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang", agency), null);
    assert.equal(headPosition("Sở Công Thương", agency), null);
  });
});
