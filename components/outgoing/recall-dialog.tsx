"use client";

import { Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionDialog } from "@/components/documents/action-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { recallKinds, type RecallKind } from "@/lib/delivery";
import { useOutgoingAction } from "./use-outgoing-action";

/** The sender asks every recipient holding the document to recall, update or replace it. */
export function RecallDialog({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: number;
  onClose: () => void;
}) {
  const t = useTranslations("deliveries");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<{ kind: RecallKind; reason: string; replacementId: string | null }>({
    initialValues: { kind: "recall", reason: "", replacementId: null },
    validate: {
      reason: (v) => (v.trim() ? null : tv("required")),
      replacementId: (v, values) =>
        values.kind === "replace" && !v ? t("replacementRequired") : null,
    },
  });
  const replacing = form.getValues().kind === "replace";
  const candidates = useQuery({
    ...trpc.delivery.replacements.queryOptions({ documentId }),
    enabled: replacing,
  });
  const { act, pending } = useOutgoingAction({ id: documentId, version }, { onClose, form });
  return (
    <ActionDialog title={t("recallTitle")} onClose={onClose}>
      <form
        noValidate
        data-testid="recall-form"
        onSubmit={form.onSubmit((v) =>
          act(
            {
              action: "requestRecall",
              kind: v.kind,
              reason: v.reason.trim(),
              replacementId: v.kind === "replace" ? v.replacementId : null,
            },
            t("recallSent"),
          ),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t("recallHint")}</Text>
          <Radio.Group label={t("recallKind")} {...form.getInputProps("kind")}>
            <Stack gap={6} mt={4}>
              {recallKinds.map((k) => (
                <Radio key={k} value={k} label={t(`recallKinds.${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {replacing && (
            <Select
              label={t("replacement")}
              description={t("replacementHint")}
              placeholder={t("replacementPlaceholder")}
              required
              searchable
              data={(candidates.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.numberNotation || "—"}: ${c.subject}`,
              }))}
              nothingFoundMessage={candidates.isPending ? "…" : t("noReplacement")}
              comboboxProps={{ withinPortal: true }}
              data-testid="recall-replacement"
              {...form.getInputProps("replacementId")}
            />
          )}
          <Textarea
            label={t("recallReason")}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-testid="recall-reason"
            {...form.getInputProps("reason")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("recallSubmit")}
          pending={pending}
          color="red"
          testId="recall-submit"
        />
      </form>
    </ActionDialog>
  );
}
