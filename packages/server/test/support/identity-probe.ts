/**
 * The identity probe (test/identity-probe.*.test.ts, support/identity-probe-suite.ts): does a denouncer's identity reach anyone who
 * may not see it?
 *
 * - `runScenario` writes three invented people into the system through the HTTP API, each in
 *   every shape a real letter uses: a denunciation by letter (X1), a denunciation brought in
 *   person (X2), and a letter not yet classified (X3).
 * - `entitlement` says who may see each of them, from the scenario's own facts (the case's
 *   assignees, the visit's receiving officer) and the domain's role map (who handles letters).
 * - `walkApi` reads the OpenAPI document and calls every GET operation under /api, as every demo
 *   account and as nobody, with every id the scenario made, plus searches by each identity.
 * - `findIdentities` looks for each identity's strings in an answer (JSON, text, .docx, .xlsx,
 *   raw bytes): the name as written and accent-free, the ID number and the phone as digits, the
 *   e-mail, the address.
 * - `scanFiles` does the same over the bytes of a folder (the embedded database at rest).
 *
 * The probe trusts nothing of the code it checks: its own folding, its own zip reader (./zip.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ELIGIBLE_ANSWERS, encodePersonalId, grantsOf, todayInVietnam } from "@minhbach/domain";
import { INDICATORS } from "@minhbach/domain/reports/index";
import { DEMO_ACCOUNTS } from "../../src/seed/demo.ts";
import type { Started } from "../../src/start.ts";
import type { TestApp, TestClient } from "../../src/testing.ts";
import { signPapers } from "./papers.ts";
import { unescapeXml, zipEntries } from "./zip.ts";

// ---------------------------------------------------------------------------------------------
// The people.

export type IdentityKey = "X1" | "X2" | "X3";

export interface Identity {
  key: IdentityKey;
  /** What the person is in the scenario. */
  role: string;
  fullName: string;
  honorific: "ông" | "bà";
  gender: "male" | "female";
  birthYear: number;
  /** 12 digits, consistent with the year of birth and gender. */
  cccd: string;
  /** Local 10-digit form. */
  phone: string;
  email: string;
  address: string;
  /** The part of the address that names no one else: what the probe looks for. */
  addressMark: string;
}

/** Invented, rare names and numbers: none occurs in the demo data or anywhere else in the system. */
export const IDENTITIES: readonly Identity[] = [
  {
    key: "X1",
    role: "người tố cáo bằng đơn (thư)",
    fullName: "Quách Thị Diệu Thoa",
    honorific: "bà",
    gender: "female",
    birthYear: 1987,
    cccd: encodePersonalId("001", 1987, "female", 203457),
    phone: "0913572468",
    email: "dieuthoa.quach87@example.vn",
    address: "số 14 ngõ Suối Ngọc Lựu, phường Cam Đường, tỉnh Lào Cai",
    addressMark: "Suối Ngọc Lựu",
  },
  {
    key: "X2",
    role: "người tố cáo trực tiếp tại trụ sở tiếp công dân",
    fullName: "Ôn Văn Thượng Khiêm",
    honorific: "ông",
    gender: "male",
    birthYear: 1979,
    cccd: encodePersonalId("010", 1979, "male", 604213),
    phone: "0978246135",
    email: "onthuongkhiem79@example.vn",
    address: "bản Nà Phèo Thượng, xã Mường Khương, tỉnh Lào Cai",
    addressMark: "Nà Phèo Thượng",
  },
  {
    key: "X3",
    role: "người viết đơn chưa phân loại",
    fullName: "Lều Thị Bích Thủy",
    honorific: "bà",
    gender: "female",
    birthYear: 1992,
    cccd: encodePersonalId("031", 1992, "female", 775139),
    phone: "0356819027",
    email: "bichthuy.leu92@example.vn",
    address: "tổ dân phố Đồi Sim Tím, phường Sa Pa, tỉnh Lào Cai",
    addressMark: "Đồi Sim Tím",
  },
];

export const identityByKey = (key: IdentityKey): Identity => IDENTITIES.find((x) => x.key === key)!;

/** Accent-folded, lower-case, single-spaced: how the probe compares names and addresses. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ");
}

const spacedId = (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}`;
const phoneShapes = (p: string) => [
  `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
  `${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}`,
  `+84 ${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
  `(+84) ${p.slice(1, 4)}.${p.slice(4, 7)}.${p.slice(7)}`,
];

/**
 * The identity as people write it in a letter or a note: the name as is and in accent-free
 * capitals, the ID number spaced and plain, the phone in four shapes, the e-mail, the address.
 */
export function identityShapes(x: Identity): string {
  const [spaced, dotted, intl, intlDotted] = phoneShapes(x.phone);
  return (
    `Tôi tên là ${x.fullName} (${fold(x.fullName).toUpperCase()}), sinh năm ${x.birthYear}, ` +
    `số CCCD ${spacedId(x.cccd)} (${x.cccd}), nơi ở: ${x.address}. ` +
    `Điện thoại: ${spaced}, ${dotted}, ${intl} hoặc ${intlDotted}; thư điện tử: ${x.email}.`
  );
}

// ---------------------------------------------------------------------------------------------
// The finder.

export interface Needle {
  identity: IdentityKey;
  /** What is looked for, in words, for the report. */
  label: string;
  /** raw: substring as is; folded: in the folded text; digits: in the digits of a run of digits and separators; lower: in the lower-case text. */
  mode: "raw" | "folded" | "digits" | "lower";
  value: string;
}

export function needlesOf(x: Identity): Needle[] {
  const given = x.fullName.split(" ").slice(-2).join(" ");
  return [
    { identity: x.key, label: "họ tên (nguyên dạng)", mode: "raw", value: x.fullName },
    { identity: x.key, label: "họ tên (không dấu)", mode: "folded", value: fold(x.fullName) },
    { identity: x.key, label: "tên (hai âm tiết cuối, không dấu)", mode: "folded", value: fold(given) },
    { identity: x.key, label: "số CCCD (chữ số)", mode: "digits", value: x.cccd },
    { identity: x.key, label: "số điện thoại (chữ số)", mode: "digits", value: x.phone },
    { identity: x.key, label: "số điện thoại (9 số cuối, dạng +84)", mode: "digits", value: x.phone.slice(1) },
    { identity: x.key, label: "thư điện tử", mode: "lower", value: x.email.toLowerCase() },
    { identity: x.key, label: "địa chỉ", mode: "folded", value: fold(x.addressMark) },
  ];
}

export const ALL_NEEDLES: readonly Needle[] = IDENTITIES.flatMap(needlesOf);

/** One readable piece of an answer: a JSON string with its path, an XML part of a zip, a header, a body. */
export interface Piece {
  where: string;
  text: string;
}

export interface Hit {
  needle: Needle;
  where: string;
  snippet: string;
}

