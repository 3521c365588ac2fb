"use client";

import { QuotedNote } from "@/components/ui/quoted-note";
import {
  Badge,
  Card,
  Group,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  type MantineColor,
} from "@mantine/core";
import {
  IconArrowBackUp,
  IconCheck,
  IconHourglass,
  IconPointFilled,
  IconX,
} from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/components/documents/document-format";
import type { OutgoingView, RouteMemberView, RouteStepView } from "./outgoing-types";

// Badges carry their colour in a dot: green or orange text on a pale tint does not reach AA.
const stepColor: Record<RouteStepView["status"], MantineColor> = {
  waiting: "gray",
  active: "indigo",
  approved: "green",
  returned: "orange",
  refused: "red",
};

const decisionColor: Record<RouteMemberView["decision"], MantineColor> = {
  pending: "gray",
  approved: "green",
  returned: "orange",
  refused: "red",
};

function StepIcon({ status }: { status: RouteStepView["status"] }) {
  const icon =
    status === "approved" ? (
      <IconCheck size={14} />
    ) : status === "returned" ? (
      <IconArrowBackUp size={14} />
    ) : status === "refused" ? (
      <IconX size={14} />
    ) : status === "active" ? (
      <IconHourglass size={14} />
    ) : (
      <IconPointFilled size={12} />
    );
  return (
    <ThemeIcon
      size={26}
      radius="xl"
      color={stepColor[status]}
      variant={status === "waiting" ? "light" : "filled"}
    >
      {icon}
    </ThemeIcon>
  );
}

/** One person at a step: their decision, when and on which version, and what they wrote. */
function Member({
  member,
  holds,
  isMe,
}: {
  member: RouteMemberView;
  holds: boolean;
  isMe: boolean;
}) {
  const t = useTranslations("outgoingPage");
  return (
    <Paper
      p={6}
      px="xs"
      radius="sm"
      bg={holds ? "yellow.0" : undefined}
      withBorder={holds}
      style={holds ? { borderColor: "var(--mantine-color-yellow-5)" } : undefined}
      data-testid="route-member"
      data-holds={holds ? "true" : undefined}
      data-decision={member.decision}
    >
      <Group gap={6} wrap="wrap" justify="space-between">
        <Text size="sm" fw={holds ? 700 : 500}>
          {member.name}
          {isMe && (
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              ({t("you")})
            </Text>
          )}
        </Text>
        {holds ? (
          <Badge size="sm" color="yellow" variant="filled" miw="max-content">
            {t("holdsNow")}
          </Badge>
        ) : (
          member.decision !== "pending" && (
            <Badge size="sm" variant="dot" color={decisionColor[member.decision]} miw="max-content">
              {t(`decision.${member.decision}`)}
            </Badge>
          )
        )}
      </Group>
      {member.decidedAt && (
        <Text size="xs" c="dimmed">
          {formatDateTime(member.decidedAt)}
          {member.versionNumber !== null &&
            ` · ${t("onVersion", { number: member.versionNumber })}`}
        </Text>
      )}
      {member.comment && <QuotedNote testId="route-member-comment">{member.comment}</QuotedNote>}
    </Paper>
  );
}

/**
 * The draft's road: every step in order with its kind and rule, each person's decision, and
 * who holds the draft now, highlighted. Before the draft is sent, it says who holds it.
 */
export function RoutePanel({ view, currentUserId }: { view: OutgoingView; currentUserId: string }) {
  const t = useTranslations("outgoingPage");
  const onRoute = view.status === "on_route";
  // The line is coloured up to the step the draft waits at, or the last one that decided.
  const reached = view.route.findLastIndex((s) => s.status !== "waiting");
  return (
    <Card withBorder padding="md" data-testid="route-panel">
      <Title order={4} mb="sm">
        {t("routeTitle")}
      </Title>
      {view.route.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="route-empty">
          {t("routeEmpty", { name: view.drafter.name })}
        </Text>
      ) : (
        <Timeline active={reached} bulletSize={26} lineWidth={2}>
          {view.route.map((step) => (
            <Timeline.Item
              key={step.position}
              bullet={<StepIcon status={step.status} />}
              data-testid={`route-step-${step.position}`}
              data-kind={step.kind}
              data-status={step.status}
              title={
                <Group gap={6} wrap="wrap">
                  <Text fw={700} size="sm">
                    {step.position}. {t(`stepKind.${step.kind}`)}
                  </Text>
                  <Badge size="xs" variant="dot" color={stepColor[step.status]}>
                    {t(`stepStatus.${step.status}`)}
                  </Badge>
                </Group>
              }
            >
              {step.members.length > 1 && (
                <Text size="xs" c="dimmed" mb={4}>
                  {t(`ruleLong.${step.rule}`)}
                </Text>
              )}
              <Stack gap={4}>
                {step.members.map((m) => (
                  <Member
                    key={m.userId}
                    member={m}
                    holds={onRoute && step.status === "active" && m.decision === "pending"}
                    isMe={m.userId === currentUserId}
                  />
                ))}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
