import { CASE_STATES, FINAL_STATES, RESOLVING_STATES, type CaseState } from "@minhbach/domain";
import { Badge, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { CASE_TEXT } from "./text.ts";

/** Colour of a case state by its family: being resolved, waiting, decided, finished. */
function stateColor(state: string): string {
  if ((FINAL_STATES as readonly string[]).includes(state)) return "gray";
  if ((RESOLVING_STATES as readonly string[]).includes(state)) return "blue";
  if (state === "SUSPENDED") return "orange";
  if (state === "AWAITING_ACCEPTANCE" || state === "INITIAL_PROCESSING") return "yellow";
  return "green";
}

export function caseStateLabel(state: string): string {
  return CASE_STATES[state as CaseState] ?? state;
}

export function CaseStateBadge({ state, label }: { state: string; label?: string }) {
  return (
    <Badge
      variant="light"
      color={stateColor(state)}
      tt="none"
      size="md"
      style={{ whiteSpace: "normal", height: "auto" }}
      data-state={state}
    >
      {label ?? caseStateLabel(state)}
    </Badge>
  );
}

export function InstanceBadge({ instance }: { instance: number | null }) {
  if (!instance) return null;
  return (
    <Badge variant="outline" color="gray" tt="none">
      {CASE_TEXT.instanceLabel(instance)}
    </Badge>
  );
}

/** A titled section of the case page, named for screen readers by its heading. */
export function Section({
  title,
  id,
  children,
  testId,
}: {
  title: string;
  id: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
