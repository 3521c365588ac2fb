import { Badge, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgendaToday } from "@/components/home/agenda-today";
import { DayWork } from "@/components/home/day-work";
import { WorkSummary } from "@/components/inbox/work-summary";
import { AnchorLink } from "@/components/ui/anchor-link";
import { can } from "@/lib/permissions";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

const actionLinks: Partial<Record<string, string>> = {
  "directory.read": "/directory",
  "calendar.read": "/calendar",
  "incoming.read": "/incoming",
  "incoming.receive": "/incoming/new",
  "incoming.handle": "/incoming?box=to_handle",
  "incoming.direct": "/incoming?box=to_direct",
  "registry.read": "/registry-books",
  "registry.manage": "/admin/registries",
  "outgoing.routeTemplates": "/admin/route-templates",
  "incoming.report": "/reports",
  "unit.manage": "/admin/units",
  "user.manage": "/admin/users",
  "orgTree.manage": "/admin/organisations",
  "audit.read": "/admin/audit",
};

export default async function HomePage() {
  const { actor } = await requireActor();
  const api = await serverApi();
  const reads = can(actor.roles, "incoming.read");
  const sends = can(actor.roles, "outgoing.issue");
  const [me, workplace, counters, day, agenda, sentLate] = await Promise.all([
    api.account.me(),
    api.account.workplace(),
    reads ? api.inbox.counters() : null,
    reads ? api.inbox.today() : null,
    api.home.agenda(),
    sends ? api.delivery.lateCount() : null,
  ]);
  const t = await getTranslations();
  const organisation = workplace.path.at(-1);

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={2}>
        <Title order={2}>{t("home.greeting", { name: me.fullName })}</Title>
        <Text c="dimmed">{t("home.intro")}</Text>
      </Stack>

      {counters && <WorkSummary counters={counters} sentLate={sentLate} />}
      <AgendaToday agenda={agenda} />
      {day && <DayWork day={day} />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="lg" data-testid="who-am-i">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
            {t("home.youAre")}
          </Text>
          <Text fw={700} size="lg">
            {me.fullName}
          </Text>
          <Text c="dimmed">{me.jobTitle || t("common.none")}</Text>
          <Group gap={6} mt="sm">
            {me.roles.map((role) => (
              <Badge key={role} variant="light" data-testid={`role-${role}`}>
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" mt="sm">
            {t("home.username")}: <b>{me.username}</b>
          </Text>
        </Card>

        <Card withBorder padding="lg" data-testid="workplace">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
            {t("home.workplace")}
          </Text>
          <Text fw={700} size="lg">
            {me.organisationName}
          </Text>
          <Group gap={6} mt={4}>
            <Badge variant="outline" color="gray">
              {me.organisationCode}
            </Badge>
            {organisation && (
              <Badge color="teal" variant="light">
                {t(`levels.${organisation.level}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" mt="sm">
            {t("home.unit")}: <b>{me.unitName ?? t("home.noUnit")}</b>
          </Text>
          <Text size="sm">{t("home.colleagues", { count: workplace.activeColleagues })}</Text>
          {workplace.path.length > 1 && (
            <Breadcrumbs separator="›" mt="sm" styles={{ root: { flexWrap: "wrap" } }}>
              {workplace.path.map((o) => (
                <Text key={o.id} size="xs" c="dimmed">
                  {o.name}
                </Text>
              ))}
            </Breadcrumbs>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder padding="lg" data-testid="you-can">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
          {t("home.youCan")}
        </Text>
        <Stack gap={6}>
          {me.actions.map((action) => {
            const description = t(`permissions.${action}`);
            const label = description.charAt(0).toLocaleUpperCase("vi") + description.slice(1);
            const href = actionLinks[action];
            return (
              <Text key={action} size="sm">
                • {href ? <AnchorLink href={href}>{label}</AnchorLink> : label}
              </Text>
            );
          })}
        </Stack>
      </Card>
    </Stack>
  );
}
