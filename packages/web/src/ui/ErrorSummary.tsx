import { Alert, List } from "@mantine/core";
import type { ReactNode } from "react";
import { COMMON } from "./text.ts";

/**
 * After a submit that did not pass the checks: how many problems remain and what they are, next
 * to the button, so that an error on a field far up the page (or on no field) is not missed.
 */
export function ErrorSummary({ errors, shown }: { errors: Record<string, ReactNode>; shown: boolean }) {
  const messages = [...new Set(Object.values(errors).filter(Boolean).map(String))];
  if (!shown || messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={COMMON.errorSummary(messages.length)}>
      <List size="sm">
        {messages.slice(0, 8).map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
