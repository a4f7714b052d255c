import { Box, Collapse, Group, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown } from "@tabler/icons-react";
import { useId } from "react";
import classes from "./DeadlineExplanation.module.css";
import { DEADLINE_TEXT } from "./text.ts";
import type { DeadlineResult } from "./types.ts";

/**
 * "Cách tính hạn": the steps the deadline engine took, in order, each with the date it reached.
 * Reused wherever a due date is shown (petitions, cases, inspections), collapsed by default.
 */
export function DeadlineExplanation({
  result,
  defaultOpened = false,
}: {
  result: Pick<DeadlineResult, "explanation"> & Partial<Pick<DeadlineResult, "basis">>;
  defaultOpened?: boolean;
}) {
  const [opened, { toggle }] = useDisclosure(defaultOpened);
  const panelId = useId();
  return (
    <Box className={classes.root} data-testid="deadline-explanation">
      <UnstyledButton onClick={toggle} aria-expanded={opened} aria-controls={panelId} className={classes.toggle}>
        <Group gap={6} wrap="nowrap">
          <IconChevronDown size={18} aria-hidden className={classes.chevron} data-open={opened || undefined} />
          <Text fw={700}>{DEADLINE_TEXT.explanationTitle}</Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={opened} id={panelId}>
        <ol className={classes.steps}>
          {result.explanation.map((step, index) => (
            <li key={index} className={classes.step} data-kind={step.kind} data-date={step.date}>
              {/* The step's text already names its date; `date` stays available as data-date. */}
              <Text size="sm">{step.text}</Text>
            </li>
          ))}
        </ol>
        {result.basis ? (
          <Text size="xs" c="gray.7" mt="xs">
            {DEADLINE_TEXT.basis}: {result.basis}
          </Text>
        ) : null}
      </Collapse>
    </Box>
  );
}
