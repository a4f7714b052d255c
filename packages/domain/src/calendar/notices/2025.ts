import type { YearNotice } from "../notice-schema.ts";

/**
 * Days off of state agencies in 2025 (civil servants and public employees).
 * Tết Ất Tỵ: mùng 1 = Wednesday 29/01/2025; 29 tháng Chạp Giáp Thìn = 28/01 (the month had 29 days).
 */
export const notice2025: YearNotice = {
  year: 2025,
  source:
    "Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng về nghỉ Tết Âm lịch và các dịp lễ năm 2025) và thông báo của Bộ Lao động – Thương binh và Xã hội; Bộ luật Lao động 2019, Điều 111–112",
  note:
    "Tập hợp ngày nghỉ (25/01–02/02, 07/04, 30/04–04/05, 30/08–02/09) và ngày làm bù 26/04 đã được đối chiếu với nguồn tin thứ cấp. " +
    "Cách phân loại trong dịp Tết (ngày nào là ngày Tết, ngày nào hoán đổi) và ngày làm bù 08/02/2025 được ghi theo trí nhớ, cần đối chiếu văn bản gốc.",
  days: [
    { date: "2025-01-01", kind: "holiday", name: "Tết Dương lịch" },
    {
      date: "2025-01-27",
      kind: "swap_off",
      name: "Nghỉ hoán đổi dịp Tết Âm lịch (28 tháng Chạp), làm bù thứ Bảy 08/02/2025",
      note: "Hoán đổi thứ Hai 27/01 với thứ Bảy 08/02 — ghi theo trí nhớ, cần đối chiếu văn bản gốc.",
    },
    { date: "2025-01-28", kind: "holiday", name: "Tết Âm lịch (29 tháng Chạp)" },
    { date: "2025-01-29", kind: "holiday", name: "Tết Âm lịch (mùng 1 tháng Giêng)" },
    { date: "2025-01-30", kind: "holiday", name: "Tết Âm lịch (mùng 2 tháng Giêng)" },
    { date: "2025-01-31", kind: "holiday", name: "Tết Âm lịch (mùng 3 tháng Giêng)" },
    {
      date: "2025-02-01",
      kind: "holiday",
      name: "Tết Âm lịch (mùng 4 tháng Giêng)",
      note: "Ngày Tết thứ năm trùng thứ Bảy; kỳ nghỉ kết thúc Chủ nhật 02/02 nên không có ngày nghỉ bù riêng — cần đối chiếu văn bản gốc.",
    },
    {
      date: "2025-02-08",
      kind: "makeup_workday",
      name: "Làm bù cho thứ Hai 27/01/2025",
      note: "Ghi theo trí nhớ, cần đối chiếu văn bản gốc.",
    },
    { date: "2025-04-07", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch)" },
    { date: "2025-04-26", kind: "makeup_workday", name: "Làm bù cho thứ Sáu 02/05/2025" },
    { date: "2025-04-30", kind: "holiday", name: "Ngày Chiến thắng (30/4)" },
    { date: "2025-05-01", kind: "holiday", name: "Ngày Quốc tế lao động (1/5)" },
    { date: "2025-05-02", kind: "swap_off", name: "Nghỉ hoán đổi dịp 30/4–1/5, làm bù thứ Bảy 26/04/2025" },
    { date: "2025-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề 1/9)" },
    { date: "2025-09-02", kind: "holiday", name: "Quốc khánh (2/9)" },
  ],
};
