import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { COMMON } from "./text.ts";

/**
 * The foot of a form: "Hủy" and the submit button, on the right. Cancelling drops the form's
 * saved draft (ui/drafts.ts) before it closes, so a cancelled form does not come back filled in.
 */
export function FormActions({
  draft,
  onCancel,
  submit,
  loading,
}: {
  draft?: { clear(): void };
  onCancel(): void;
  /** The submit button's words: what the form does ("Lưu", "Mở vụ việc", the step's name). */
  submit: ReactNode;
  loading: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button
        variant="default"
        onClick={() => {
          draft?.clear();
          onCancel();
        }}
      >
        {COMMON.cancel}
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
