import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The frame of the pages used before signing in: the application's name and one card. */
export function AuthCard({
  appName,
  tagline,
  title,
  subtitle,
  children,
  below,
}: {
  appName: string;
  tagline: string;
  title: string;
  subtitle: string;
  children: ReactNode;
  below?: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Stack gap={4} align="center">
          <Title order={1} c="indigo.7">
            {appName}
          </Title>
          <Text c="dimmed" ta="center">
            {tagline}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="xs" mb="md">
            <Title order={2} size="h3">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Paper>
        {below}
      </Stack>
    </Center>
  );
}
