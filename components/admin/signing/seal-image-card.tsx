"use client";

import { Button, Card, FileButton, Group, Image, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconStar, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { StateBadge } from "@/components/signing/state-badge";
import { useTRPC } from "@/components/providers/trpc";
import { notifyRefusal } from "@/components/signing/notify-refusal";
import { pictureRefusal, pngSource, uploadPicture } from "@/components/signing/upload-picture";

/**
 * The picture of the organisation's seal its sealed documents show: one uploaded (a scan of the
 * real seal, as a PNG), or the round seal drawn from the organisation's name, which is also
 * what shows until either is chosen.
 */
export function SealImageCard({ organisationId }: { organisationId: string }) {
  const t = useTranslations("signingAdmin.sealImage");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.signing.sealImage.queryOptions({ organisationId }));
  const done = async () => {
    notifications.show({ color: "green", message: t("saved") });
    await queryClient.invalidateQueries({ queryKey: trpc.signing.sealImage.pathKey() });
  };
  const fail = (error: unknown) => notifyRefusal(pictureRefusal(error, t("saveError")));
  const choose = useMutation(trpc.signing.setSealImage.mutationOptions());
  const upload = useMutation({
    mutationFn: async (file: File) =>
      choose.mutateAsync({ organisationId, sha256: await uploadPicture(file, "seal") }),
    onSuccess: done,
    onError: fail,
  });
  const generate = useMutation(
    trpc.signing.generateSealImage.mutationOptions({ onSuccess: done, onError: fail }),
  );

  return (
    <Card withBorder padding="md" data-testid="seal-image-card">
      <Group align="flex-start" wrap="wrap" gap="md">
        <Group
          justify="center"
          bg="gray.0"
          p={6}
          style={{ borderRadius: 8, width: 132, height: 132, flexShrink: 0 }}
        >
          {current.data && (
            <Image
              src={pngSource(current.data.png)}
              alt={t("alt")}
              w={120}
              h={120}
              fit="contain"
              data-testid="seal-image-preview"
            />
          )}
        </Group>
        <Stack gap="xs" style={{ flex: "1 1 240px", minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t("title")}
            </Text>
            {current.data && (
              <StateBadge color={current.data.chosen ? "teal" : "gray"} testId="seal-image-state">
                {t(current.data.chosen ? "chosen" : "automatic")}
              </StateBadge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t("hint")}
          </Text>
          <Group gap="xs" wrap="wrap">
            <FileButton accept="image/png" onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="light"
                  leftSection={<IconUpload size={14} />}
                  loading={upload.isPending}
                  data-testid="seal-image-upload"
                >
                  {t("upload")}
                </Button>
              )}
            </FileButton>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconStar size={14} />}
              loading={generate.isPending}
              onClick={() => generate.mutate({ organisationId })}
              data-testid="seal-image-generate"
            >
              {t("generate")}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