/** Digit runs (digits with spaces, dots, dashes, brackets, plus, slash between them), as digits only. */
function digitRuns(text: string): string[] {
  return (text.match(/[0-9][0-9 .\-()+/]*[0-9]/g) ?? []).map((run) => run.replace(/\D/g, ""));
}

function snippetAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}

/** Every needle found in every piece. Digit needles need at least 9 digits (shorter ones match by chance). */
export function findIdentities(pieces: readonly Piece[], needles: readonly Needle[] = ALL_NEEDLES): Hit[] {
  const hits: Hit[] = [];
  for (const piece of pieces) {
    if (!piece.text) continue;
    let folded: string | undefined;
    let lower: string | undefined;
    let runs: string[] | undefined;
    for (const needle of needles) {
      let found = -1;
      if (needle.mode === "raw") found = piece.text.indexOf(needle.value);
      else if (needle.mode === "lower") found = (lower ??= piece.text.toLowerCase()).indexOf(needle.value);
      else if (needle.mode === "folded") {
        // Folding keeps one character per character except collapsed whitespace: the snippet
        // is taken from the folded text.
        folded ??= fold(piece.text);
        const at = folded.indexOf(needle.value);
        if (at >= 0) {
          hits.push({ needle, where: piece.where, snippet: snippetAround(folded, at, needle.value.length) });
        }
        continue;
      } else if (needle.value.length >= 9) {
        runs ??= digitRuns(piece.text);
        if (runs.some((r) => r.includes(needle.value))) {
          const digits = needle.value;
          const loose = new RegExp(digits.split("").join("[ .\\-()+/]*"));
          const m = loose.exec(piece.text);
          hits.push({
            needle,
            where: piece.where,
            snippet: snippetAround(piece.text, m?.index ?? 0, m?.[0].length ?? 0),
          });
        }
        continue;
      }
      if (found >= 0)
        hits.push({ needle, where: piece.where, snippet: snippetAround(piece.text, found, needle.value.length) });
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Reading an answer.

function xmlText(xml: string): string {
  return unescapeXml(
    xml
      .replace(/<\/(w:p|w:tc|si|c|row|text:p|a:p)>/g, "\n")
      .replace(/<w:(tab|br)\b[^>]*\/>/g, " ")
      .replace(/<[^>]+>/g, ""),
  );
}

function jsonPieces(value: unknown, at: string, out: Piece[]): void {
  if (typeof value === "string") out.push({ where: at || "(body)", text: value });
  else if (typeof value === "number") out.push({ where: at || "(body)", text: String(value) });
  else if (Array.isArray(value)) value.forEach((v) => jsonPieces(v, `${at}[]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) jsonPieces(v, at ? `${at}.${k}` : k, out);
  }
}

/**
 * The readable pieces of an HTTP answer: every header; a JSON body's strings (each with its
 * path, array indices as []); a zip's (.docx, .xlsx) XML parts, tags stripped; anything else as
 * UTF-8 text.
 */
export function decodeAnswer(headers: Record<string, unknown>, body: Buffer): Piece[] {
  const pieces: Piece[] = Object.entries(headers).map(([name, v]) => ({
    where: `header ${name}`,
    text: Array.isArray(v) ? v.join("\n") : String(v),
  }));
  const type = String(headers["content-type"] ?? "");
  if (body.length >= 4 && body.readUInt32LE(0) === 0x04034b50) {
    try {
      for (const entry of zipEntries(body)) {
        if (/\.(xml|rels)$/.test(entry.name))
          pieces.push({ where: entry.name, text: xmlText(entry.data.toString("utf8")) });
        else pieces.push({ where: entry.name, text: entry.data.toString("utf8") });
      }
      return pieces;
    } catch {
      // Not a zip after all: read as bytes below.
    }
  }
  if (type.includes("json")) {
    try {
      jsonPieces(JSON.parse(body.toString("utf8")), "", pieces);
      return pieces;
    } catch {
      // Fall through: read as text.
    }
  }
  pieces.push({ where: "(body)", text: body.toString("utf8") });
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// The scenario.

export interface Scenario {
  today: string;
  users: Map<string, { id: string; agencyId: string; agencyCode: string }>;
  agencies: Map<string, string>;
  /** What each identity is written into, and the ids of it. */
  records: Record<
    IdentityKey,
    {
      petitionId: string;
      petitionCode: string;
      caseId?: string;
      caseCode?: string;
      visitId?: string;
      agencyCode: string;
      /** The users assigned to the case, by username. */
      assignees: string[];
      /** The officer who received the visit, by username. */
      receiver?: string;
    }
  >;
  pools: Record<string, string[]>;
  /** entityType/entityId pairs the documents belong to (GET /api/documents needs both). */
  documentOwners: { entityType: string; entityId: string }[];
}

function expect(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 800)}`);
  }
}

/** Classifies a registered petition as a denunciation within competence and proposes acceptance. */
async function classifyAndPropose(handler: TestClient, petitionId: string, today: string) {
  const p = (await handler.get(`/api/petitions/${petitionId}`)).body;
  const classified = await handler.post(`/api/petitions/${petitionId}/classify`, {
    version: p.version,
    kind: "denunciation",
    competence: "within",
    fieldCode: p.fieldCode ?? "CT.QUAN_LY_THI_TRUONG",
    eligibilityAnswers: ELIGIBLE_ANSWERS,
  });
  expect(classified, 200, "classify");
  const proposed = await handler.post(`/api/petitions/${petitionId}/outcome`, {
    version: classified.body.version,
    outcome: "propose_acceptance",
    on: today,
  });
  expect(proposed, 200, "propose acceptance");
  return proposed.body;
}

async function uploadText(client: TestClient, url: string, fileName: string, content: string, description: string) {
  const boundary = "----minhbachidentityprobe";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${description}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
        "Content-Type: text/plain\r\n\r\n",
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await client.request("POST", url, body, {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
  expect(res, 201, `upload ${url}`);
  return res.body.items as { id: string }[];
}

const asciiName = (x: Identity) =>
  fold(x.fullName)
    .split(" ")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("-");

/**
 * Writes the three people into the system, as its users would, through the HTTP API:
 * - X1: a denunciation by post to Sở Công Thương (received by `xulydon`), classified, proposed
 *   for acceptance (the proposal document), a case opened by `lanhdao` and assigned to `xacminh`
 *   only, accepted by him (the acceptance decision); a scan of the letter attached to the
 *   petition and a note to the case; `xacminh2` asks to see the denouncer (pending).
 * - X2: a visit recorded by `tiepdan` (denunciation; the visitor in the structured fields and in
 *   the summary, notes and documents received), turned into a petition, classified and proposed
 *   by `xulydon`, a case assigned to `xacminh2` only.
 * - X3: a letter to Sở Công Thương received by `xulydon`, never classified, with a scan.
 * A reception schedule entry is published so that its routes have an id.
 */
export async function runScenario(t: TestApp): Promise<Scenario> {
  const today = todayInVietnam();
  const [x1, x2, x3] = IDENTITIES as [Identity, Identity, Identity];
  const [xulydon, tiepdan, lanhdao, xacminh, xacminh2, admin] = (await Promise.all(
    ["xulydon", "tiepdan", "lanhdao", "xacminh", "xacminh2", "admin"].map((u) => t.login(u)),
  )) as [TestClient, TestClient, TestClient, TestClient, TestClient, TestClient];
  const agencies = new Map<string, string>(
    (await admin.get("/api/agencies")).body.items.map((a: { code: string; id: string }) => [a.code, a.id]),
  );
  const users = new Map<string, { id: string; agencyId: string; agencyCode: string }>();
  const byId = new Map<string, string>([...agencies].map(([code, id]) => [id, code]));
  for (const account of DEMO_ACCOUNTS) {
    const me = (await (await t.login(account.username)).get("/api/auth/me")).body.user;
    users.set(account.username, {
      id: me.id,
      agencyId: me.agencyId,
      agencyCode: byId.get(me.agencyId) ?? account.agency,
    });
  }
  const usernameOf = (id: string) => [...users].find(([, u]) => u.id === id)?.[0] ?? id;
  const respondents = [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }];
  const person = (x: Identity, withContacts: boolean) => ({
    kind: "person",
    fullName: x.fullName,
    address: x.address,
    identity: { kind: "cccd", number: x.cccd, birthYear: x.birthYear, gender: x.gender },
    ...(withContacts ? { phone: x.phone, email: x.email } : {}),
  });

  // X1: a denunciation by letter.
  const letter1 = await xulydon.post("/api/petitions", {
    channel: "post",
    receivedOn: today,
    writtenOn: today,
    petitioners: [person(x1, true)],
    respondents,
    title: `Đơn tố cáo của ${x1.honorific} ${x1.fullName}`,
    summary: `${x1.honorific} ${x1.fullName} (CCCD ${x1.cccd}, ĐT ${x1.phone}) tố cáo Đội trưởng Đội QLTT số 3 nhận tiền.`,
    content:
      `${identityShapes(x1)} Tôi tố cáo ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3, nhiều lần nhận ` +
      `tiền của các hộ kinh doanh tại chợ Cốc Lếu để bỏ qua vi phạm. Liên hệ với tôi: ${x1.fullName.toUpperCase()}, ` +
      `${phoneShapes(x1.phone)[2]}.`,
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
  });
  expect(letter1, 201, "X1 letter");
  const p1 = letter1.body.id as string;
  const scan1 = await uploadText(
    xulydon,
    `/api/petitions/${p1}/attachments`,
    `don-to-cao-${asciiName(x1)}-${x1.cccd}.txt`,
    `Bản chụp đơn tố cáo viết tay.\n${identityShapes(x1)}\n`,
    `Đơn gốc của ${x1.fullName}, CCCD ${spacedId(x1.cccd)}`,
  );
  const proposed1 = await classifyAndPropose(xulydon, p1, today);

  // X2: a denunciation brought in person.
  const visitBody = {
    kind: "regular",
    receivedOn: today,
    receiverName: "Trần Thị Hoa",
    visitors: [
      {
        fullName: x2.fullName,
        address: x2.address,
        identity: { kind: "cccd", number: x2.cccd, birthYear: x2.birthYear, gender: x2.gender },
        gender: x2.gender,
      },
    ],
    peopleCount: 1,
    contentSummary:
      `${x2.honorific} ${x2.fullName} đến tố cáo ông Hà Văn Cường nhận tiền của hộ kinh doanh. ` + identityShapes(x2),
    contentKind: "denunciation",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    documentsReceived: [
      { name: `Đơn tố cáo của ${x2.fullName}`, pages: 2 },
      { name: `Bản sao CCCD số ${spacedId(x2.cccd)} của ${fold(x2.fullName).toUpperCase()}`, pages: 1 },
    ],
    notes: `Người tố cáo đề nghị giữ bí mật; liên hệ ${phoneShapes(x2.phone)[1]}, ${x2.email}, ${x2.address}.`,
  };
  const visit = await tiepdan.post("/api/reception/visits", visitBody);
  expect(visit, 201, "X2 visit");
  const v2 = visit.body.id as string;
  const fromVisit = await tiepdan.post(`/api/reception/visits/${v2}/petition`, { version: visit.body.version });
  expect(fromVisit, 201, "X2 visit → petition");
  const p2 = fromVisit.body.petition.id as string;
  const proposed2 = await classifyAndPropose(xulydon, p2, today);

  // X3: a letter nobody has classified yet.
  const letter3 = await xulydon.post("/api/petitions", {
    channel: "post",
    receivedOn: today,
    petitioners: [person(x3, true)],
    respondents: [{ name: "Ban quản lý chợ Cốc Lếu" }],
    summary: `Đơn của ${x3.fullName}, ĐT ${phoneShapes(x3.phone)[0]}`,
    content: `${identityShapes(x3)} Tôi phản ánh việc thu tiền trông giữ xe sai quy định tại chợ Cốc Lếu.`,
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
  });
  expect(letter3, 201, "X3 letter");
  const p3 = letter3.body.id as string;
  const scan3 = await uploadText(
    xulydon,
    `/api/petitions/${p3}/attachments`,
    `don-${asciiName(x3)}.txt`,
    `${identityShapes(x3)}\n`,
    `Đơn của ${x3.fullName}`,
  );

  // The cases: X1 to xacminh, X2 to xacminh2.
  const open = async (petitionId: string, assignee: string) => {
    const res = await lanhdao.post("/api/cases", { petitionId, assignees: [users.get(assignee)!.id] });
    expect(res, 201, `open case of ${petitionId}`);
    return res.body;
  };
  const case1 = await open(p1, "xacminh");
  const case2 = await open(p2, "xacminh2");
  const accepted1 = await xacminh.post(`/api/cases/${case1.id}/actions`, {
    action: "accept",
    version: case1.version,
    on: today,
    conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
  });
  expect(accepted1, 200, "accept X1");
  const evidence1 = await uploadText(
    xacminh,
    `/api/cases/${case1.id}/attachments`,
    `bien-ban-lam-viec-voi-${asciiName(x1)}.txt`,
    `Biên bản làm việc với người tố cáo. ${identityShapes(x1)}\n`,
    `Biên bản làm việc với ${x1.fullName}`,
  );
  const asked = await xacminh2.post(`/api/cases/${case1.id}/identity-requests`, {
    reason: "Cần liên hệ người tố cáo để bổ sung chứng cứ về các hộ kinh doanh đã nộp tiền.",
  });
  expect(asked, 201, "identity request");

  // Published results (issue 20): X1's case concluded and its conclusion (TC-KL) signed, so that
  // the publication's proposal is probed with a real paper. The verification note and the findings
  // quote the denouncer, as resolvers do: the case keeps them masked in clear and sealed at rest.
  await signPapers(xacminh, lanhdao, case1.id);
  let detail1 = (await xacminh.get(`/api/cases/${case1.id}`)).body;
  for (const step of [
    { action: "assign_verification", on: today, assignee: { kind: "team", name: "Phạm Thu Hằng", members: [] } },
    {
      action: "record_verification",
      on: today,
      summary:
        `Làm việc với ${x1.honorific} ${x1.fullName} (CCCD ${x1.cccd}, ĐT ${x1.phone}, ${x1.address}): ` +
        "có căn cứ xác định đã nhận tiền của 05 hộ.",
    },
    {
      action: "conclude",
      date: today,
      outcome: "right",
      findings:
        `Theo lời ${x1.honorific} ${x1.fullName} (ĐT ${phoneShapes(x1.phone)[1]}) và các hộ kinh doanh, người bị ` +
        "tố cáo đã nhận tiền của 05 hộ kinh doanh, tổng số 15 triệu đồng.",
      measures: "Kiến nghị xử lý kỷ luật.",
      amounts: { moneyToState: 15, disciplineRecommended: 1, disciplineCadres: 1 },
    },
  ]) {
    expect(
      await xacminh.post(`/api/cases/${case1.id}/actions`, { ...step, version: detail1.version }),
      200,
      `X1 ${step.action}`,
    );
    await signPapers(xacminh, lanhdao, case1.id);
    detail1 = (await xacminh.get(`/api/cases/${case1.id}`)).body;
  }

  // An ad hoc inspection triggered by X1's case (issue 17), typed from the case's file by the
  // Department's inspector: its title, content, ground, a file and the drafted decision quote the
  // denouncer. Nobody assigned to the case works on it, so nobody may read them as typed.
  // The ground is a case of the agency its proposer inspects for (docs/LAW.md §8.10).
  const kiemtra = await t.login("kiemtra.sct");
  const inspected = await kiemtra.post("/api/inspection-subjects", {
    kind: "state_body",
    name: "Đội Quản lý thị trường số 3",
  });
  expect(inspected, 201, "inspection subject of X1's case");
  const x1Ground = `${x1.honorific} ${x1.fullName} (CCCD ${x1.cccd}, ĐT ${x1.phone}, ${x1.address})`;
  const inspection = await kiemtra.post("/api/inspections", {
    kind: "ad_hoc",
    trigger: "case",
    triggerCaseId: case1.id,
    triggerNote: `Đơn tố cáo của ${x1Ground}`,
    violationSign: `Theo lời ${x1.fullName.toUpperCase()}, ${phoneShapes(x1.phone)[1]}: nhận tiền của 05 hộ`,
    title: `Kiểm tra Đội QLTT số 3 theo đơn của ${x1.honorific} ${x1.fullName}`,
    content: `Kiểm tra việc xử lý vi phạm tại chợ Cốc Lếu. ${identityShapes(x1)}`,
    year: Number(today.slice(0, 4)),
    subjectIds: [inspected.body.id],
    online: false,
  });
  expect(inspection, 201, "inspection of X1's case");
  const inspectionFiles = await uploadText(
    kiemtra,
    `/api/inspections/${inspection.body.id}/attachments`,
    `don-chuyen-${asciiName(x1)}.txt`,
    `Đơn tố cáo chuyển kèm. ${identityShapes(x1)}\n`,
    `Bản sao đơn của ${x1.fullName}`,
  );
  const inspectionDecided = await lanhdao.post(`/api/inspections/${inspection.body.id}/decision`, {
    version: inspection.body.version,
    leaderId: users.get("kiemtra.sct")!.id,
    memberIds: [],
    declarations: [{ userId: users.get("kiemtra.sct")!.id, hasConflict: false }],
  });
  expect(inspectionDecided, 200, "decision of X1's inspection (drafted)");

  // A published schedule entry, so that its routes have an id too.
  const hour = 3600_000;
  const entry = await tiepdan.post("/api/reception/schedule", {
    leaderName: "Nguyễn Văn Thành",
    leaderTitle: "Giám đốc Sở Công Thương tỉnh Lào Cai",
    startsAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
    endsAt: new Date(Date.now() + 7 * 24 * hour + 2 * hour).toISOString(),
    place: "Phòng tiếp công dân, số 2 đường Hoàng Liên, phường Lào Cai",
    kind: "periodic",
  });
  expect(entry, 201, "schedule entry");
  expect(
    await tiepdan.post(`/api/reception/schedule/${entry.body.id}/publish`, { version: entry.body.version }),
    200,
    "publish schedule entry",
  );

  // Every document of the three petitions and two cases, as their entitled readers see them.
  const documentIds = new Set<string>();
  const documentOwners = new Map<string, { entityType: string; entityId: string }>();
  const harvest = (items: { id: string }[] | undefined) => items?.forEach((d) => documentIds.add(d.id));
  harvest(proposed1.documents);
  harvest(inspectionDecided.body.documents);
  harvest(proposed2.documents);
  if (proposed1.documentId) documentIds.add(proposed1.documentId);
  if (proposed2.documentId) documentIds.add(proposed2.documentId);
  for (const [client, url] of [
    [xacminh, `/api/petitions/${p1}`],
    [xacminh2, `/api/petitions/${p2}`],
    [xulydon, `/api/petitions/${p3}`],
    [xacminh, `/api/cases/${case1.id}`],
    [xacminh2, `/api/cases/${case2.id}`],
  ] as const) {
    const res = await client.get(url);
    expect(res, 200, url);
    harvest(res.body.documents);
  }
  for (const id of documentIds) {
    for (const client of [xacminh, xacminh2, xulydon, lanhdao]) {
      const res = await client.get(`/api/documents/${id}`);
      if (res.status !== 200) continue;
      documentOwners.set(`${res.body.entityType}/${res.body.entityId}`, {
        entityType: res.body.entityType,
        entityId: res.body.entityId,
      });
      break;
    }
  }
  for (const [entityType, entityId] of [
    ["petition", p1],
    ["petition", p2],
    ["petition", p3],
    ["case", case1.id],
    ["case", case2.id],
    ["reception_visit", v2],
    ["inspection", inspection.body.id],
  ] as const) {
    documentOwners.set(`${entityType}/${entityId}`, { entityType, entityId });
  }

  // Inspection plans (issue 17): a subject, a subject import (its report) and a plan of the Inspectorate.
  const thanhtra = await t.login("thanhtra");
  const inspectionSubject = await thanhtra.post("/api/inspection-subjects", {
    kind: "enterprise",
    name: "Công ty TNHH Thăm dò Khoáng sản",
    taxCode: "0100233488",
  });
  const subjectImport = await thanhtra.post("/api/inspection-subjects/imports", {
    fileName: "doi-tuong.csv",
    content: Buffer.from("Tên đối tượng,Mã số thuế\nCông ty Cổ phần Vận tải B,0314409058\n", "utf8").toString("base64"),
  });
  const inspectionPlan = await thanhtra.post("/api/inspection-plans", { year: Number(today.slice(0, 4)) });
  // A report saved by the Department (issue 19): its frozen figures are walked like the rest.
  const tonghop = await t.login("tonghop");
  const submission = await tonghop.post("/api/reports/submissions", {
    form: "02/XLD",
    agencyId: agencies.get("LC.SCT")!,
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    kind: "adhoc",
    subtree: true,
  });
  if (submission.status !== 200) throw new Error(`report submission: ${JSON.stringify(submission.body)}`);
  // A unit not on the system (issue 19): its blank form uploaded as it is (all zeros) by the Department.
  const uploadPeriod = {
    form: "02/XLD",
    agencyId: agencies.get("LC.SCT.QLTT")!,
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    kind: "adhoc",
  };
  const blankForm = await t.app.inject({
    method: "GET",
    url: `/api/reports/blank.xlsx?${new URLSearchParams(uploadPeriod).toString()}`,
    headers: { cookie: `mb_session=${tonghop.session}` },
  });
  const uploaded = await tonghop.post("/api/reports/submissions/upload", {
    ...uploadPeriod,
    fileName: "bieu-02-XLD.xlsx",
    contentBase64: blankForm.rawPayload.toString("base64"),
  });
  if (!uploaded.body.accepted) throw new Error(`report upload: ${JSON.stringify(uploaded.body)}`);
  // The Department's consolidated report as a job (issue 19): its result is walked, once finished.
  const job = await tonghop.post("/api/reports/jobs", {
    form: "02/XLD",
    agencyId: agencies.get("LC.SCT")!,
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    kind: "adhoc",
    scope: "subtree",
  });
  if (job.status !== 200) throw new Error(`report job: ${JSON.stringify(job.body)}`);
  for (let i = 0; (await tonghop.get(`/api/reports/jobs/${job.body.id}`)).body.status === "running"; i++) {
    if (i > 400) throw new Error("report job: not finished");
    await new Promise((r) => setTimeout(r, 25));
  }

  const caseDetail = async (client: TestClient, id: string) => (await client.get(`/api/cases/${id}`)).body;
  const assigneesOf = (c: { assignments?: { userId?: string; id?: string }[] }) =>
    (c.assignments ?? []).map((a) => usernameOf(a.userId ?? a.id ?? ""));
  const c1 = await caseDetail(xacminh, case1.id);
  const c2 = await caseDetail(xacminh2, case2.id);
  const petition = async (client: TestClient, id: string) => (await client.get(`/api/petitions/${id}`)).body;
  const [pp1, pp2, pp3] = [await petition(xacminh, p1), await petition(xacminh2, p2), await petition(xulydon, p3)];

  return {
    today,
    users,
    agencies,
    records: {
      X1: {
        petitionId: p1,
        petitionCode: pp1.code,
        caseId: case1.id,
        caseCode: c1.code,
        agencyCode: "LC.SCT",
        assignees: assigneesOf(c1),
      },
      X2: {
        petitionId: p2,
        petitionCode: pp2.code,
        caseId: case2.id,
        caseCode: c2.code,
        visitId: v2,
        agencyCode: "LC.SCT",
        assignees: assigneesOf(c2),
        receiver: usernameOf(visit.body.receiverId),
      },
      X3: { petitionId: p3, petitionCode: pp3.code, agencyCode: "LC.SCT", assignees: [] },
    },
    pools: {
      petitions: [p1, p2, p3],
      cases: [case1.id, case2.id],
      visits: [v2],
      documents: [...documentIds],
      attachments: [...scan1, ...scan3, ...evidence1, ...inspectionFiles].map((a) => a.id),
      // Issue 17: the inspection triggered by X1's case.
      inspections: [inspection.body.id],
      schedule: [entry.body.id],
      agencies: ["LC.UBND", "LC.SCT", "LC.SNNMT", "LC.TT"].map((c) => agencies.get(c)!).filter(Boolean),
      users: ["xacminh", "tiepdan", "xulydon.snnmt"].map((u) => users.get(u)!.id),
      "identity-requests": [asked.body.id],
      calendar: [today.slice(0, 4)],
      // Inspection plans (issue 17).
      "inspection-subjects": [inspectionSubject.body.id],
      imports: [subjectImport.body.id],
      "inspection-plans": [inspectionPlan.body.id],
      versions: ["0"],
      // Report submissions (issue 19).
      submissions: [submission.body.id, uploaded.body.submission.id],
      jobs: [job.body.id],
      // Units not on the system (no account of their own): the one whose form was uploaded.
      "off-system": [agencies.get("LC.SCT.QLTT")!],
    },
    documentOwners: [...documentOwners.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// Who may see whom.

/**
 * The usernames entitled to each identity. X1: the users assigned to its case. X2: the officer
 * who received the visit and the users assigned to its case. X3 (not classified, so possibly a
 * denunciation): those who handle letters in the receiving agency, i.e. of that agency and
 * holding petition.write (from the domain's role map, not a list of names).
 */
export function entitlement(s: Scenario): Record<IdentityKey, Set<string>> {
  const handlers = DEMO_ACCOUNTS.filter(
    (a) =>
      s.users.get(a.username)?.agencyCode === s.records.X3.agencyCode &&
      grantsOf(a.roles).some((g) => g.permission === "petition.write"),
  ).map((a) => a.username);
  return {
    X1: new Set(s.records.X1.assignees),
    X2: new Set([...s.records.X2.assignees, ...(s.records.X2.receiver ? [s.records.X2.receiver] : [])]),
    X3: new Set(handlers),
  };
}

// ---------------------------------------------------------------------------------------------
// The walk.

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { enum?: string[]; maximum?: number; default?: unknown; type?: string };
}

/** One GET to make: the operation it belongs to, its URL, and for a search, what it searched. */
export interface PlannedCall {
  operation: string;
  url: string;
  search?: { identity: IdentityKey | null; kind: string; q: string };
}

/**
 * Paths the walk does not call, each with its reason. Everything else the OpenAPI document lists
 * under /api is called.
 */
const NO_PETITION_DATA =
  "an inspection or anti-corruption record by id: it holds no letter, case or visit, so no denouncer's identity can reach it; the scenario creates none yet (its access rules are tested in its own tests)";
export const SKIPPED: Record<string, string> = {
  "/api/inspection-follow-up/{id}": NO_PETITION_DATA,
  "/api/anticorruption/officials/{id}": NO_PETITION_DATA,
  "/api/anticorruption/campaigns/{id}": NO_PETITION_DATA,
  "/api/anticorruption/declarations/{id}": NO_PETITION_DATA,
  "/api/anticorruption/declarations/{id}/file": NO_PETITION_DATA,
  "/api/anticorruption/declarations/{id}/form": NO_PETITION_DATA,
  "/api/anticorruption/obligations/{id}/declaration-template": NO_PETITION_DATA,
  "/api/anticorruption/verification-plans/{id}": NO_PETITION_DATA,
  "/api/anticorruption/verification-plans/{id}/minutes": NO_PETITION_DATA,
  "/api/anticorruption/verification-plans/{id}/lottery-inputs": NO_PETITION_DATA,
  // A corruption case links a denunciation case by its id only; it copies nothing of the letter.
  "/api/anticorruption/corruption-cases/{id}": NO_PETITION_DATA,
  "/api/anticorruption/campaigns/{id}/obligated-list": NO_PETITION_DATA,
  "/api/anticorruption/verification-plans/{id}/plan-document": NO_PETITION_DATA,
  // public consultation (issue 20): comments on a draft regulation, posted on the portal apart from
  // any letter; nothing of a petition, case or visit is copied there (access: consultations.test.ts).
  "/api/consultations/{id}":
    "a draft regulation put to public comment: its comments are posted on the portal apart from any letter, case or visit, so no denouncer's identity can reach it (its access rules are tested in consultations.test.ts)",
  // issue 17: a recovery's evidence is uploaded by the inspecting agency after the conclusion;
  // nothing of a letter, case or visit is copied there (access: inspection-recovery-evidence.test.ts).
  // An inspection and its files are walked: the scenario's is triggered by X1's case.
  "/api/inspection-follow-up/recoveries/{id}/attachments": NO_PETITION_DATA,
};

/** The pool of ids a path parameter takes: the path segment before it names the resource. */
function poolFor(path: string, param: string): string {
  const segments = path.split("/");
  const at = segments.indexOf(`{${param}}`);
  return segments[at - 1] ?? param;
}

/** What each identity is searched by, and a control of the same shape that matches no one. */
export function searchesFor(x: Identity | null): { kind: string; q: string }[] {
  if (!x) {
    return [
      { kind: "name", q: "Triệu Thị Mẫn Nhi" },
      { kind: "name-folded", q: "trieu thi man nhi" },
      { kind: "cccd", q: encodePersonalId("002", 1990, "female", 918273) },
      { kind: "phone", q: "0961357913" },
      { kind: "email", q: "khongai.o.day@example.vn" },
    ];
  }
  return [
    { kind: "name", q: x.fullName },
    { kind: "name-folded", q: fold(x.fullName) },
    { kind: "cccd", q: x.cccd },
    { kind: "phone", q: x.phone },
    { kind: "email", q: x.email },
  ];
}

/** Per source of records, the indicators whose lists could hold a denunciation's parties. */
const DRILLDOWN_INDICATORS = (["petition", "visit", "case"] as const).flatMap((source) =>
  Object.values(INDICATORS)
    .filter((i) => i.source === source)
    .filter((i, n, all) => i.code.startsWith("denunciations_") || n === 0 || all.length < 3)
    .slice(0, 3)
    .map((i) => i.code),
);

/**
 * Plans the calls of every GET operation under /api in the OpenAPI document. Path parameters
 * take every id of their pool; required query parameters are filled from the scenario; every
 * call asks for the largest page and the widest window. Variants, one changed parameter each:
 * every value of a small enum (≤ 3 values), every agency for `agencyId`, and for `q` every
 * identity's name, accent-free name, ID number, phone and e-mail, plus controls.
 * Throws, naming them, for the parameters it cannot fill.
 */
export function planCalls(
  openapi: { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> },
  s: Scenario,
) {
  const calls: PlannedCall[] = [];
  const unfilled: string[] = [];
  const operations: string[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    const op = methods.get;
    if (!op || !path.startsWith("/api/") || path.startsWith("/api/docs")) continue;
    const operation = `GET ${path}`;
    if (SKIPPED[path]) continue;
    operations.push(operation);
    const params = op.parameters ?? [];
    // Path parameters → every id of the pool.
    let urls = [path];
    for (const p of params.filter((p) => p.in === "path")) {
      const pool = s.pools[poolFor(path, p.name)];
      if (!pool?.length) {
        unfilled.push(`${operation}: path parameter {${p.name}} (no pool "${poolFor(path, p.name)}")`);
        urls = [];
        break;
      }
      urls = urls.flatMap((u) => pool.map((id) => u.replace(`{${p.name}}`, encodeURIComponent(id))));
    }
    if (!urls.length) continue;
    // Required query parameters.
    const query = params.filter((p) => p.in === "query");
    let bases: URLSearchParams[] = [new URLSearchParams()];
    const required = query.filter((p) => p.required).map((p) => p.name);
    const filled = new Set<string>();
    if (required.includes("entityType") && required.includes("entityId")) {
      bases = s.documentOwners.map((o) => new URLSearchParams({ entityType: o.entityType, entityId: o.entityId }));
      filled.add("entityType").add("entityId");
    }
    if (required.includes("agency")) {
      bases = bases.flatMap((b) => ["LC.SCT", "LC.SNNMT"].map((code) => new URLSearchParams([...b, ["agency", code]])));
      filled.add("agency");
    }
    // A period: the year so far (a report asked for as ad hoc: the year so far is no regime's period).
    if (required.includes("from") && required.includes("to")) {
      bases = bases.map((b) => new URLSearchParams([...b, ["from", `${s.today.slice(0, 4)}-01-01`], ["to", s.today]]));
      if (query.some((p) => p.name === "kind" && p.schema?.enum?.includes("adhoc")))
        bases.forEach((b) => b.set("kind", "adhoc"));
      filled.add("from").add("to");
      // The superior's deadline panel takes a regime period only: the year (15/12 before → 14/12).
      if (path.endsWith("/submissions/timeliness")) {
        const y = Number(s.today.slice(0, 4));
        bases.forEach((b) => (b.set("from", `${y - 1}-12-15`), b.set("to", `${y}-12-14`)));
      }
    }
    if (required.includes("year")) {
      bases.forEach((b) => b.set("year", s.today.slice(0, 4)));
      filled.add("year");
    }
    // A report's form: its figures are counts; the records behind them are walked by indicator below.
    const form = query.find((p) => p.name === "form" && p.required)?.schema?.enum?.[0];
    if (form) {
      bases.forEach((b) => b.set("form", form));
      filled.add("form");
    }
    // Every agency, the caller's and others'.
    if (required.includes("agencyId")) {
      // A blank form is only for a unit not on the system (docs/LAW.md §11.15): the uploaded unit too.
      const ids = path.endsWith("/blank.xlsx") ? [...s.pools.agencies!, ...s.pools["off-system"]!] : s.pools.agencies!;
      bases = bases.flatMap((b) => ids.map((id) => new URLSearchParams([...b, ["agencyId", id]])));
      filled.add("agencyId");
    }
    // A sent report's figure (02/XLD): the petitions in total and those received, as kept at its save.
    if (required.includes("cell")) {
      bases = bases.flatMap((b) => ["tong.1", "tong.3"].map((cell) => new URLSearchParams([...b, ["cell", cell]])));
      filled.add("cell");
    }
    for (const name of required.filter((n) => !filled.has(n))) {
      unfilled.push(`${operation}: required query parameter "${name}"`);
      bases = [];
    }
    if (!bases.length) continue;
    // The widest answer: the largest page, the longest look-ahead.
    for (const p of query) {
      if ((p.name === "pageSize" || /days/i.test(p.name)) && p.schema?.maximum !== undefined) {
        bases.forEach((b) => b.set(p.name, String(p.schema!.maximum)));
      }
    }
    const variants: { set?: [string, string]; search?: PlannedCall["search"] }[] = [{}];
    for (const p of query.filter((p) => !p.required)) {
      const values = p.schema?.enum;
      if (values && values.length <= 3 && !["order", "sort"].includes(p.name)) {
        for (const v of values) if (v !== p.schema?.default) variants.push({ set: [p.name, v] });
      }
      if (p.name === "agencyId") for (const id of s.pools.agencies!) variants.push({ set: [p.name, id] });
      // The records behind a report's figures: petitions, reception visits and cases.
      if (p.name === "indicator") for (const code of DRILLDOWN_INDICATORS) variants.push({ set: [p.name, code] });
      if (p.name === "q") {
        for (const x of [...IDENTITIES, null]) {
          for (const search of searchesFor(x)) {
            variants.push({ set: ["q", search.q], search: { identity: x?.key ?? null, ...search } });
          }
        }
      }
    }
    for (const url of urls) {
      for (const base of bases) {
        for (const v of variants) {
          const qs = new URLSearchParams(base);
          if (v.set) qs.set(v.set[0], v.set[1]);
          const text = qs.toString();
          calls.push({ operation, url: text ? `${url}?${text}` : url, ...(v.search ? { search: v.search } : {}) });
        }
      }
    }
  }
  return { calls, unfilled, operations };
}

export interface Finding {
  user: string;
  operation: string;
  url: string;
  status: number;
  identity: IdentityKey;
  what: string;
  where: string;
  snippet: string;
}

export interface WalkResult {
  findings: Finding[];
  requests: number;
  operations: string[];
  unfilled: string[];
  /** Status counts per operation, to see what each user reached. */
  statuses: Map<string, Map<number, number>>;
  /**
   * The other side: where each identity's full name was seen by a user entitled to it (at least
   * the identity routes must show it), proof that the scenario wrote it and the finder reads it.
   */
  seenByEntitled: Map<IdentityKey, Set<string>>;
}

/** The other words a list says it searched instead of the needle typed (its `searchedAs`), if any. */
function readingOf(contentType: unknown, body: Buffer): string | undefined {
  if (!String(contentType).includes("json")) return undefined;
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { searchedAs?: { way?: string; needle?: string } | null };
    const as = parsed.searchedAs;
    return as && (as.way === "corrected" || as.way === "nearest") ? as.needle : undefined;
  } catch {
    return undefined;
  }
}

/** Ids and codes that show a record is in an answer (for searches: did it find the record?). */
function markersOf(s: Scenario, key: IdentityKey): string[] {
  const r = s.records[key];
  return [r.petitionId, r.petitionCode, r.caseId, r.caseCode, r.visitId].filter((m): m is string => !!m);
}

/** A marker as a whole token: "LC.SCT-2026-000001" is not found inside "TC-LC.SCT-2026-000001" or "…-0000011". */
function containsMarker(text: string, marker: string): boolean {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w.-])${escaped}(?![\\w])`).test(text);
}

/**
 * Calls every planned GET as each user (`anonymous` is nobody), and reports each identity
 * string found in an answer to a user not entitled to it; and each search by an identity that
 * finds its record for such a user when the control search of the same shape does not.
 */
export async function walkApi(t: TestApp, s: Scenario, usernames: readonly string[]): Promise<WalkResult> {
  const openapi = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  const { calls, unfilled, operations } = planCalls(openapi, s);
  const entitled = entitlement(s);
  const findings: Finding[] = [];
  const statuses = new Map<string, Map<number, number>>();
  const seenByEntitled = new Map<IdentityKey, Set<string>>();
  let requests = 0;
  for (const username of usernames) {
    const client = username === "anonymous" ? t.anonymous() : await t.login(username);
    const cookie = client.session ? { cookie: `mb_session=${client.session}` } : undefined;
    const notEntitled = ALL_NEEDLES.filter((n) => !entitled[n.identity].has(username));
    const ownNames = ALL_NEEDLES.filter((n) => entitled[n.identity].has(username) && n.mode === "raw");
    /** Per operation and search kind, the markers the control search's answer held. */
    const controls = new Map<string, string>();
    const searchAnswers: { call: PlannedCall; text: string; status: number }[] = [];
    /** How a search said it read each needle it did not search as typed (searchedAs). */
    const readings = new Map<string, string>();
    for (const call of calls) {
      const res = await t.app.inject({ method: "GET", url: call.url, ...(cookie ? { headers: cookie } : {}) });
      requests++;
      const perOp = statuses.get(call.operation) ?? new Map<number, number>();
      perOp.set(res.statusCode, (perOp.get(res.statusCode) ?? 0) + 1);
      statuses.set(call.operation, perOp);
      const pieces = decodeAnswer(res.headers as Record<string, unknown>, res.rawPayload);
      for (const hit of findIdentities(pieces, ownNames)) {
        const seen = seenByEntitled.get(hit.needle.identity) ?? new Set<string>();
        seenByEntitled.set(hit.needle.identity, seen.add(`${call.operation} (${username})`));
      }
      for (const hit of findIdentities(pieces, notEntitled)) {
        findings.push({
          user: username,
          operation: call.operation,
          url: call.url,
          status: res.statusCode,
          identity: hit.needle.identity,
          what: hit.needle.label,
          where: hit.where,
          snippet: hit.snippet,
        });
      }
      if (call.search) {
        const text = pieces
          .filter((p) => !p.where.startsWith("header"))
          .map((p) => p.text)
          .join("\n");
        const reading = readingOf(res.headers["content-type"], res.rawPayload);
        if (reading) readings.set(call.search.q, reading);
        if (call.search.identity === null) controls.set(`${call.operation} ${call.search.kind}`, text);
        else searchAnswers.push({ call, text, status: res.statusCode });
      }
    }
    for (const { call, text, status } of searchAnswers) {
      const key = call.search!.identity!;
      if (entitled[key].has(username)) continue;
      const control = controls.get(`${call.operation} ${call.search!.kind}`) ?? "";
      const found = markersOf(s, key).filter((m) => containsMarker(text, m) && !containsMarker(control, m));
      // A search that says it read the needle as other words, none of them the identity's (the
      // nearest known words of a name no letter holds: "quach thi dieu thoa" read as "qua thi
      // dien thoai"), found the record by those words; the list shows the reading to its user.
      const reading = readings.get(call.search!.q);
      const byOtherWords =
        reading !== undefined &&
        !findIdentities(
          [{ where: "reading", text: reading }],
          ALL_NEEDLES.filter((n) => n.identity === key),
        ).length;
      if (found.length && !byOtherWords) {
        findings.push({
          user: username,
          operation: call.operation,
          url: call.url,
          status,
          identity: key,
          what: `tìm theo ${call.search!.kind} ra hồ sơ`,
          where: `(kết quả tìm kiếm: ${found.join(", ")})`,
          snippet: `q=${call.search!.q}`,
        });
      }
    }
  }
  return { findings, requests, operations, unfilled, statuses, seenByEntitled };
}

/**
 * The findings grouped by operation, place in the answer, identity and what was found, each
 * with the users concerned and one example: the list the fix works from.
 */
export function formatFindings(findings: readonly Finding[]): string {
  const groups = new Map<string, { users: Set<string>; example: Finding; whats: Set<string> }>();
  for (const f of findings) {
    const key = `${f.operation}\t${f.where}\t${f.identity}`;
    const g = groups.get(key) ?? { users: new Set(), example: f, whats: new Set() };
    g.users.add(f.user);
    g.whats.add(f.what);
    groups.set(key, g);
  }
  const lines: string[] = [];
  let last = "";
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [operation, where, identity] = key.split("\t");
    if (operation !== last) lines.push(`${operation}`);
    last = operation!;
    lines.push(
      `  ${where} — ${identity}: ${[...g.whats].join(", ")}\n` +
        `      người dùng: ${[...g.users].sort().join(", ")}\n` +
        `      ví dụ (${g.example.user}, ${g.example.status}, ${g.example.url}): ${g.example.snippet}`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// At rest.

export interface FileHit {
  file: string;
  identity: IdentityKey;
  what: string;
  count: number;
}

/** The needles for raw bytes: UTF-8 name as written, upper case, accent-free; ID and phone digits. */
export function byteNeedles(x: Identity): { what: string; bytes: Buffer }[] {
  const forms = [
    { what: "họ tên (UTF-8, NFC)", text: x.fullName.normalize("NFC") },
    { what: "họ tên (UTF-8, NFD)", text: x.fullName.normalize("NFD") },
    { what: "họ tên (chữ hoa)", text: x.fullName.toUpperCase() },
    { what: "họ tên (không dấu)", text: fold(x.fullName) },
    { what: "họ tên (không dấu, chữ hoa)", text: fold(x.fullName).toUpperCase() },
    { what: "số CCCD", text: x.cccd },
    { what: "số CCCD (có dấu cách)", text: spacedId(x.cccd) },
    { what: "số điện thoại", text: x.phone },
    { what: "số điện thoại (9 số cuối)", text: x.phone.slice(1) },
    { what: "thư điện tử", text: x.email },
  ];
  return forms.map((f) => ({ what: f.what, bytes: Buffer.from(f.text, "utf8") }));
}

/**
 * The table or index each file of the embedded database holds (`base/5/16771` → `petition`),
 * read from the catalogue before the database is closed, so that a finding names its table.
 */
export async function relationFiles(database: Started["database"]): Promise<Map<string, string>> {
  const rows = await database.session((raw) =>
    raw.query<{ node: number | string | null; name: string; kind: string }>(
      "select pg_relation_filenode(c.oid) as node, c.relkind as kind, " +
        "n.nspname || '.' || c.relname || coalesce(' of ' || o.relname, '') as name " +
        "from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
        "left join pg_class o on o.reltoastrelid = c.oid",
    ),
  );
  const kinds: Record<string, string> = { r: "table", i: "index", t: "toast", m: "view", S: "sequence" };
  return new Map(
    rows.filter((r) => r.node !== null).map((r) => [String(r.node), `${r.name} (${kinds[r.kind] ?? r.kind})`]),
  );
}

/**
 * The columns that hold an identity readably, found by asking the database itself (before it is
 * closed): every text-like column of every table of the current schema, cast to text, prefiltered
 * with ILIKE on the identity's usual shapes, then read by the finder. Says where to look when
 * the files hold something.
 */
export async function columnsHolding(
  database: Started["database"],
  identities: readonly Identity[] = IDENTITIES,
): Promise<{ column: string; identity: IdentityKey; what: string; rows: number }[]> {
  const patterns = identities.flatMap((x) =>
    [
      x.fullName,
      fold(x.fullName),
      x.cccd,
      spacedId(x.cccd),
      x.phone,
      ...phoneShapes(x.phone),
      x.email,
      x.addressMark,
      fold(x.addressMark),
    ].map((p) => `%${p}%`),
  );
  const needles = identities.flatMap(needlesOf);
  return database.session(async (raw) => {
    const columns = await raw.query<{ table_name: string; column_name: string }>(
      "select c.table_name, c.column_name from information_schema.columns c " +
        "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name " +
        "where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' " +
        "and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'tsvector', 'ARRAY', 'USER-DEFINED') " +
        "order by c.table_name, c.ordinal_position",
    );
    const found = new Map<string, { column: string; identity: IdentityKey; what: string; rows: number }>();
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await raw.query<{ v: string }>(
        `select "${column}"::text as v from "${table}" where "${column}"::text ilike any($1::text[]) limit 200`,
        [patterns],
      );
      for (const row of rows) {
        const hits = findIdentities([{ where: `${table}.${column}`, text: row.v }], needles);
        for (const key of new Set(hits.map((h) => `${h.needle.identity}\t${h.needle.label}`))) {
          const [identity, what] = key.split("\t") as [IdentityKey, string];
          const id = `${table}.${column}\t${key}`;
          const entry = found.get(id) ?? { column: `${table}.${column}`, identity, what, rows: 0 };
          entry.rows++;
          found.set(id, entry);
        }
      }
    }
    return [...found.values()];
  });
}

/** "base/5/16771_fsm" → the relation of file node 16771, if known. */
export function relationOf(file: string, relations: Map<string, string>): string | undefined {
  const m = /(?:^|\/)base\/\d+\/(\d+)(?:_\w+)?(?:\.\d+)?$/.exec(file.split(path.sep).join("/"));
  return m ? relations.get(m[1]!) : undefined;
}

function countOf(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** Every file under `dir`, read as bytes, searched for every identity's byte needles. */
export function scanFiles(dir: string, identities: readonly Identity[] = IDENTITIES): FileHit[] {
  const hits: FileHit[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        const bytes = readFileSync(full);
        for (const x of identities) {
          for (const needle of byteNeedles(x)) {
            const count = countOf(bytes, needle.bytes);
            if (count) hits.push({ file: path.relative(dir, full), identity: x.key, what: needle.what, count });
          }
        }
      }
    }
  };
  walk(dir);
  return hits;
}
