/**
 * What test petitions are about: templates per field with variable parts (names, amounts, dates,
 * places). `kind` is the classification by substance, which may differ from the title the writer
 * put on the letter (Điều 6 Thông tư 05/2021/TT-TTCP): an "Đơn khiếu nại" about an electricity bill is
 * feedback, not a complaint against an administrative decision.
 */
import type { Gender } from "../reception/identity.ts";
import type { PetitionKind } from "../petitions/kinds.ts";
import { personName } from "./names.ts";
import { Weighted, type Random } from "./prng.ts";

export interface MatterContext {
  commune: string;
  province: string;
  year: number;
  month: number;
}

export interface Matter {
  template: string;
  title: string;
  kind: PetitionKind;
  fieldCode: string;
  respondent: { name: string; address: string | null } | null;
  summary: string;
  content: string;
}

type Template = (rng: Random, ctx: MatterContext) => Matter;

const BRANDS: readonly string[] = [
  "Minh Phát",
  "Hoàng Long",
  "Thành Đạt",
  "Phú Cường",
  "An Khang",
  "Đại Việt",
  "Hưng Thịnh",
  "Tân Tiến",
  "Kim Ngân",
  "Sao Mai",
  "Phúc Lộc",
  "Trường Sơn",
  "Bình Minh",
  "Hải Âu",
  "Nam Việt",
];

const FOODS: readonly string[] = [
  "giò chả",
  "bánh mì",
  "bún tươi",
  "đậu phụ",
  "nước đá",
  "bánh kẹo",
  "thịt xiên nướng",
];
const GOODS: readonly string[] = ["mỹ phẩm", "quần áo", "giày dép", "thuốc lá điếu", "rượu ngoại", "đồ điện gia dụng"];

/** An amount in đồng, thousands separated by dots (Intl is too slow for a million rows). */
function money(rng: Random, min: number, max: number): string {
  let n = rng.between(min, max);
  let out = "000";
  while (n >= 1000) {
    out = `${String(n % 1000).padStart(3, "0")}.${out}`;
    n = Math.floor(n / 1000);
  }
  return `${n}.${out}`;
}

function officer(rng: Random): string {
  const gender: Gender = rng.chance(0.7) ? "male" : "female";
  return `${gender === "male" ? "ông" : "bà"} ${personName(rng, gender)}`;
}

function date(rng: Random, ctx: MatterContext): string {
  const month = Math.max(1, ctx.month - rng.between(0, 3));
  return `${String(rng.between(1, 28)).padStart(2, "0")}/${String(month).padStart(2, "0")}/${ctx.year}`;
}

const electricityBill: Template = (rng, ctx) => {
  const month = ctx.month === 1 ? 12 : ctx.month - 1;
  const before = money(rng, 250, 900);
  const after = money(rng, 1200, 4800);
  const company = `Điện lực ${ctx.commune.replace(/^(xã|phường) /, "")}`;
  return {
    template: "electricity-bill",
    title: "Đơn khiếu nại",
    kind: "feedback",
    fieldCode: "CT.DIEN_LUC",
    respondent: { name: company, address: `${ctx.commune}, ${ctx.province}` },
    summary: `Phản ánh hóa đơn tiền điện tháng ${month} tăng bất thường`,
    content: `Hóa đơn tiền điện tháng ${month}/${ctx.year} của gia đình tôi là ${after} đồng, trong khi các tháng trước chỉ khoảng ${before} đồng, sinh hoạt không thay đổi. Tôi đã liên hệ ${company} nhưng chưa được kiểm tra công tơ. Đề nghị kiểm tra lại chỉ số công tơ, kiểm định công tơ và tính lại tiền điện cho gia đình tôi.`,
  };
};

