import { Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { AnchorLink } from "@/components/ui/anchor-link";
import { formatDate } from "@/components/documents/document-format";
import type { AppRouter } from "@/server/api/root";

type Day = inferRouterOutputs<AppRouter>["inbox"]["today"];
type Item = Day["urgent"][number];

const urgencyColor: Record<string, string> = { urgent: "orange", very_urgent: "red", flash: "red" };

async function ItemList({
  title,
  items,
  empty,
  today,
  testId,
}: {
  title: string;
  items: Item[];
  empty: string;
  today: string;
  testId: string;
}) {
  const t = await getTranslations();
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => {
            const overdue = item.deadline !== null && item.deadline < today;
            return (
              <Stack key={`${item.id}-${item.box}`} gap={2}>
                <AnchorLink href={`/documents/${item.id}`} size="sm" fw={500} lineClamp={2}>
                  {item.subject}
                </AnchorLink>
                <Group gap={6} wrap="wrap">
                  {item.urgency !== "normal" && (
                    <Badge size="xs" color={urgencyColor[item.urgency] ?? "orange"}>
                      {t(`urgency.${item.urgency}`)}
                    </Badge>
                  )}
                  {item.deadline && (
                    <Text size="xs" c={overdue ? "red" : "dimmed"} fw={overdue ? 700 : undefined}>
                      {t(overdue ? "home.overdueSince" : "home.dueOn", {
                        date: formatDate(item.deadline),
                      })}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {item.holder ?? item.issuerName}
                  </Text>
                </Group>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

/** A row of figures, each a number over its label, coloured when it is not zero. */
async function Figures({
  items,
  prefix,
  cols,
}: {
  items: readonly (readonly [string, number, string | undefined])[];
  prefix: string;
  cols: number | Record<string, number>;
}) {
  const t = await getTranslations();
  return (
    <SimpleGrid cols={cols} spacing="xs">
      {items.map(([key, value, color]) => (
        <Stack key={key} gap={0}>
          <Text fz={24} fw={700} c={value > 0 ? color : "dimmed"}>
            {value}
          </Text>
          <Text size="xs">{t(`${prefix}.${key}`)}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** The day's work on the home page, with the figures of the person's unit or organisation. */
export async function DayWork({ day }: { day: Day }) {
  const t = await getTranslations();
  const figures = day.organisation;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <ItemList
          title={t("home.urgentTitle")}
          items={day.urgent}
          empty={t("home.urgentEmpty")}
          today={day.today}
          testId="day-urgent"
        />
        <ItemList
          title={t("home.decisionsTitle")}
          items={day.decisions}
          empty={t("home.decisionsEmpty")}
          today={day.today}
          testId="day-decisions"
        />
        <ItemList
          title={t("home.weekTitle")}
          items={day.dueThisWeek}
          empty={t("home.weekEmpty")}
          today={day.today}
          testId="day-week"
        />
      </SimpleGrid>
      {day.unit && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder padding="md" data-testid="day-unit">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
              {t("home.unitTitle")}
            </Text>
            <Figures
              cols={2}
              prefix="home.unitFigures"
              items={[
                ["open", day.unit.open, undefined],
                ["overdue", day.unit.overdue, "red"],
                ["done", day.unit.done, "green"],
                ["late", day.unit.late, "orange"],
              ]}
            />
          </Card>
          <ItemList
            title={t("home.unitOverdueTitle")}
            items={day.unit.overdueParts}
            empty={t("home.unitOverdueEmpty")}
            today={day.today}
            testId="day-unit-overdue"
          />
        </SimpleGrid>
      )}
      {figures && (
        <Card withBorder padding="md" data-testid="day-organisation">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t("home.organisationTitle")}
            </Text>
            <AnchorLink href="/reports" size="sm">
              {t("home.openReport")}
            </AnchorLink>
          </Group>
          <Figures
            cols={{ base: 2, sm: 3, md: 6 }}
            prefix="home.organisationFigures"
            items={[
              ["total", figures.total, undefined],
              ["notDirected", figures.notDirected, "indigo"],
              ["inProgressOnTime", figures.inProgressOnTime, "blue"],
              ["inProgressOverdue", figures.inProgressOverdue, "red"],
              ["completedOnTime", figures.completedOnTime, "green"],
              ["completedLate", figures.completedLate, "orange"],
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}
