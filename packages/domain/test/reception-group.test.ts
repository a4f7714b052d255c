/** Group visits and their representatives (Điều 7 Nghị định 124/2020/NĐ-CP; docs/LAW.md §3.5). */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkGroupRepresentation, representativeRange, type GroupPerson } from "../src/reception/index.ts";

const people = (n: number): GroupPerson[] =>
  Array.from({ length: n }, (_, i) => ({ fullName: `Nguyễn Văn ${String.fromCharCode(65 + i)}` }));

function codes(result: ReturnType<typeof checkGroupRepresentation>): string[] {
  return result.problems.map((p) => p.code);
}

describe("representation bands", () => {
  test("fewer than 5 people: received directly, no representatives needed", () => {
    const r = checkGroupRepresentation({ peopleCount: 3, members: people(3), representatives: [] });
    assert.equal(r.representatives, null);
    assert.equal(r.isCrowd, false);
    assert.deepEqual(r.problems, []);
  });

  test("5–10 people: 1 or 2 representatives", () => {
    const members = people(7);
    assert.deepEqual(
      codes(
        checkGroupRepresentation({
          peopleCount: 7,
          members,
          representatives: members.slice(0, 2),
          writtenAppointment: true,
        }),
      ),
      [],
    );
    const none = checkGroupRepresentation({ peopleCount: 7, members, representatives: [] });
    assert.deepEqual(codes(none), ["REPRESENTATIVE_REQUIRED"]);
    assert.equal(none.problems[0]?.field, "representatives");
    const three = checkGroupRepresentation({
      peopleCount: 7,
      members,
      representatives: members.slice(0, 3),
      writtenAppointment: true,
    });
    assert.deepEqual(codes(three), ["TOO_MANY_REPRESENTATIVES"]);
    assert.equal(three.problems[0]?.message, "Nhóm từ 5 đến 10 người chỉ cử 1 hoặc 2 người đại diện (đang có 3).");
  });

  test("more than 10 people: at most 5 representatives", () => {
    const members = people(12);
    assert.deepEqual(
      codes(
        checkGroupRepresentation({
          peopleCount: 40,
          members,
          representatives: members.slice(0, 5),
          writtenAppointment: true,
        }),
      ),
      [],
    );
    const six = checkGroupRepresentation({
      peopleCount: 40,
      members,
      representatives: members.slice(0, 6),
      writtenAppointment: true,
    });
    assert.deepEqual(codes(six), ["TOO_MANY_REPRESENTATIVES"]);
    assert.match(six.problems[0]?.message ?? "", /không quá 5 người đại diện/);
    assert.deepEqual(representativeRange(11), { min: 1, max: 5 });
    assert.deepEqual(representativeRange(10), { min: 1, max: 2 });
    assert.deepEqual(representativeRange(5), { min: 1, max: 2 });
    assert.equal(representativeRange(4), null);
  });
});

describe("representatives must be among the members", () => {
  test("a stranger is reported at representatives.1", () => {
    const members = people(6);
    const r = checkGroupRepresentation({
      peopleCount: 6,
      members,
      representatives: [members[0] as GroupPerson, { fullName: "Trần Thị Bình" }],
      writtenAppointment: true,
    });
    assert.deepEqual(codes(r), ["REPRESENTATIVE_NOT_MEMBER"]);
    assert.equal(r.problems[0]?.field, "representatives.1");
    assert.match(r.problems[0]?.message ?? "", /"Trần Thị Bình" không có trong danh sách/);
  });

  test("names compare without accents or case; identity numbers win over names", () => {
    const members: GroupPerson[] = [
      { fullName: "Nguyễn Văn An", idNumber: "001085012345" },
      { fullName: "Lê Thị Hoa" },
      ...people(4),
    ];
    const byName = checkGroupRepresentation({
      peopleCount: 6,
      members,
      representatives: [{ fullName: "  le thi HOA " }],
      writtenAppointment: true,
    });
    assert.deepEqual(codes(byName), []);
    const byId = checkGroupRepresentation({
      peopleCount: 6,
      members,
      representatives: [{ fullName: "Nguyen Van Anh (viết sai)", idNumber: "001 085 012 345" }],
      writtenAppointment: true,
    });
    assert.deepEqual(codes(byId), []);
    const wrongId = checkGroupRepresentation({
      peopleCount: 6,
      members,
      representatives: [{ fullName: "Nguyễn Văn An", idNumber: "001085099999" }],
      writtenAppointment: true,
    });
    assert.deepEqual(codes(wrongId), ["REPRESENTATIVE_NOT_MEMBER"]);
  });

  test("the same representative twice", () => {
    const members = people(8);
    const r = checkGroupRepresentation({
      peopleCount: 8,
      members,
      representatives: [members[1] as GroupPerson, { fullName: "nguyen van b" }],
      writtenAppointment: true,
    });
    assert.deepEqual(codes(r), ["REPRESENTATIVE_DUPLICATE"]);
    assert.equal(r.problems[0]?.field, "representatives.1");
  });

  test("written appointment missing is a warning", () => {
    const members = people(5);
    const r = checkGroupRepresentation({ peopleCount: 5, members, representatives: members.slice(0, 1) });
    assert.deepEqual(codes(r), ["WRITTEN_APPOINTMENT_MISSING"]);
    assert.equal(r.problems[0]?.severity, "warning");
  });

  test("more names than people, and a bad count", () => {
    assert.deepEqual(codes(checkGroupRepresentation({ peopleCount: 2, members: people(3), representatives: [] })), [
      "MEMBERS_EXCEED_COUNT",
    ]);
    assert.deepEqual(codes(checkGroupRepresentation({ peopleCount: 0, members: [], representatives: [] })), [
      "PEOPLE_COUNT_INVALID",
    ]);
  });
});

describe("đoàn đông người threshold", () => {
  test("default 5, configurable", () => {
    const members = people(6);
    const input = { peopleCount: 6, members, representatives: members.slice(0, 1), writtenAppointment: true };
    assert.equal(checkGroupRepresentation(input).isCrowd, true);
    assert.equal(checkGroupRepresentation(input, { threshold: 10 }).isCrowd, false);
    // The threshold is a reporting convention; the representation rule stays.
    assert.deepEqual(checkGroupRepresentation(input, { threshold: 10 }).representatives, { min: 1, max: 2 });
  });
});

describe("property: representatives chosen among the members", () => {
  test("accepted exactly when their number is within the band", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 8 }), (count, reps) => {
        const members = people(Math.min(count, 26));
        fc.pre(reps <= members.length);
        const r = checkGroupRepresentation({
          peopleCount: count,
          members,
          representatives: members.slice(0, reps),
          writtenAppointment: true,
        });
        const max = count <= 10 ? 2 : 5;
        assert.equal(r.problems.length === 0, reps >= 1 && reps <= max);
      }),
    );
  });
});
