import { TimePicker, type TimePickerProps } from "@mantine/dates";

/**
 * A time of day in 24-hour form ("08:30", "14:00"), whatever the browser's language: the native
 * time input shows AM/PM in an en-US browser. Hours and minutes are two labelled fields ("Giờ bắt
 * đầu: giờ", "Giờ bắt đầu: phút"); the value is "HH:mm" or "" as before.
 */
export function TimeField(props: Omit<TimePickerProps, "format" | "withSeconds"> & { label: string }) {
  return (
    <TimePicker
      format="24h"
      hoursInputLabel={`${props.label}: giờ`}
      minutesInputLabel={`${props.label}: phút`}
      hoursPlaceholder="giờ"
      minutesPlaceholder="phút"
      clearButtonProps={{ "aria-label": `Xóa ${props.label.toLocaleLowerCase("vi")}` }}
      {...props}
    />
  );
}