const powerLine: Template = (rng, ctx) => ({
  template: "power-line",
  title: "Đơn kiến nghị",
  kind: "recommendation",
  fieldCode: "CT.DIEN_LUC",
  respondent: { name: `Công ty Điện lực ${ctx.province.replace(/^(tỉnh|thành phố|Thành phố) /, "")}`, address: null },
  summary: "Kiến nghị di dời cột điện trung thế sát nhà dân",
  content: `Cột điện trung thế số ${rng.between(10, 99)} dựng sát tường nhà tôi tại ${ctx.commune}, dây điện cách mái nhà chưa đến ${rng.between(1, 3)} mét, mùa mưa thường phóng điện gây nguy hiểm. Kiến nghị ngành điện khảo sát, di dời cột điện ra vị trí bảo đảm hành lang an toàn lưới điện.`,
});

const petrolShortMeasure: Template = (rng, ctx) => {
  const shop = `Cửa hàng xăng dầu ${rng.pick(BRANDS)}`;
  return {
    template: "petrol-short-measure",
    title: "Đơn tố cáo",
    kind: "denunciation",
    fieldCode: "CT.XANG_DAU",
    respondent: { name: shop, address: `${ctx.commune}, ${ctx.province}` },
    summary: `Tố cáo ${shop} bán xăng thiếu số lượng`,
    content: `Ngày ${date(rng, ctx)} tôi đổ ${rng.between(3, 10)} lít xăng RON 95 tại ${shop} (${ctx.commune}) nhưng khi đo lại bằng can chuẩn chỉ được khoảng ${rng.between(80, 95)}% số lượng. Nhiều người dân trong khu vực cũng gặp tình trạng tương tự. Đề nghị cơ quan chức năng kiểm tra cột bơm, xử lý nghiêm hành vi gian lận đo lường.`,
  };
};

const petrolLicence: Template = (rng, ctx) => {
  const company = `Công ty TNHH Thương mại ${rng.pick(BRANDS)}`;
  return {
    template: "petrol-licence",
    title: "Đơn tố cáo",
    kind: "denunciation",
    fieldCode: "CT.XANG_DAU",
    respondent: { name: company, address: `${ctx.commune}, ${ctx.province}` },
    summary: "Tố cáo kinh doanh xăng dầu không có giấy chứng nhận đủ điều kiện",
    content: `${company} mở điểm bán xăng dầu tại ${ctx.commune} từ tháng ${ctx.month}/${ctx.year}, bồn chứa đặt ngay trong khu dân cư, không có phương án phòng cháy chữa cháy và theo tôi được biết chưa có giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu. Đề nghị kiểm tra, đình chỉ hoạt động nếu vi phạm.`,
  };
};

const foodSafety: Template = (rng, ctx) => {
  const food = rng.pick(FOODS);
  const shop = `Cơ sở sản xuất ${food} ${rng.pick(BRANDS)}`;
  return {
    template: "food-safety",
    title: "Đơn phản ánh",
    kind: "feedback",
    fieldCode: "CT.AN_TOAN_THUC_PHAM",
    respondent: { name: shop, address: `${ctx.commune}, ${ctx.province}` },
    summary: `Phản ánh ${shop} sản xuất mất vệ sinh an toàn thực phẩm`,
    content: `${shop} tại ${ctx.commune} sản xuất ${food} trong điều kiện mất vệ sinh, nước thải chảy ra đường, nghi sử dụng hàn the và phẩm màu không rõ nguồn gốc. Sản phẩm được bán cho các trường học trên địa bàn. Đề nghị cơ quan chức năng kiểm tra, lấy mẫu xét nghiệm và xử lý theo quy định.`,
  };
};

const counterfeitGoods: Template = (rng, ctx) => {
  const goods = rng.pick(GOODS);
  const shop = `Cửa hàng ${rng.pick(BRANDS)}`;
  return {
    template: "counterfeit",
    title: "Đơn tố cáo",
    kind: "denunciation",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    respondent: { name: shop, address: `${ctx.commune}, ${ctx.province}` },
    summary: `Tố cáo ${shop} kinh doanh ${goods} giả mạo nhãn hiệu`,
    content: `${shop} tại ${ctx.commune} công khai bán ${goods} giả mạo nhãn hiệu nổi tiếng và hàng nhập lậu không có hóa đơn chứng từ, bán cả trên mạng xã hội. Tôi gửi kèm hình ảnh và hóa đơn mua hàng ngày ${date(rng, ctx)}. Đề nghị kiểm tra, tịch thu hàng vi phạm.`,
  };
};

