/** Words of the attachments panel. */
export const ATTACHMENT_TEXT = {
  title: "Tệp đính kèm",
  empty: "Chưa có tệp đính kèm.",
  tableLabel: "Danh sách tệp đính kèm",
  fileName: "Tên tệp",
  size: "Dung lượng",
  uploadedBy: "Người tải lên",
  uploadedOn: "Ngày tải lên",
  actions: "Thao tác",
  encrypted: "Mã hóa",
  encryptedHint: "Tệp được lưu mã hóa trên máy chủ",
  download: "Tải xuống",
  downloadFor: (name: string) => `Tải xuống tệp ${name}`,
  delete: "Xóa",
  deleteFor: (name: string) => `Xóa tệp ${name}`,
  deleteTitle: "Xóa tệp đính kèm",
  deleteConfirm: (name: string) =>
    `Xóa tệp “${name}” khỏi hồ sơ? Tệp bị xóa hẳn khỏi máy chủ, không khôi phục được; việc xóa được ghi vào nhật ký.`,
  deleted: (name: string) => `Đã xóa tệp “${name}”.`,

  uploadTitle: "Tải tệp lên",
  chooseFiles: "Chọn tệp",
  choosePlaceholder: "Bấm để chọn một hoặc nhiều tệp",
  limits: (maxFiles: number, maxSize: string) =>
    `Tối đa ${maxFiles} tệp mỗi lần, mỗi tệp không quá ${maxSize}. Nhận: PDF, ảnh JPEG/PNG/TIFF, Word, Excel, văn bản .txt, âm thanh MP3/M4A, video MP4.`,
  description: "Mô tả (không bắt buộc)",
  descriptionHint: "Ví dụ: Bản chụp đơn và giấy tờ kèm theo",
  upload: "Tải lên",
  cancelUpload: "Dừng tải lên",
  uploading: (percent: number) => `Đang tải lên… ${percent}%`,
  checking: "Đang kiểm tra và lưu tệp…",
  progressLabel: "Tiến độ tải lên",
  uploaded: (count: number) => (count === 1 ? "Đã tải lên 1 tệp." : `Đã tải lên ${count} tệp.`),
  cancelled: "Đã dừng tải lên; chưa tệp nào được lưu.",

  // Checked in the browser before sending; the server checks the same and more (content).
  tooMany: (maxFiles: number) => `Mỗi lần chỉ tải lên được tối đa ${maxFiles} tệp.`,
  tooLarge: (name: string, maxSize: string) => `Tệp "${name}" vượt quá dung lượng cho phép (${maxSize}).`,
  emptyFile: (name: string) => `Tệp "${name}" không có nội dung.`,
  tooLargeForServer: "Tệp quá lớn so với giới hạn của máy chủ.",
  network: "Mất kết nối trong khi tải lên. Kiểm tra kết nối mạng rồi thử lại.",
} as const;

const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** "512 B", "12,3 KB", "1,2 MB" (1 KB = 1024 B, as file managers show it). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${decimal.format(bytes / (1024 * 1024))} MB`;
  return `${decimal.format(bytes / (1024 * 1024 * 1024))} GB`;
}
