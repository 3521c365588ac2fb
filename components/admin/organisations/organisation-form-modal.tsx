"use client";

import { foldedFilter } from "@/components/ui/folded-filter";
import { Select, Stack, TextInput } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { isLevelBelow, ORG_CODE_PATTERN, orgLevels, type OrgLevel } from "@/lib/schemas/org-tree";
import { vietnamToday } from "@/lib/dates";
import { DateField } from "@/components/ui/date-field";
import { OrgTreeDialog, useOrgTreeFeedback } from "./org-tree-dialog";
import { orgOption, type OrgTreeRow } from "./org-tree-helpers";

type NameValues = { code: string; name: string; shortName: string };
type CreateValues = NameValues & {
  parentId: string | null;
  level: OrgLevel;
  validFrom: string | null;
};

function useNameRules() {
  const t = useTranslations("orgTree");
  const tv = useTranslations("validation");
  const required = (v: string) => (v.trim() ? null : tv("required"));
  return {
    code: (v: string) =>
      !v.trim()
        ? tv("required")
        : ORG_CODE_PATTERN.test(v.trim().toUpperCase())
          ? null
          : t("codeFormat"),
    name: required,
    shortName: required,
  };
}

function NameFields({ form }: { form: UseFormReturnType<NameValues> }) {
  const t = useTranslations("orgTree");
  return (
    <>
      <TextInput
        label={t("code")}
        description={t("codeHint")}
        placeholder="000.00.00.H26"
        required
        autoCapitalize="characters"
        maxLength={13}
        data-testid="org-field-code"
        {...form.getInputProps("code")}
      />
      <TextInput
        label={t("name")}
        required
        maxLength={255}
        data-testid="org-field-name"
        {...form.getInputProps("name")}
      />
      <TextInput
        label={t("shortName")}
        description={t("shortNameHint")}
        required
        maxLength={30}
        data-testid="org-field-short-name"
        {...form.getInputProps("shortName")}
      />
    </>
  );
}

export function CreateOrganisationModal({
  rows,
  parentId,
  onClose,
}: {
  rows: OrgTreeRow[];
  parentId: string | null;
  onClose: () => void;
}) {
  const t = useTranslations("orgTree");
  const tl = useTranslations("levels");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const nameRules = useNameRules();
  const parents = rows.filter((r) => r.status === "active" && r.level !== "commune");
  const levelsUnder = (id: string | null) => {
    const parent = rows.find((r) => r.id === id);
    return orgLevels.filter((l) => !parent || isLevelBelow(l, parent.level));
  };
  const form = useForm<CreateValues>({
    initialValues: {
      code: "",
      name: "",
      shortName: "",
      parentId,
      level: levelsUnder(parentId)[0] ?? "commune",
      validFrom: vietnamToday(),
    },
    validate: { ...nameRules, validFrom: (v) => (v ? null : tv("required")) },
  });
  const { succeed, fail } = useOrgTreeFeedback({ onClose, form });
  const create = useMutation(
    trpc.orgTree.create.mutationOptions({
      onSuccess: (created) => succeed(t("notify.created", { name: created.name })),
      onError: (error) => fail(error),
    }),
  );
  const allowedLevels = levelsUnder(form.values.parentId);

  return (
    <OrgTreeDialog title={t("createTitle")} onClose={onClose}>
      <form
        data-testid="org-create-form"
        onSubmit={form.onSubmit((v) => create.mutate({ ...v, validFrom: v.validFrom ?? "" }))}
      >
        <Stack gap="sm">
          <Select
            label={t("parent")}
            placeholder={t("noParent")}
            data={parents.map(orgOption)}
            searchable
            clearable
            filter={foldedFilter}
            nothingFoundMessage={t("noOptions")}
            data-testid="org-field-parent"
            {...form.getInputProps("parentId")}
            onChange={(value) => {
              form.setFieldValue("parentId", value);
              const allowed = levelsUnder(value);
              if (!allowed.includes(form.values.level))
                form.setFieldValue("level", allowed[0] ?? "commune");
            }}
          />
          <Select
            label={t("level")}
            required
            allowDeselect={false}
            data={allowedLevels.map((l) => ({ value: l, label: tl(l) }))}
            data-testid="org-field-level"
            {...form.getInputProps("level")}
          />
          <NameFields form={form} />
          <DateField
            label={t("validFrom")}
            required
            data-testid="org-field-valid-from"
            {...form.getInputProps("validFrom")}
          />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submitCreate")}
            pending={create.isPending}
            testId="org-form-submit"
          />
        </Stack>
      </form>
    </OrgTreeDialog>
  );
}

/** Renames an organisation or corrects its code. `org` is the latest row, so a retry after a stale refusal carries the new version. */
export function EditOrganisationModal({ org, onClose }: { org: OrgTreeRow; onClose: () => void }) {
  const t = useTranslations("orgTree");
  const trpc = useTRPC();
  const nameRules = useNameRules();
  const form = useForm<NameValues>({
    initialValues: { code: org.code, name: org.name, shortName: org.shortName },
    validate: nameRules,
  });
  const { succeed, fail } = useOrgTreeFeedback({ onClose, form });
  const update = useMutation(
    trpc.orgTree.update.mutationOptions({
      onSuccess: () => succeed(t("notify.updated", { name: form.values.name.trim() })),
      onError: (error) => fail(error),
    }),
  );
  return (
    <OrgTreeDialog title={t("editTitle")} onClose={onClose}>
      <form
        data-testid="org-edit-form"
        onSubmit={form.onSubmit((v) => update.mutate({ ...v, id: org.id, version: org.version }))}
      >
        <Stack gap="sm">
          <NameFields form={form} />
          <DialogButtons
            onCancel={onClose}
            submitLabel={t("submitSave")}
            pending={update.isPending}
            testId="org-form-submit"
          />
        </Stack>
      </form>
    </OrgTreeDialog>
  );
}
