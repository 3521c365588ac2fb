"use client";

import { Alert, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { vietnamToday } from "@/lib/dates";
import { DateField } from "@/components/ui/date-field";
import { OrgTreeDialog, useOrgTreeFeedback } from "./org-tree-dialog";
import type { OrgActionProps } from "./org-tree-helpers";

export function CloseOrganisationModal({ org, rows, onClose }: OrgActionProps) {
  const t = useTranslations("orgTree");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<{ date: string | null; reason: string }>({
    initialValues: { date: vietnamToday(), reason: "" },
    validate: {
      date: (v) => (v ? null : tv("required")),
      reason: (v) => (v.trim() ? null : tv("required")),
    },
  });
  const { succeed, fail } = useOrgTreeFeedback({ onClose, form });
  const close = useMutation(
    trpc.orgTree.close.mutationOptions({
      onSuccess: () => succeed(t("notify.closed", { name: org.name })),
      onError: (error) => fail(error),
    }),
  );
  // The server refuses these cases too; saying so up front spares a useless form.
  const activeChildren = rows.filter((r) => r.parentId === org.id && r.status === "active").length;
  const blockers = [
    activeChildren > 0 ? t("closeHasChildren", { count: activeChildren }) : null,
    org.activeUsers > 0 ? t("closeHasUsers", { count: org.activeUsers }) : null,
  ].filter((m): m is string => m !== null);

  return (
    <OrgTreeDialog title={t("closeTitle", { name: org.name })} onClose={onClose}>
      <form
        data-testid="org-close-form"
        onSubmit={form.onSubmit((v) =>
          close.mutate({ id: org.id, version: org.version, date: v.date ?? "", reason: v.reason }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t("closeHelp")}</Text>
          {blockers.length > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle />}
              data-testid="org-close-blocked"
            >
              <Stack gap={4}>
                {blockers.map((m) => (
                  <Text key={m} size="sm">
                    {m}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <DateField
            label={t("closeDate")}
            required
            minDate={org.validFrom}
            maxDate={vietnamToday()}
            data-testid="org-field-date"
            {...form.getInputProps("date")}
          />
          <Textarea
            label={t("reason")}
            description={t("reasonHint")}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-testid="org-field-reason"
            {...form.getInputProps("reason")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submitClose")}
            pending={close.isPending}
            disabled={blockers.length > 0}
            color="red"
            testId="org-close-submit"
          />
        </Stack>
      </form>
    </OrgTreeDialog>
  );
}