const marketFine: Template = (rng, ctx) => {
  const team = `Đội Quản lý thị trường số ${rng.between(1, 12)}`;
  const number = `${rng.between(10, 999)}/QĐ-XPHC`;
  return {
    template: "market-fine",
    title: "Đơn khiếu nại",
    kind: "complaint",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    respondent: { name: team, address: ctx.province },
    summary: `Khiếu nại Quyết định xử phạt vi phạm hành chính số ${number}`,
    content: `Tôi khiếu nại Quyết định xử phạt vi phạm hành chính số ${number} ngày ${date(rng, ctx)} của ${team} xử phạt tôi ${money(rng, 5000, 30000)} đồng về hành vi kinh doanh hàng hóa không rõ nguồn gốc. Hàng hóa của tôi có đầy đủ hóa đơn nhưng đoàn kiểm tra không xem xét. Đề nghị hủy quyết định xử phạt và trả lại hàng hóa bị tạm giữ.`,
  };
};

const chemicals: Template = (rng, ctx) => {
  const company = `Công ty cổ phần Hóa chất ${rng.pick(BRANDS)}`;
  return {
    template: "chemicals",
    title: "Đơn phản ánh",
    kind: "feedback",
    fieldCode: "CT.HOA_CHAT",
    respondent: { name: company, address: `${ctx.commune}, ${ctx.province}` },
    summary: "Phản ánh kho hóa chất sát khu dân cư gây mùi",
    content: `Kho chứa hóa chất của ${company} đặt sát khu dân cư ${ctx.commune}, thường xuyên bốc mùi hắc, nhiều hộ dân bị khó thở, đau đầu. Đêm ${date(rng, ctx)} có hiện tượng rò rỉ. Đề nghị kiểm tra điều kiện an toàn hóa chất và di dời kho ra xa khu dân cư.`,
  };
};

const sandMining: Template = (rng, ctx) => ({
  template: "sand-mining",
  title: "Đơn tố cáo",
  kind: "denunciation",
  fieldCode: "CT.TAI_NGUYEN_NUOC_KHOANG_SAN",
  respondent: { name: officer(rng), address: `${ctx.commune}, ${ctx.province}` },
  summary: "Tố cáo khai thác cát trái phép gây sạt lở bờ sông",
  content: `Từ tháng ${ctx.month}/${ctx.year}, ${rng.between(2, 6)} tàu hút cát hoạt động ban đêm đoạn sông thuộc ${ctx.commune}, gây sạt lở nghiêm trọng, nhiều hộ dân mất đất canh tác. Người tổ chức khai thác là chủ bến bãi tại địa phương. Đề nghị kiểm tra, xử lý và truy thu tài nguyên khai thác trái phép.`,
});

const landCompensation: Template = (rng, ctx) => {
  const number = `${rng.between(100, 4999)}/QĐ-UBND`;
  const chairman = `Chủ tịch UBND ${ctx.commune}`;
  const area = rng.between(80, 2500);
  return {
    template: "land-compensation",
    title: "Đơn khiếu nại",
    kind: "complaint",
    fieldCode: "HC.DAT_DAI",
    respondent: { name: chairman, address: `${ctx.commune}, ${ctx.province}` },
    summary: `Khiếu nại quyết định phê duyệt phương án bồi thường, hỗ trợ số ${number}`,
    content: `Tôi khiếu nại Quyết định số ${number} ngày ${date(rng, ctx)} của ${chairman} phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi ${area} m² đất của gia đình tôi để thực hiện dự án cụm công nghiệp. Đơn giá bồi thường ${money(rng, 300, 2500)} đồng/m² thấp hơn giá thị trường nhiều lần, diện tích đất ở bị tính sai thành đất nông nghiệp. Đề nghị xem xét lại đơn giá và loại đất, bồi thường đúng quy định.`,
  };
};

