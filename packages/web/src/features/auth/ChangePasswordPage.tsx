import { changePasswordBody } from "@minhbach/domain/api/auth";
import { z } from "@minhbach/domain/api/zod-vi";
import { Alert, Button, Paper, PasswordInput, Stack } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { call } from "../../api/call.ts";
import { applyServerError } from "../../ui/forms.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import type { ReturnState } from "./RequireAuth.tsx";
import { useMe, useSession } from "./session.tsx";
import { AUTH_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

const changePasswordForm = changePasswordBody
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { error: AUTH_TEXT.passwordsDiffer, path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { error: AUTH_TEXT.samePassword, path: ["newPassword"] });

export default function ChangePasswordPage() {
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as ReturnState | null)?.from;
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useAppForm({
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: schemaResolver(changePasswordForm, { sync: true }),
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await call("auth.changePassword", { body: { currentPassword, newPassword } });
      notifications.show({ color: "green", message: AUTH_TEXT.passwordChanged });
      form.reset();
      await refresh();
      navigate(from && from !== location.pathname ? from : "/", { replace: true });
    } catch (error) {
      setFailure(applyServerError(form, error));
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <>
      <PageHeader title={AUTH_TEXT.changePassword} description={AUTH_TEXT.changePasswordIntro} />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {me.user.mustChangePassword ? (
              <Alert color="orange" role="status">
                {AUTH_TEXT.mustChangePassword}
              </Alert>
            ) : null}
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            {/* Lets password managers pair the new password with the right account. */}
            <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
            <PasswordInput
              label={AUTH_TEXT.currentPassword}
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={AUTH_TEXT.newPassword}
              autoComplete="new-password"
              required
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={AUTH_TEXT.confirmPassword}
              autoComplete="new-password"
              required
              {...form.getInputProps("confirmPassword")}
            />
            <Button type="submit" loading={submitting} style={{ alignSelf: "flex-start" }}>
              {AUTH_TEXT.changePassword}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
