"use client";

import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { getHotkeyHandler } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBookUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { appCodeOf, messageOf, showServerError } from "@/components/ui/server-errors";
import { formatNumberNotation } from "@/lib/documents";
import { DuplicateWarning, useDuplicateCheck } from "./duplicate-warning";
import { FileUploads } from "./file-uploads";
import { HandlingFields, IdentityFields } from "./reception-fields";
import { ReceptionDone, type Registered } from "./reception-done";
import {
  duplicateQueryOf,
  emptyReception,
  receptionErrors,
  toReceiveInput,
  type ReceptionValues,
} from "./reception-values";
import { useUploads } from "./use-uploads";

/** Brings the first refused field into view: on a phone it is usually off screen. */
function revealFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      '[data-reception-form] [aria-invalid="true"], [data-reception-form] [data-field-error]',
    );
    field?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (field?.matches("input, textarea")) field.focus({ preventScroll: true });
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The clerk's reception form: files first (uploaded at once, the first PDF as the main text),
 * then the document as printed, then its handling. A possible duplicate must be confirmed
 * before saving. Saving gives the arrival number; the clerk then opens the document or goes on
 * with the next one.
 */
export function ReceptionForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ReceptionValues>({
    initialValues: emptyReception,
    validate: (values) => receptionErrors(values, t),
  });
  const uploads = useUploads({
    failed: t("files.uploadFailed"),
    duplicate: (name) => t("reception.duplicateFile", { name }),
  });
  const [registered, setRegistered] = useState<Registered | null>(null);
  const values = form.getValues();

  // What the clerk confirmed is tied to the warning it answered: a new duplicate asks again.
  const identity = duplicateQueryOf(values);
  const identityKey = identity ? JSON.stringify(identity) : "";
  const { duplicate, refetch } = useDuplicateCheck(identity);
  const [conflict, setConflict] = useState<{ key: string; message: string } | null>(null);
  const conflictMessage = conflict?.key === identityKey ? conflict.message : null;
  const warningTag = duplicate ? duplicate.id : conflictMessage ? `conflict:${identityKey}` : null;
  const [acknowledgedTag, setAcknowledgedTag] = useState<string | null>(null);
  const acknowledged = warningTag !== null && acknowledgedTag === warningTag;

  const mainPages = uploads.main?.result?.pageCount ?? null;

  const receive = useMutation(
    trpc.reception.receive.mutationOptions({
      onSuccess: (result, input) => {
        // Refusals of earlier attempts no longer apply.
        notifications.clean();
        notifications.show({
          color: "green",
          title: t("reception.registeredTitle"),
          message: t("reception.registered", {
            registryNumber: result.registryNumber,
            arrivalDate: formatDate(result.arrivalDate),
          }),
        });
        setRegistered({
          id: result.id,
          registryNumber: result.registryNumber,
          arrivalDate: result.arrivalDate,
          numberNotation: formatNumberNotation(
            input.codeNumber ?? null,
            input.codeNotation ?? null,
          ),
          issuer: values.issuerName,
          subject: input.subject,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.registries.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.reception.issuers.pathKey() });
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        // Another clerk registered the same document a moment ago: show it like any duplicate.
        if (appCodeOf(error) === "CONFLICT") {
          setConflict({ key: identityKey, message: messageOf(error, t("reception.saveError")) });
          void refetch();
        }
        showServerError(error, t("reception.saveError"), form);
        revealFirstError();
      },
    }),
  );

  const filesError = (): string | null => {
    if (uploads.pending) return t("reception.uploadsPending");
    if (uploads.failed) return t("reception.uploadsFailed");
    if (!uploads.attached.some((f) => f.kind === "main")) return t("reception.mainFileRequired");
    return null;
  };

  const submit = () => {
    if (receive.isPending) return;
    const checked = form.validate();
    const errors: Record<string, string> = { ...(checked.errors as Record<string, string>) };
    const files = filesError();
    if (files) errors.files = files;
    if (warningTag && !acknowledged)
      errors.acknowledgeDuplicate = t("reception.acknowledgeRequired");
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      revealFirstError();
      return;
    }
    receive.mutate(
      toReceiveInput(values, {
        files: uploads.attached,
        // Untouched, it follows the main PDF; emptied by the clerk, it is left out.
        pageCount:
          typeof values.pageCount === "number"
            ? values.pageCount
            : values.pageCount === null
              ? mainPages
              : null,
        acknowledgeDuplicate: acknowledged,
      }),
    );
  };

  const startAnother = () => {
    form.reset();
    uploads.clear();
    setConflict(null);
    setAcknowledgedTag(null);
    setRegistered(null);
    window.scrollTo({ top: 0 });
  };

  if (registered) return <ReceptionDone registered={registered} onAnother={startAnother} />;

  // Errors about files concern the set that was sent; once it changes they no longer apply.
  const clearFileErrors = () =>
    form.setErrors(
      Object.fromEntries(
        Object.entries(form.errors).filter(
          ([field]) => field !== "files" && !field.startsWith("files."),
        ),
      ),
    );

  return (
    <form
      noValidate
      data-reception-form
      data-testid="reception-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={getHotkeyHandler([["mod+Enter", submit]])}
    >
      <Stack gap="md" maw={960}>
        <Section title={t("reception.sectionFiles")}>
          <FileUploads uploads={uploads} errors={form.errors} onChange={clearFileErrors} />
        </Section>
        <Section title={t("reception.sectionIdentity")}>
          <IdentityFields
            form={form}
            duplicate={
              <DuplicateWarning
                duplicate={duplicate}
                conflict={conflictMessage}
                acknowledged={acknowledged}
                error={form.errors.acknowledgeDuplicate as string | undefined}
                onAcknowledge={(checked) => {
                  setAcknowledgedTag(checked ? warningTag : null);
                  form.clearFieldError("acknowledgeDuplicate");
                }}
              />
            }
          />
        </Section>
        <Section title={t("reception.sectionHandling")}>
          <HandlingFields form={form} mainPages={mainPages} />
        </Section>
        <Paper
          withBorder
          p="sm"
          pos="sticky"
          bottom={0}
          shadow="sm"
          style={{ zIndex: 2 }}
          data-testid="reception-actions"
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {t("reception.arrivalAssigned")} {t("reception.shortcutHint")}
            </Text>
            <Button
              type="submit"
              size="md"
              loading={receive.isPending}
              leftSection={<IconBookUpload size={20} />}
              miw={160}
              ml="auto"
              data-testid="reception-submit"
            >
              {t("reception.submit")}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
