import { loginBody } from "@minhbach/domain/api/auth";
import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../../api/client.ts";
import { COMMON } from "../../ui/text.ts";
import { CHANGE_PASSWORD_PATH, type ReturnState } from "./RequireAuth.tsx";
import { useSession } from "./session.tsx";
import { AUTH_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

/** Wrong user name, wrong password and a disabled account all read the same (ASVS 2.2). */
const GENERIC_FAILURE = new Set(["INVALID_CREDENTIALS", "ACCOUNT_DISABLED", "UNAUTHENTICATED", "VALIDATION_FAILED"]);

export default function LoginPage() {
  useDocumentTitle(`${AUTH_TEXT.loginTitle} — ${COMMON.productName}`);
  const { me, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as ReturnState | null)?.from ?? "/";
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useAppForm({
    mode: "controlled",
    initialValues: { username: "", password: "" },
    validate: schemaResolver(loginBody, { sync: true }),
  });

  if (me && !submitting) {
    return <Navigate to={me.user.mustChangePassword ? CHANGE_PASSWORD_PATH : from} replace state={{ from }} />;
  }

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setSubmitting(true);
    try {
      const result = await login(values.username.trim(), values.password);
      if (result.user.mustChangePassword) navigate(CHANGE_PASSWORD_PATH, { replace: true, state: { from } });
      else navigate(from, { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError && GENERIC_FAILURE.has(error.code) ? AUTH_TEXT.loginFailed : errorMessage(error),
      );
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Box component="main" mih="100dvh" bg="gray.1" px="md" py="xl">
      <Center mih="80dvh">
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <img src="/favicon.svg" width={56} height={56} alt="" />
            <Text component="p" fw={800} fz={32} c="blue.9" lh={1.1} m={0}>
              {COMMON.productName}
            </Text>
            <Text c="gray.8" size="md">
              {COMMON.productTagline}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <form onSubmit={submit} noValidate aria-labelledby="login-title">
              <Stack gap="md">
                <Title order={1} id="login-title" fz="h3">
                  {AUTH_TEXT.loginTitle}
                </Title>
                {failure ? (
                  <Alert color="red" role="alert" icon={<IconLock aria-hidden />} data-testid="login-error">
                    {failure}
                  </Alert>
                ) : null}
                <TextInput
                  label={AUTH_TEXT.username}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  autoFocus
                  {...form.getInputProps("username")}
                />
                <PasswordInput
                  label={AUTH_TEXT.password}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps("password")}
                />
                <Button type="submit" loading={submitting} fullWidth size="md">
                  {AUTH_TEXT.submit}
                </Button>
              </Stack>
            </form>
          </Paper>
          {/* portal (issue 20): citizens file and track petitions without an account */}
          <Text size="sm" ta="center">
            <Anchor href="/cong-dan">Cổng thông tin cho công dân</Anchor> — gửi đơn, tra cứu đơn bằng mã
          </Text>
          <Text size="sm" ta="center" c="gray.7">
            {AUTH_TEXT.footer} ·{" "}
            <Anchor href="/api/docs" size="sm">
              API
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
