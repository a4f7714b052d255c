import { newPassword } from "@minhbach/domain/api/auth";
import type { User } from "@minhbach/domain/api/users";
import { z } from "@minhbach/domain/api/zod-vi";
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { applyServerError } from "../../ui/forms.ts";
import { COMMON } from "../../ui/text.ts";
import { generatePassword, useResetPassword } from "./api.ts";
import { USER_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

const resetForm = z
  .object({ newPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { error: USER_TEXT.passwordsDiffer, path: ["confirmPassword"] });

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? USER_TEXT.resetPasswordTitle(user.username) : ""}>
      {user ? <ResetPasswordForm user={user} onClose={onClose} /> : null}
    </Modal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: User; onClose(): void }) {
  const reset = useResetPassword();
  const [failure, setFailure] = useState<string | null>(null);
  const [visible, setVisible] = useState(false);
  const form = useAppForm({
    initialValues: { newPassword: "", confirmPassword: "" },
    validate: schemaResolver(resetForm, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, newPassword: values.newPassword });
      notifications.show({ color: "green", message: USER_TEXT.passwordReset(user.username) });
      onClose();
    } catch (error) {
      setFailure(applyServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{USER_TEXT.resetPasswordIntro}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <PasswordInput
          label={USER_TEXT.newPassword}
          required
          autoComplete="new-password"
          visible={visible}
          onVisibilityChange={setVisible}
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={USER_TEXT.confirmPassword}
          required
          autoComplete="new-password"
          visible={visible}
          onVisibilityChange={setVisible}
          {...form.getInputProps("confirmPassword")}
        />
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              const password = generatePassword();
              form.setValues({ newPassword: password, confirmPassword: password });
              setVisible(true);
            }}
          >
            {USER_TEXT.generatePassword}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {COMMON.cancel}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {USER_TEXT.resetPassword}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
