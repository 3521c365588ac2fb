import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import type { DirectoryEntry } from "@/server/org/directory";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("directory");
  return { title: t("title") };
}

async function StaffGroup({ title, staff }: { title: string; staff: DirectoryEntry[] }) {
  const t = await getTranslations();
  return (
    <Card withBorder padding="lg" data-testid="directory-group">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {staff.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("directory.noStaff")}
        </Text>
      ) : (
        <Stack gap="sm">
          {staff.map((p) => (
            <div key={p.id}>
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm">
                  {p.fullName}
                </Text>
                {p.roles.map((r) => (
                  <Badge key={r} size="xs" variant="light">
                    {t(`roles.${r}`)}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                {[p.jobTitle, p.email].filter(Boolean).join(" · ")}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default async function DirectoryPage() {
  const { actor, allowed } = await requireActor("directory.read");
  if (!allowed) return <ForbiddenNotice action="directory.read" />;
  const t = await getTranslations("directory");
  const directory = await (await serverApi()).directory.staff();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: actor.organisationName })}
      />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <StaffGroup title={t("leadership")} staff={directory.leadership} />
        {directory.units.map((u) => (
          <StaffGroup key={u.id} title={u.name} staff={u.staff} />
        ))}
        {directory.unassigned.length > 0 && (
          <StaffGroup title={t("unassigned")} staff={directory.unassigned} />
        )}
      </SimpleGrid>
    </>
  );
}
