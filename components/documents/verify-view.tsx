"use client";

import { Alert, Card, Group, Loader, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { SignatureCheck } from "@/lib/signature-check";
import { SignatureVerdicts } from "./signature-verdicts";

type State =
  | { status: "idle" }
  | { status: "checking"; name: string }
  | { status: "done"; name: string; check: SignatureCheck }
  | { status: "error"; message: string };

/** Drop a signed PDF, read our verifier's verdict on each of its signatures. */
export function VerifyView() {
  const t = useTranslations("signatureCheck");
  const [state, setState] = useState<State>({ status: "idle" });

  const check = async (file: File) => {
    setState({ status: "checking", name: file.name });
    const response = await fetch("/api/verify", {
      method: "POST",
      body: file,
      headers: { "content-type": "application/pdf" },
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as
      (SignatureCheck & { error?: { message: string } }) | null;
    if (!response?.ok || !body || body.error) {
      setState({ status: "error", message: body?.error?.message ?? t("unreadable") });
      return;
    }
    setState({ status: "done", name: file.name, check: body });
  };

  return (
    <Stack maw={720}>
      <Dropzone
        onDrop={(files) => files[0] && void check(files[0])}
        accept={["application/pdf"]}
        multiple={false}
        data-testid="verify-dropzone"
      >
        <Group justify="center" gap="sm" mih={120} style={{ pointerEvents: "none" }}>
          <IconFileTypePdf size={36} />
          <Text>{t("choose")}</Text>
        </Group>
      </Dropzone>
      {state.status === "checking" && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{state.name}</Text>
        </Group>
      )}
      {state.status === "error" && (
        <Alert color="red" data-testid="verify-error">
          {state.message}
        </Alert>
      )}
      {state.status === "done" && (
        <Card withBorder data-testid="verify-result">
          <Text fw={600} mb="xs">
            {state.name}
          </Text>
          {state.check.signatures.length === 0 && state.check.problems.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("noSignature")}
            </Text>
          ) : (
            <SignatureVerdicts check={state.check} />
          )}
        </Card>
      )}
    </Stack>
  );
}
