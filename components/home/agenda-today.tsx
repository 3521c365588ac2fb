import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/components/documents/document-format";
import { AnchorLink } from "@/components/ui/anchor-link";
import type { AppRouter } from "@/server/api/root";

type Agenda = inferRouterOutputs<AppRouter>["home"]["agenda"];

const vietnamTime = (iso: string) => formatDateTime(iso).slice(-5);

async function Panel({
  title,
  more,
  testId,
  empty,
  children,
}: {
  title: string;
  more: { href: string; label: string };
  testId: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {title}
        </Text>
        <AnchorLink href={more.href} size="xs">
          {more.label}
        </AnchorLink>
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">{children}</Stack>
      )}
    </Card>
  );
}

/**
 * Beside the documents waiting: today's work schedule, the person's meetings, the tasks due
 * soonest and the notices still to read, each a short list with the way to the whole of it.
 */
export async function AgendaToday({ agenda }: { agenda: Agenda }) {
  const t = await getTranslations("home.agenda");
  const { schedule, meetings, tasks, notices } = agenda;
  const meetingList = meetings ? (meetings.today.length > 0 ? meetings.today : []) : [];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="agenda-today">
      {schedule && (
        <Panel
          title={t("schedule")}
          more={{ href: "/schedule", label: t("scheduleAll") }}
          testId="agenda-schedule"
          empty={schedule.length === 0 ? t("scheduleEmpty") : null}
        >
          {schedule.map((e) => (
            <Stack key={e.id} gap={2}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={700} miw={44}>
                  {e.shown.startTime}
                </Text>
                <AnchorLink
                  href={e.href}
                  size="sm"
                  fw={500}
                  lineClamp={2}
                  td={e.cancelled ? "line-through" : undefined}
                >
                  {e.shown.content}
                </AnchorLink>
              </Group>
              <Group gap={6} wrap="wrap" pl={50}>
                {e.cancelled && (
                  <Badge size="xs" color="gray">
                    {t("cancelled")}
                  </Badge>
                )}
                {!e.cancelled && e.change && (
                  <Badge size="xs" color="orange">
                    {t("changed")}
                  </Badge>
                )}
                {e.shown.chair && (
                  <Text size="xs" c="dimmed">
                    {t("chair", { chair: e.shown.chair })}
                  </Text>
                )}
                {e.shown.location && (
                  <Text size="xs" c="dimmed">
                    {e.shown.location}
                  </Text>
                )}
              </Group>
            </Stack>
          ))}
        </Panel>
      )}
      {meetings && (
        <Panel
          title={t("meetings")}
          more={{ href: "/meetings", label: t("meetingsAll") }}
          testId="agenda-meetings"
          empty={meetingList.length === 0 && !meetings.next ? t("meetingsEmpty") : null}
        >
          {meetingList.map((m) => (
            <Group key={m.id} gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" fw={700} miw={44}>
                {vietnamTime(m.start)}
              </Text>
              <Stack gap={0}>
                <AnchorLink href={m.href} size="sm" fw={500} lineClamp={2}>
                  {m.title}
                </AnchorLink>
                <Group gap={6}>
                  {m.response === "pending" && (
                    <Badge size="xs" color="yellow">
                      {t("unanswered")}
                    </Badge>
                  )}
                  {m.location && (
                    <Text size="xs" c="dimmed">
                      {m.location}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Group>
          ))}
          {meetingList.length === 0 && meetings.next && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t("nextMeeting", { at: formatDateTime(meetings.next.start) })}
              </Text>
              <AnchorLink href={meetings.next.href} size="sm" fw={500} lineClamp={2}>
                {meetings.next.title}
              </AnchorLink>
            </Stack>
          )}
        </Panel>
      )}
      {tasks && (
        <Panel
          title={t("tasks")}
          more={{ href: "/tasks", label: t("tasksAll") }}
          testId="agenda-tasks"
          empty={tasks.length === 0 ? t("tasksEmpty") : null}
        >
          {tasks.map((task) => (
            <Stack key={task.id} gap={4}>
              <AnchorLink href={`/tasks/${task.id}`} size="sm" fw={500} lineClamp={2}>
                {task.title}
              </AnchorLink>
              <Group gap={8} wrap="nowrap">
                <Text
                  size="xs"
                  c={task.overdue ? "red" : "dimmed"}
                  fw={task.overdue ? 700 : undefined}
                >
                  {t(task.overdue ? "overdueSince" : "dueOn", { date: formatDate(task.deadline) })}
                </Text>
                <Progress
                  value={task.progress}
                  size="sm"
                  style={{ flex: 1 }}
                  aria-label={t("progress", { percent: task.progress })}
                />
                <Text size="xs" c="dimmed">
                  {task.progress}%
                </Text>
              </Group>
            </Stack>
          ))}
        </Panel>
      )}
      {notices && (
        <Panel
          title={t("notices")}
          more={{ href: "/notices", label: t("noticesAll") }}
          testId="agenda-notices"
          empty={notices.length === 0 ? t("noticesEmpty") : null}
        >
          {notices.map((n) => (
            <Stack key={n.id} gap={2}>
              <AnchorLink href={`/notices/${n.id}`} size="sm" fw={500} lineClamp={2}>
                {n.title}
              </AnchorLink>
              <Group gap={6}>
                <Badge size="xs" color={n.readAt ? "orange" : "blue"}>
                  {n.readAt ? t("toConfirm") : t("unread")}
                </Badge>
                <Text size="xs" c="dimmed">
                  {n.publisherName}
                </Text>
              </Group>
            </Stack>
          ))}
        </Panel>
      )}
    </SimpleGrid>
  );
}