const industrialCluster: Template = (rng, ctx) => {
  const company = `Công ty TNHH ${rng.pick(BRANDS)}`;
  return {
    template: "industrial-cluster",
    title: "Đơn phản ánh",
    kind: "feedback",
    fieldCode: "CT.CUM_CONG_NGHIEP",
    respondent: { name: company, address: `Cụm công nghiệp ${ctx.commune.replace(/^(xã|phường) /, "")}` },
    summary: "Phản ánh doanh nghiệp trong cụm công nghiệp xả nước thải chưa xử lý",
    content: `${company} trong cụm công nghiệp tại ${ctx.commune} xả nước thải chưa qua xử lý ra kênh tưới tiêu, cá chết hàng loạt, lúa của ${rng.between(10, 60)} hộ dân bị ảnh hưởng. Đề nghị kiểm tra hệ thống xử lý nước thải của cụm công nghiệp và buộc doanh nghiệp bồi thường.`,
  };
};

const blasting: Template = (rng, ctx) => {
  const company = `Công ty cổ phần Khai thác đá ${rng.pick(BRANDS)}`;
  return {
    template: "blasting",
    title: "Đơn kiến nghị",
    kind: "feedback",
    fieldCode: "CT.VAT_LIEU_NO_CONG_NGHIEP",
    respondent: { name: company, address: `${ctx.commune}, ${ctx.province}` },
    summary: "Phản ánh nổ mìn khai thác đá làm nứt nhà dân",
    content: `${company} nổ mìn khai thác đá gần khu dân cư ${ctx.commune}, mỗi lần nổ mìn đá văng vào nhà dân, ${rng.between(5, 40)} ngôi nhà bị nứt tường. Đề nghị kiểm tra việc sử dụng vật liệu nổ công nghiệp, khoảng cách an toàn và buộc bồi thường thiệt hại.`,
  };
};

const marketRelocation: Template = (rng, ctx) => ({
  template: "market",
  title: "Đơn kiến nghị",
  kind: "recommendation",
  fieldCode: "CT.THUONG_MAI",
  respondent: { name: `UBND ${ctx.commune}`, address: ctx.province },
  summary: "Kiến nghị về việc sắp xếp lại chợ tạm",
  content: `Chúng tôi là ${rng.between(20, 120)} hộ tiểu thương chợ ${ctx.commune.replace(/^(xã|phường) /, "")}. Việc di dời sang chợ tạm không có mái che, không có phòng cháy chữa cháy, mức thu phí cao. Kiến nghị UBND xem xét bố trí lại chợ tạm và giảm phí trong thời gian xây dựng chợ mới.`,
});

const illegalBuilding: Template = (rng, ctx) => {
  const neighbour = officer(rng);
  return {
    template: "illegal-building",
    title: "Đơn tố cáo",
    kind: "denunciation",
    fieldCode: "HC.XAY_DUNG",
    respondent: { name: neighbour, address: `${ctx.commune}, ${ctx.province}` },
    summary: "Tố cáo xây dựng công trình trái phép lấn chiếm đất",
    content: `${neighbour.charAt(0).toUpperCase()}${neighbour.slice(1)} xây dựng nhà ${rng.between(2, 5)} tầng không có giấy phép, lấn sang đất nhà tôi khoảng ${rng.between(1, 9)} m², chính quyền ${ctx.commune} đã lập biên bản nhưng công trình vẫn tiếp tục thi công. Đề nghị xử lý, buộc tháo dỡ phần lấn chiếm.`,
  };
};

const officialBribe: Template = (rng, ctx) => {
  const who = officer(rng);
  return {
    template: "official-bribe",
    title: "Đơn tố cáo",
    kind: "denunciation",
    fieldCode: "HC.THAM_NHUNG",
    respondent: { name: `${who}, công chức địa chính - xây dựng UBND ${ctx.commune}`, address: ctx.province },
    summary: "Tố cáo công chức nhận tiền khi giải quyết thủ tục đất đai",
    content: `Khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất tại ${ctx.commune}, ${who} yêu cầu gia đình tôi nộp ${money(rng, 5000, 50000)} đồng ngoài quy định mới giải quyết hồ sơ. Nhiều hộ khác cũng bị yêu cầu như vậy. Tôi có ghi âm cuộc nói chuyện. Đề nghị xác minh, xử lý nghiêm.`,
  };
};

