import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { MailSettingsCard } from "@/components/account/mail-settings-card";
import { DelegationsCard } from "@/components/account/delegations-card";
import { MySigningCard } from "@/components/account/my-signing-card";
import { SignatureImageCard } from "@/components/account/signature-image-card";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const { actor } = await requireActor(undefined, { temporaryPasswordOk: true });
  const t = await getTranslations();
  // Leaders sign with their own certificate, clerks with the organisation's seal.
  const signs =
    !actor.mustChangePassword &&
    (can(actor.roles, "signing.own") || can(actor.roles, "outgoing.issue"));
  const rows: [string, string][] = [
    [t("home.username"), actor.username],
    [t("home.unit"), actor.unitName ?? t("home.noUnit")],
    [t("home.workplace"), actor.organisationName],
  ];
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      {actor.mustChangePassword && (
        <Alert
          color="orange"
          icon={<IconKey />}
          title={t("auth.changePassword")}
          mb="md"
          maw={1100}
          data-testid="temporary-password-alert"
        >
          {t("auth.mustChangePassword")}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={1100}>
        <Card withBorder padding="lg">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
            {t("account.profile")}
          </Text>
          <Text fw={700} size="lg">
            {actor.fullName}
          </Text>
          <Text c="dimmed">{actor.jobTitle}</Text>
          <Group gap={6} my="sm">
            {actor.roles.map((r) => (
              <Badge key={r} variant="light">
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </Group>
          <Stack gap={4}>
            {rows.map(([label, value]) => (
              <Text key={label} size="sm">
                {label}: <b>{value}</b>
              </Text>
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
            {t("auth.changePassword")}
          </Text>
          <Text size="sm" c="dimmed" mb="md">
            {t("account.passwordHint")} {t("auth.passwordRule")}
          </Text>
          <ChangePasswordForm />
        </Card>
        {!actor.mustChangePassword && <MailSettingsCard />}
        {can(actor.roles, "incoming.direct") && !actor.mustChangePassword && <DelegationsCard />}
        {signs && <MySigningCard canImport={can(actor.roles, "signing.own")} />}
        {signs && can(actor.roles, "signing.own") && <SignatureImageCard />}
      </SimpleGrid>
    </>
  );
}
