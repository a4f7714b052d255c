import { DateInput, type DateInputProps } from "@mantine/dates";
import { parseVietnameseDate } from "./format.ts";

/**
 * A date input that shows and accepts dd/mm/yyyy and gives YYYY-MM-DD (or null). Typing works
 * as well as picking from the calendar, so it is keyboard friendly.
 */
export function DateField(props: Omit<DateInputProps, "valueFormat" | "dateParser">) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseVietnameseDate(text)}
      placeholder="dd/mm/yyyy"
      clearable={!props.required}
      popoverProps={{ withinPortal: true }}
      clearButtonProps={{ "aria-label": "Xóa ngày" }}
      ariaLabels={{
        previousMonth: "Tháng trước",
        nextMonth: "Tháng sau",
        previousYear: "Năm trước",
        nextYear: "Năm sau",
        previousDecade: "Thập kỷ trước",
        nextDecade: "Thập kỷ sau",
        monthLevelControl: "Chọn tháng",
        yearLevelControl: "Chọn năm",
      }}
      {...props}
    />
  );
}
