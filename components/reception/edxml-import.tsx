"use client";

import { Alert, Button, Group, List, Loader, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconAlertTriangle, IconCircleCheck, IconFileCode, IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

type Imported = {
  documentId: string;
  duplicate: boolean;
  warnings: string[];
  signer: string | null;
};

async function send(file: File, failed: string): Promise<Imported> {
  const response = await fetch("/api/edxml/import", {
    method: "POST",
    body: file,
    headers: { "content-type": "application/xml" },
  });
  const body = (await response.json().catch(() => null)) as
    (Imported & { error?: { message: string } }) | null;
  if (!response.ok || !body || body.error) throw new Error(body?.error?.message ?? failed);
  return body;
}

/**
 * A package received from another system (by e-mail, on a USB stick, from another platform):
 * dropped here, it is checked and waits in the reception queue with everything it carried; what
 * could not be checked is listed, and a broken package is refused with the reason.
 */
export function EdxmlImport() {
  const t = useTranslations("edxmlImport");
  const run = useMutation({ mutationFn: (file: File) => send(file, t("failed")) });
  return (
    <Stack gap="md" maw={720}>
      <Dropzone
        onDrop={(files) => files[0] && run.mutate(files[0])}
        multiple={false}
        loading={run.isPending}
        p="lg"
        data-testid="edxml-dropzone"
        inputProps={{ "aria-label": t("drop") } as object}
      >
        <Group justify="center" gap="md" wrap="nowrap" mih={72} style={{ pointerEvents: "none" }}>
          <Dropzone.Idle>
            <IconFileCode
              size={36}
              color="var(--mantine-color-indigo-7)"
              style={{ flexShrink: 0 }}
            />
          </Dropzone.Idle>
          <Dropzone.Accept>
            <IconUpload size={36} color="var(--mantine-color-indigo-7)" style={{ flexShrink: 0 }} />
          </Dropzone.Accept>
          <Stack gap={2}>
            <Text fw={600}>{t("drop")}</Text>
            <Text size="sm" c="gray.7">
              {t("dropHint")}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {run.isPending && <Loader size="sm" aria-label={t("checking")} />}
      {run.isError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t("refused")}
          data-testid="edxml-refused"
        >
          {run.error.message}
        </Alert>
      )}
      {run.data && (
        <Alert
          color={run.data.duplicate ? "orange" : "green"}
          variant="light"
          icon={<IconCircleCheck />}
          title={t(run.data.duplicate ? "duplicate" : "received")}
          // The light green's own title colour is under AA contrast on its background.
          styles={{ title: { color: "var(--mantine-color-text)" } }}
          data-testid="edxml-received"
        >
          <Stack gap="xs" align="flex-start">
            {run.data.signer && <Text size="sm">{t("signedBy", { signer: run.data.signer })}</Text>}
            {run.data.warnings.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t("warnings")}
                </Text>
                <List size="sm" data-testid="edxml-warnings">
                  {run.data.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              </>
            )}
            <Button
              component={Link}
              href={`/documents/${run.data.documentId}`}
              size="sm"
              data-testid="edxml-open"
            >
              {t("open")}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
