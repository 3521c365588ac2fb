"use client";

import { foldedFilter } from "@/components/ui/folded-filter";
import { Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { isLevelBelow } from "@/lib/schemas/org-tree";
import { OrgTreeDialog, useOrgTreeFeedback } from "./org-tree-dialog";
import { orgOption, subtreeIds, type OrgActionProps } from "./org-tree-helpers";

// A Select cannot hold null as an option's value; this one stands for "no parent".
const ROOT = "__root__";

export function MoveOrganisationModal({ org, rows, onClose }: OrgActionProps) {
  const t = useTranslations("orgTree");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<{ parentId: string | null }>({
    initialValues: { parentId: null },
    validate: { parentId: (v) => (v ? null : tv("required")) },
  });
  const { succeed, fail } = useOrgTreeFeedback({ onClose, form });
  const move = useMutation(
    trpc.orgTree.move.mutationOptions({
      onSuccess: () => succeed(t("notify.moved", { name: org.name })),
      onError: (error) => fail(error),
    }),
  );

  const excluded = subtreeIds(rows, org.id);
  const candidates = rows.filter(
    (r) =>
      r.status === "active" &&
      !excluded.has(r.id) &&
      r.id !== org.parentId &&
      isLevelBelow(org.level, r.level),
  );
  const data = [
    ...(org.parentId ? [{ value: ROOT, label: t("noParent") }] : []),
    ...candidates.map(orgOption),
  ];
  const currentParent = rows.find((r) => r.id === org.parentId);

  return (
    <OrgTreeDialog title={t("moveTitle")} onClose={onClose}>
      <form
        data-testid="org-move-form"
        onSubmit={form.onSubmit((v) =>
          move.mutate({
            id: org.id,
            version: org.version,
            parentId: v.parentId === ROOT ? null : v.parentId,
          }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t("moveHelp", { name: org.name })}</Text>
          <Text size="sm" c="dimmed">
            {t("currentParent", {
              name: currentParent ? `${currentParent.name} (${currentParent.code})` : t("noParent"),
            })}
          </Text>
          <Select
            label={t("newParent")}
            required
            data={data}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t("noOptions")}
            data-testid="org-field-parent"
            {...form.getInputProps("parentId")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submitMove")}
            pending={move.isPending}
            testId="org-move-submit"
          />
        </Stack>
      </form>
    </OrgTreeDialog>
  );
}
