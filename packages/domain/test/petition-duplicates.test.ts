/** Duplicate detection keys and scores: the normalisation shared with the database's trigram search. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  addressKey,
  contentFingerprint,
  matterSignature,
  nameAddressKey,
  personKey,
  respondentKey,
  sameMatterScore,
  simhashDistance,
  similarity,
} from "../src/petitions/index.ts";

describe("person key", () => {
  test('"Nguyễn Văn A, xã X" equals "nguyen van a , Xã X"', () => {
    assert.equal(nameAddressKey("Nguyễn Văn A, xã X"), nameAddressKey("nguyen van a , Xã X"));
    assert.equal(nameAddressKey("Nguyễn Văn A, xã X"), "na:nguyen van a|x");
  });

  test("administrative words written or omitted, đ/Đ, punctuation", () => {
    assert.equal(addressKey("Thôn 3, Xã Bắc Hà, tỉnh Lào Cai"), "3 bac ha lao cai");
    assert.equal(addressKey("thon 3 , bac ha, Lao Cai"), "3 bac ha lao cai");
    assert.equal(
      personKey({ fullName: "Đỗ Thị Đào", address: "Phường Hoàn Kiếm, Thành phố Hà Nội" }),
      personKey({ fullName: "do thi dao", address: "hoan kiem - ha noi" }),
    );
  });

  test("the identity number wins; different people stay different", () => {
    assert.equal(personKey({ idNumber: "001 085 012 345", fullName: "Nguyễn Văn A" }), "id:001085012345");
    assert.notEqual(nameAddressKey("Nguyễn Văn A, xã X"), nameAddressKey("Nguyễn Văn B, xã X"));
    assert.notEqual(nameAddressKey("Nguyễn Văn A, xã X"), nameAddressKey("Nguyễn Văn A, xã Y"));
    assert.equal(personKey({ fullName: "  " }), null);
  });

  test("property: accents and case never change the key", () => {
    const syllable = fc.constantFrom(
      "Nguyễn",
      "Trần",
      "Lê",
      "Văn",
      "Thị",
      "Đức",
      "Hương",
      "Ánh",
      "Bắc",
      "Hà",
      "Sơn",
      "Mường",
    );
    const words = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(words, words, (name, place) => {
        const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
        assert.equal(
          personKey({ fullName: name, address: `xã ${place}` }),
          personKey({ fullName: plain(name).toUpperCase(), address: ` XA ${plain(place).toLowerCase()} ` }),
        );
      }),
    );
  });
});

describe("respondent key", () => {
  test("legal forms and honorifics are dropped", () => {
    assert.equal(respondentKey("Công ty TNHH Xăng dầu Minh Phát"), "xang dau minh phat");
    assert.equal(respondentKey("CTY xăng dầu Minh Phát"), "xang dau minh phat");
    assert.equal(respondentKey("Công ty trách nhiệm hữu hạn một thành viên Xăng dầu Minh Phát"), "xang dau minh phat");
    assert.equal(respondentKey("Ông Trần Văn Nam"), "tran van nam");
    assert.equal(respondentKey(""), "");
  });
});

describe("content fingerprint and similarity", () => {
  const original =
    "Cửa hàng xăng dầu Minh Phát bán xăng thiếu số lượng, tôi đổ 5 lít nhưng đo lại chỉ được 4,5 lít. Đề nghị kiểm tra cột bơm.";
  const resent = `Tôi đã gửi đơn ngày 02/03/2026 nhưng chưa được trả lời. ${original}`;
  const reworded =
    "Cây xăng Minh Phát bán thiếu xăng cho người dân, đề nghị cơ quan chức năng kiểm tra đo lường cột bơm.";
  const other = "Hóa đơn tiền điện tháng 3 của gia đình tôi tăng gấp ba lần, đề nghị kiểm tra công tơ điện.";

  test("same text whatever the accents, case and punctuation", () => {
    const plain =
      "CUA HANG XANG DAU MINH PHAT ban xang thieu so luong; toi do 5 lit nhung do lai chi duoc 4 5 lit - de nghi kiem tra cot bom";
    assert.equal(similarity(original, plain), 1);
    assert.equal(contentFingerprint(original).simhash, contentFingerprint(plain).simhash);
  });

  test("ordering: identical > re-sent with a lead > reworded > another matter", () => {
    const s1 = similarity(original, original);
    const s2 = similarity(original, resent);
    const s3 = similarity(original, reworded);
    const s4 = similarity(original, other);
    assert.equal(s1, 1);
    assert.ok(s2 > 0.75, `re-sent ${s2}`);
    assert.ok(s2 > s3 && s3 > s4, `${s2} > ${s3} > ${s4}`);
    assert.ok(s4 < 0.2, `other ${s4}`);
    assert.ok(
      simhashDistance(contentFingerprint(original).simhash, contentFingerprint(resent).simhash) <
        simhashDistance(contentFingerprint(original).simhash, contentFingerprint(other).simhash),
    );
  });

  test("empty texts share nothing", () => {
    assert.equal(similarity("", ""), 0);
    assert.equal(similarity("...", original), 0);
  });

  test("properties: symmetric, between 0 and 1, 1 with itself", () => {
    const word = fc.constantFrom(
      "đơn",
      "khiếu",
      "nại",
      "tố",
      "cáo",
      "đất",
      "điện",
      "xăng",
      "dầu",
      "kiểm",
      "tra",
      "UBND",
      "xã",
    );
    const text = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = similarity(a, b);
        assert.equal(ab, similarity(b, a));
        assert.ok(ab >= 0 && ab <= 1);
        assert.equal(similarity(a, a), 1);
        assert.equal(simhashDistance(contentFingerprint(a).simhash, contentFingerprint(a).simhash), 0);
      }),
    );
  });
});

describe("same matter likelihood", () => {
  const base = {
    petitioners: [{ idNumber: "010085012345", fullName: "Nguyễn Văn An", address: "xã Bắc Hà" }],
    respondent: "Công ty TNHH Xăng dầu Minh Phát",
    content: "Cửa hàng xăng dầu Minh Phát bán xăng thiếu số lượng, đề nghị kiểm tra cột bơm và xử lý nghiêm.",
    fieldCode: "CT.XANG_DAU",
  };

  test("the same person re-sending the same matter: same, with reasons", () => {
    const r = sameMatterScore(
      matterSignature(base),
      matterSignature({
        ...base,
        petitioners: [{ fullName: "nguyen van an", address: "Xã Bắc Hà", idNumber: "010085012345" }],
        respondent: "Cty xăng dầu Minh Phát",
        content: `Tiếp theo đơn trước, tôi tiếp tục đề nghị. ${base.content}`,
      }),
    );
    assert.equal(r.verdict, "same");
    assert.deepEqual(r.reasons.slice(0, 2), [
      "Cùng số giấy tờ tùy thân của người viết đơn",
      "Cùng người (cơ quan, tổ chức) bị khiếu nại, tố cáo",
    ]);
    assert.match(r.reasons[2] ?? "", /^Nội dung giống nhau khoảng \d+%$/);
    assert.ok(!r.reasons.join(" ").includes("010085012345"), "no personal data in the reasons");
  });

  test("an anonymous copy of the same letter: probable", () => {
    const r = sameMatterScore(matterSignature(base), matterSignature({ ...base, petitioners: [] }));
    assert.equal(r.verdict, "probable");
  });

  test("the same words with nothing else recorded (no writer, no respondent): probable", () => {
    const bare = { petitioners: [], content: base.content };
    const copy = sameMatterScore(matterSignature(bare), matterSignature({ ...bare, content: `${base.content} ` }));
    assert.equal(copy.verdict, "probable");
    assert.equal(copy.score, 0.55);
    const reworded = sameMatterScore(
      matterSignature(bare),
      matterSignature({ ...bare, content: "Cửa hàng Minh Phát bán thiếu xăng, đề nghị Sở xuống kiểm tra ngay." }),
    );
    assert.equal(reworded.verdict, "different");
  });

  test("the same person on another matter: different; scores order accordingly", () => {
    const otherMatter = matterSignature({
      ...base,
      respondent: "Điện lực Bắc Hà",
      content: "Hóa đơn tiền điện tháng 3 tăng bất thường, đề nghị kiểm tra công tơ.",
      fieldCode: "CT.DIEN_LUC",
    });
    const same = sameMatterScore(matterSignature(base), matterSignature(base));
    const other = sameMatterScore(matterSignature(base), otherMatter);
    assert.equal(other.verdict, "different");
    assert.ok(same.score > other.score);
    assert.equal(same.score, 1);
    const stranger = sameMatterScore(
      matterSignature(base),
      matterSignature({
        petitioners: [{ fullName: "Lê Thị Hoa", address: "phường Sa Pa" }],
        content: "Đề nghị trợ cấp xã hội.",
      }),
    );
    assert.deepEqual(stranger.reasons, ["Không có điểm trùng đáng kể"]);
  });
});
