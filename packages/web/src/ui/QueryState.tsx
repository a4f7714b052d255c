import { Alert, Button, Center, Loader } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { errorMessage } from "../api/client.ts";
import { COMMON } from "./text.ts";

export function LoadingBlock({ label = COMMON.loading }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span style={{ marginLeft: 8 }}>{label}</span>
    </Center>
  );
}

export function ErrorBlock({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={COMMON.loadFailed} role="alert">
      {errorMessage(error)}
      {onRetry ? (
        <div>
          <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry}>
            {COMMON.retry}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}

/** The loading and error states of a query, in the place where its data will show. */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch(): Promise<unknown> };
}) {
  return (
    <>
      {query.isPending ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
    </>
  );
}
