"use client";

import { Alert, Modal, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import type { CertificateRow } from "./certificates-table";

type Values = { kind: "person" | "seal"; userId: string | null; title: string };

/**
 * Issues a certificate from the deployment's CA: to one of the organisation's leaders, with the
 * title it will name (their job title to start with), or the organisation's seal. The holder
 * chooses the PIN at first use.
 */
export function IssueCertificateModal({
  organisationId,
  organisationName,
  certificates,
  onClose,
}: {
  organisationId: string;
  organisationName: string;
  /** The organisation's certificates as listed: the one a new one replaces is named with it. */
  certificates: CertificateRow[];
  onClose: () => void;
}) {
  const t = useTranslations("signingAdmin.issueForm");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const leaders = useQuery(trpc.signing.candidates.queryOptions({ organisationId }));
  const form = useForm<Values>({
    initialValues: { kind: "person", userId: null, title: "" },
    validate: {
      userId: (v, values) => (values.kind === "person" && !v ? tv("required") : null),
    },
  });
  const values = form.getValues();
  const replaced = (v: Values) =>
    certificates.find(
      (c) =>
        c.status === "active" &&
        (v.kind === "seal" ? c.purpose === "seal" : v.userId !== null && c.userId === v.userId),
    ) ?? null;
  const supersedes = replaced(values);
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.signing.list.pathKey()],
    onClose,
    errorMessage: t("failed"),
    form,
  });
  const issue = useMutation(
    trpc.signing.issue.mutationOptions({
      onSuccess: (issued) => succeed(t("done", { serial: issued.serial })),
      onError: fail,
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t("title")} size="lg" centered>
      <form
        noValidate
        data-testid="issue-form"
        onSubmit={form.onSubmit((v) =>
          issue.mutate({
            organisationId,
            userId: v.kind === "person" ? v.userId : null,
            title: v.kind === "person" ? v.title : null,
            replaces: replaced(v)?.id ?? null,
          }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t("intro", { organisation: organisationName })}</Text>
          <SegmentedControl
            data={[
              { value: "person", label: t("forLeader") },
              { value: "seal", label: t("forSeal") },
            ]}
            fullWidth
            data-testid="issue-kind"
            {...form.getInputProps("kind")}
          />
          {values.kind === "person" ? (
            <>
              <Select
                label={t("leader")}
                placeholder={t("leaderPlaceholder")}
                data={(leaders.data ?? []).map((l) => ({
                  value: l.id,
                  label: l.jobTitle ? `${l.fullName} (${l.jobTitle})` : l.fullName,
                }))}
                nothingFoundMessage={t("noLeaders")}
                searchable
                required
                comboboxProps={{ withinPortal: true }}
                data-testid="issue-leader"
                {...form.getInputProps("userId")}
                onChange={(id) => {
                  form.setFieldValue("userId", id);
                  const leader = leaders.data?.find((l) => l.id === id);
                  if (leader && !form.getValues().title)
                    form.setFieldValue("title", leader.jobTitle);
                }}
              />
              {leaders.data?.length === 0 && (
                <Alert color="yellow" variant="light">
                  {t("noLeaders")}
                </Alert>
              )}
              <TextInput
                label={t("titleField")}
                description={t("titleHint")}
                maxLength={200}
                data-testid="issue-title"
                {...form.getInputProps("title")}
              />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t("sealHint")}
            </Text>
          )}
          {supersedes && (
            <Alert color="yellow" variant="light" data-testid="issue-supersedes">
              {t("supersedes", { serial: supersedes.serial })}
            </Alert>
          )}
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submit")}
            pending={issue.isPending}
            testId="issue-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
