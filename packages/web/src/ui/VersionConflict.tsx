import { Alert, Button, Text } from "@mantine/core";
import { useState } from "react";
import { isApiError } from "../api/client.ts";

/**
 * A 409 `VERSION_CONFLICT`: someone saved the record after this form was opened. The form stays
 * as typed; the officer reloads the record when ready and submits again.
 */
export function useVersionConflict(onReload?: () => Promise<unknown>) {
  const [shown, setShown] = useState(false);
  const [reloading, setReloading] = useState(false);
  return {
    shown,
    reloading,
    /** Shows the warning when `error` is a version conflict; false for any other error. */
    caught(error: unknown): boolean {
      const conflict = isApiError(error, "VERSION_CONFLICT");
      if (conflict) setShown(true);
      return conflict;
    },
    reset: () => setShown(false),
    reload: onReload
      ? async () => {
          setReloading(true);
          try {
            await onReload();
            setShown(false);
          } finally {
            setReloading(false);
          }
        }
      : undefined,
  };
}

export type VersionConflictState = ReturnType<typeof useVersionConflict>;

/** The warning with its reload button; each feature words it for its own record. */
export function VersionConflictAlert({
  conflict,
  text,
  testId,
}: {
  conflict: VersionConflictState;
  text: { conflict: string; reload: string };
  testId?: string;
}) {
  if (!conflict.shown) return null;
  const { reload } = conflict;
  return (
    <Alert color="orange" role="alert" {...(testId ? { "data-testid": testId } : {})}>
      <Text size="sm">{text.conflict}</Text>
      {reload ? (
        <Button
          mt="sm"
          size="xs"
          variant="light"
          color="orange"
          loading={conflict.reloading}
          onClick={() => void reload()}
        >
          {text.reload}
        </Button>
      ) : null}
    </Alert>
  );
}