const socialPolicy: Template = (rng, ctx) => ({
  template: "social-policy",
  title: "Đơn đề nghị",
  kind: "recommendation",
  fieldCode: "HC.CHINH_SACH_XA_HOI",
  respondent: { name: `UBND ${ctx.commune}`, address: ctx.province },
  summary: "Đề nghị xem xét hưởng trợ cấp xã hội",
  content: `Tôi năm nay ${rng.between(70, 92)} tuổi, sống một mình tại ${ctx.commune}, không có lương hưu. Hồ sơ đề nghị hưởng trợ cấp xã hội nộp từ tháng ${ctx.month}/${ctx.year} đến nay chưa được giải quyết. Đề nghị xem xét cho tôi được hưởng trợ cấp theo quy định.`,
});

const judgmentEnforcement: Template = (rng, ctx) => ({
  template: "judgment-enforcement",
  title: "Đơn kiến nghị",
  kind: "recommendation",
  fieldCode: "HC.TU_PHAP",
  respondent: { name: `Phòng Thi hành án dân sự khu vực ${rng.between(1, 9)}`, address: ctx.province },
  summary: "Kiến nghị đẩy nhanh thi hành bản án dân sự",
  content: `Bản án dân sự phúc thẩm tuyên buộc bên vay trả cho tôi ${money(rng, 50000, 900000)} đồng đã có hiệu lực từ năm ${ctx.year - rng.between(1, 4)} nhưng đến nay cơ quan thi hành án chưa tổ chức thi hành dứt điểm. Kiến nghị đẩy nhanh việc thi hành án.`,
});

const multiContent: Template = (rng, ctx) => {
  const number = `${rng.between(100, 4999)}/QĐ-UBND`;
  const who = officer(rng);
  return {
    template: "multi-content",
    title: "Đơn khiếu nại, tố cáo",
    kind: "multi_content",
    fieldCode: "HC.DAT_DAI",
    respondent: { name: `UBND ${ctx.commune}`, address: ctx.province },
    summary: "Khiếu nại việc thu hồi đất, tố cáo cán bộ và phản ánh về giá điện",
    content: `Thứ nhất, tôi khiếu nại Quyết định số ${number} về thu hồi đất của gia đình tôi tại ${ctx.commune}. Thứ hai, tôi tố cáo ${who} là cán bộ địa chính đã tự ý đo sai diện tích. Thứ ba, tôi phản ánh giá điện sinh hoạt tại thôn tôi cao bất thường từ tháng ${ctx.month}/${ctx.year}. Đề nghị các cơ quan xem xét giải quyết.`,
  };
};

/** Templates with their share of petitions. */
export const TEMPLATES = new Weighted<Template>([
  [landCompensation, 18],
  [electricityBill, 9],
  [powerLine, 4],
  [petrolShortMeasure, 6],
  [petrolLicence, 3],
  [foodSafety, 7],
  [counterfeitGoods, 6],
  [marketFine, 5],
  [chemicals, 3],
  [sandMining, 4],
  [industrialCluster, 4],
  [blasting, 3],
  [marketRelocation, 3],
  [illegalBuilding, 8],
  [officialBribe, 5],
  [socialPolicy, 5],
  [judgmentEnforcement, 3],
  [multiContent, 4],
]);

/** Denunciation templates, for anonymous letters. */
export const DENUNCIATION_TEMPLATES = new Weighted<Template>([
  [petrolShortMeasure, 3],
  [petrolLicence, 2],
  [counterfeitGoods, 3],
  [sandMining, 3],
  [illegalBuilding, 3],
  [officialBribe, 4],
]);

export function pickMatter(rng: Random, ctx: MatterContext, denunciationOnly = false): Matter {
  return (denunciationOnly ? DENUNCIATION_TEMPLATES : TEMPLATES).pick(rng)(rng, ctx);
}
