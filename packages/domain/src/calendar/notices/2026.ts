import type { YearNotice } from "../notice-schema.ts";

/**
 * Days off of state agencies in 2026 (civil servants and public employees).
 * Tết Bính Ngọ: mùng 1 = Tuesday 17/02/2026; 29 tháng Chạp Ất Tỵ = 16/02 (the month had 29 days).
 */
export const notice2026: YearNotice = {
  year: 2026,
  source:
    "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Tết Dương lịch 2026); phương án nghỉ Tết Âm lịch Bính Ngọ được Thủ tướng đồng ý theo đề xuất của Bộ Nội vụ; Bộ luật Lao động 2019, Điều 111–112",
  note:
    "Chưa xác nhận được quyết định cuối cùng về Quốc khánh 2026 (có tin về đề xuất nghỉ 5 ngày): " +
    "tạm ghi 02/09 và ngày liền kề mặc định 03/09, không có hoán đổi. Cập nhật khi có thông báo chính thức.",
  days: [
    { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" },
    { date: "2026-01-02", kind: "swap_off", name: "Nghỉ hoán đổi dịp Tết Dương lịch, làm bù thứ Bảy 10/01/2026" },
    { date: "2026-01-10", kind: "makeup_workday", name: "Làm bù cho thứ Sáu 02/01/2026" },
    { date: "2026-02-16", kind: "holiday", name: "Tết Âm lịch (29 tháng Chạp)" },
    { date: "2026-02-17", kind: "holiday", name: "Tết Âm lịch (mùng 1 tháng Giêng)" },
    { date: "2026-02-18", kind: "holiday", name: "Tết Âm lịch (mùng 2 tháng Giêng)" },
    { date: "2026-02-19", kind: "holiday", name: "Tết Âm lịch (mùng 3 tháng Giêng)" },
    { date: "2026-02-20", kind: "holiday", name: "Tết Âm lịch (mùng 4 tháng Giêng)" },
    { date: "2026-04-26", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch)" },
    { date: "2026-04-27", kind: "compensatory", name: "Nghỉ bù cho Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)" },
    { date: "2026-04-30", kind: "holiday", name: "Ngày Chiến thắng (30/4)" },
    { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế lao động (1/5)" },
    { date: "2026-09-02", kind: "holiday", name: "Quốc khánh (2/9)" },
    {
      date: "2026-09-03",
      kind: "holiday",
      name: "Quốc khánh (ngày liền kề 3/9)",
      note: "Chưa xác nhận: Thủ tướng có thể chọn 01/09 hoặc 03/09 và có thể kèm hoán đổi. Tạm dùng mặc định 03/09.",
    },
  ],
};
