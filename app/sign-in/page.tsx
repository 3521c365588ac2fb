import { Anchor, Center, Paper, Stack, Text, Title } from "@mantine/core";
import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { getCurrentActor } from "@/server/auth/current-actor";
import { env } from "@/server/env";
import { mailEnabled } from "@/server/mail/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ ended?: string; from?: string }>;
}) {
  const params = await searchParams;
  const actor = await getCurrentActor();
  if (actor) redirect("/");
  const t = await getTranslations();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Stack gap={4} align="center">
          <Title order={1} c="indigo.7">
            {t("app.name")}
          </Title>
          <Text c="dimmed" ta="center">
            {t("app.tagline")}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="xs" mb="md">
            <Title order={2} size="h3">
              {t("auth.signInTitle")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("auth.signInSubtitle")}
            </Text>
          </Stack>
          <SignInForm sessionEnded={params.ended === "1"} redirectTo={params.from ?? "/"} />
          {mailEnabled() && (
            <Anchor
              component={Link}
              href="/forgot-password"
              size="sm"
              display="block"
              ta="center"
              mt="md"
              data-testid="forgot-password-link"
            >
              {t("auth.forgotLink")}
            </Anchor>
          )}
        </Paper>
        <Stack gap={6} align="center">
          <LanguageSwitch />
          {env.LIEN_THONG_DEMO === "1" && (
            <Text size="xs" c="dimmed">
              {t("auth.demoHint", { password: DEMO_PASSWORD })}
            </Text>
          )}
        </Stack>
      </Stack>
    </Center>
  );
}
