/**
 * Forms printed while handling petitions (biểu mẫu, Thông tư 05/2021/TT-TTCP), as data.
 *
 * [P] The official annex was not read (docs/LAW.md §4.5): the list and order follow a production
 * system implementing the circular and match the usual numbering Mẫu số 01–07. The effective date is
 * 15/11/2021 per the Ministry of Home Affairs of Nam Định's summary ("có hiệu lực thi hành từ ngày
 * 15/11/2021") — the deadline rules currently carry 16/11/2021 "from memory" [U].
 */
import { cite } from "../law/acts.ts";
export type PetitionFormCode = "TT05-01" | "TT05-02" | "TT05-03" | "TT05-04" | "TT05-05" | "TT05-06" | "TT05-07";

export interface PetitionForm {
  code: PetitionFormCode;
  /** Number of the form in the annex. */
  number: string;
  name: string;
  when: string;
  basis: string;
  validFrom: string;
  validTo: string | null;
  probable: true;
}

const BASIS = `Phụ lục ${cite("TT05")}`;
const FROM = "2021-11-15";

function form(code: PetitionFormCode, name: string, when: string): PetitionForm {
  const number = code.slice(5);
  return {
    code,
    number,
    name,
    when,
    basis: `Mẫu số ${number} ${BASIS}`,
    validFrom: FROM,
    validTo: null,
    probable: true,
  };
}

export const PETITION_FORMS: Readonly<Record<PetitionFormCode, PetitionForm>> = {
  "TT05-01": form("TT05-01", "Phiếu đề xuất thụ lý đơn", "Đơn thuộc thẩm quyền và đủ điều kiện thụ lý"),
  "TT05-02": form(
    "TT05-02",
    "Thông báo về việc khiếu nại không đủ điều kiện thụ lý giải quyết",
    "Khiếu nại thuộc thẩm quyền nhưng không đủ điều kiện thụ lý",
  ),
  "TT05-03": form("TT05-03", "Phiếu hướng dẫn (đơn không thuộc thẩm quyền xử lý)", "Khiếu nại không thuộc thẩm quyền"),
  "TT05-04": form(
    "TT05-04",
    "Phiếu trả lại đơn chuyển không đúng thẩm quyền",
    "Đơn do cơ quan khác chuyển đến nhưng không thuộc thẩm quyền",
  ),
  "TT05-05": form("TT05-05", "Phiếu chuyển đơn tố cáo", "Tố cáo không thuộc thẩm quyền"),
  "TT05-06": form("TT05-06", "Phiếu chuyển đơn", "Kiến nghị, phản ánh không thuộc thẩm quyền"),
  "TT05-07": form(
    "TT05-07",
    "Phiếu hướng dẫn (đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan)",
    "Đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan",
  ),
};
