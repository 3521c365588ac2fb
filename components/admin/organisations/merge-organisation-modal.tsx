"use client";

import { foldedFilter } from "@/components/ui/folded-filter";
import { Alert, Select, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { vietnamToday } from "@/lib/dates";
import { DateField } from "@/components/ui/date-field";
import { OrgTreeDialog, useOrgTreeFeedback } from "./org-tree-dialog";
import { orgOption, subtreeIds, type OrgActionProps } from "./org-tree-helpers";

export function MergeOrganisationModal({ org, rows, onClose }: OrgActionProps) {
  const t = useTranslations("orgTree");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<{ targetId: string | null; date: string | null }>({
    initialValues: { targetId: null, date: vietnamToday() },
    validate: {
      targetId: (v) => (v ? null : tv("required")),
      date: (v) => (v ? null : tv("required")),
    },
  });
  const { succeed, fail } = useOrgTreeFeedback({ onClose, form });
  const merge = useMutation(
    trpc.orgTree.merge.mutationOptions({
      onSuccess: (result) => {
        const target = rows.find((r) => r.id === result.targetId);
        const message = t("notify.merged", {
          source: org.name,
          target: target?.name ?? "",
          users: result.movedUsers,
          units: result.movedUnits,
        });
        return succeed(message);
      },
      onError: (error) => fail(error),
    }),
  );
  // The organisation and its descendants cannot receive it: the tree would loop.
  const excluded = subtreeIds(rows, org.id);
  const targets = rows.filter((r) => r.status === "active" && !excluded.has(r.id));
  const activeChildren = rows.filter((r) => r.parentId === org.id && r.status === "active").length;

  return (
    <OrgTreeDialog title={t("mergeTitle", { name: org.name })} onClose={onClose}>
      <form
        data-testid="org-merge-form"
        onSubmit={form.onSubmit((v) =>
          merge.mutate({
            sourceId: org.id,
            targetId: v.targetId ?? "",
            version: org.version,
            date: v.date ?? "",
          }),
        )}
      >
        <Stack gap="sm">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t("mergeHelp", {
              name: org.name,
              users: org.activeUsers,
              units: org.activeUnits,
              children: activeChildren,
            })}
          </Alert>
          <Select
            label={t("mergeTarget")}
            required
            data={targets.map(orgOption)}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t("noOptions")}
            data-testid="org-field-target"
            {...form.getInputProps("targetId")}
          />
          <DateField
            label={t("mergeDate")}
            required
            minDate={org.validFrom}
            maxDate={vietnamToday()}
            data-testid="org-field-date"
            {...form.getInputProps("date")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submitMerge")}
            pending={merge.isPending}
            color="orange"
            testId="org-merge-submit"
          />
        </Stack>
      </form>
    </OrgTreeDialog>
  );
}
