"use client";

import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ActionDialog } from "./action-dialog";
import { formatDateTime } from "./document-format";
import type { IncomingDocumentView } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/**
 * The sender asks to recall (update, replace) this document: the request and its reason, and for
 * the clerk the answer: accept (it leaves every inbox, its history stays) or refuse with a reason.
 */
export function RecallNotice({ view }: { view: IncomingDocumentView }) {
  const t = useTranslations("documentPage");
  const tv = useTranslations("validation");
  const { document: doc, recall } = view;
  const [refusing, setRefusing] = useState(false);
  const accept = useDocumentAction(doc, { onClose: () => undefined });
  const form = useForm({
    initialValues: { note: "" },
    validate: { note: (v) => (v.trim() ? null : tv("required")) },
  });
  const refuse = useDocumentAction(doc, { onClose: () => setRefusing(false), form });
  if (!recall || recall.state !== "requested") return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconArrowBackUp />}
      title={t("recallAsked", { issuer: doc.issuerName, kind: recall.kind })}
      data-testid="recall-notice"
    >
      <Stack gap="xs">
        {recall.reason && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {t("recallAskedReason", { reason: recall.reason })}
          </Text>
        )}
        {recall.at && (
          <Text size="xs" c="gray.8">
            {formatDateTime(recall.at)}
          </Text>
        )}
        {view.can.answerRecall && (
          <Group gap="xs">
            <Button
              size="xs"
              color="red"
              loading={accept.pending}
              onClick={() =>
                accept.act({ action: "answerRecall", accept: true }, t("recallAcceptedDone"))
              }
              data-testid="recall-accept"
            >
              {t("recallAccept")}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setRefusing(true)}
              data-testid="recall-refuse"
            >
              {t("recallRefuse")}
            </Button>
          </Group>
        )}
      </Stack>
      {refusing && (
        <ActionDialog title={t("recallRefuseTitle")} onClose={() => setRefusing(false)}>
          <form
            noValidate
            onSubmit={form.onSubmit((v) =>
              refuse.act(
                { action: "answerRecall", accept: false, note: v.note.trim() },
                t("recallRefusedDone"),
              ),
            )}
          >
            <Textarea
              label={t("recallRefuseNote")}
              required
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
              data-testid="recall-refuse-note"
              {...form.getInputProps("note")}
            />
            <DialogButtons
              onCancel={() => setRefusing(false)}
              submitLabel={t("recallRefuse")}
              pending={refuse.pending}
              testId="recall-refuse-submit"
            />
          </form>
        </ActionDialog>
      )}
    </Alert>
  );
}
