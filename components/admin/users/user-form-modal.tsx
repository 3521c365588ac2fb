"use client";

import {
  Checkbox,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import { organisationRoles, type Role } from "@/lib/permissions";
import type { UnitOption, UserRow } from "./user-types";

type Values = {
  username: string;
  fullName: string;
  email: string;
  jobTitle: string;
  unitId: string | null;
  roles: Role[];
  password: string;
};

/**
 * Creates a user (`user` null) or edits one. Field rules live on the server (lib/schemas/users.ts);
 * its refusals come back translated and land on the fields.
 */
export function UserFormModal({
  organisationId,
  user,
  units,
  canGrantDeploymentAdmin,
  onClose,
}: {
  organisationId: string | null;
  user: UserRow | null;
  units: UnitOption[];
  canGrantDeploymentAdmin: boolean;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const required = (v: string) => (v.trim() ? null : t("validation.required"));
  const form = useForm<Values>({
    initialValues: {
      username: "",
      fullName: user?.fullName ?? "",
      email: user?.email ?? "",
      jobTitle: user?.jobTitle ?? "",
      unitId: user?.unitId ?? null,
      roles: user?.roles ?? ["specialist"],
      password: "",
    },
    validate: {
      username: (v) => (user ? null : required(v)),
      fullName: required,
      roles: (v) => (v.length > 0 ? null : t("validation.required")),
      password: (v) => (user ? null : required(v)),
    },
  });

  // Inactive units cannot take new members, but a user may still sit in one they joined earlier.
  const unitOptions = units
    .filter((u) => u.active || u.id === user?.unitId)
    .map((u) => ({
      value: u.id,
      label: u.active ? u.name : `${u.name} (${t("common.inactive")})`,
    }));
  // The deployment-wide role is shown to those who may grant it, or (read-only) to others when the user holds it.
  const heldDeploymentAdmin = user?.roles.includes("deployment_admin") ?? false;
  const roleChoices: Role[] =
    canGrantDeploymentAdmin || heldDeploymentAdmin
      ? [...organisationRoles, "deployment_admin"]
      : [...organisationRoles];

  // A unit's row counts its active users, so both lists follow a save.
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.users.list.pathKey(), trpc.units.list.pathKey()],
    onClose,
    errorMessage: t("users.saveError"),
    form,
  });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (saved) => succeed(t("users.created", { username: saved.username })),
      onError: fail,
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (saved) => succeed(t("users.updated", { name: saved.fullName })),
      onError: fail,
    }),
  );

  const submit = form.onSubmit(({ username, password, ...profile }) => {
    if (user) update.mutate({ organisationId, id: user.id, version: user.version, ...profile });
    else create.mutate({ organisationId, username, password, ...profile });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(user ? "users.editTitle" : "users.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="sm">
          {!user && (
            <TextInput
              label={t("users.username")}
              description={t("users.usernameHint")}
              required
              maxLength={40}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="user-username-input"
              {...form.getInputProps("username")}
            />
          )}
          <TextInput
            label={t("users.fullName")}
            required
            maxLength={255}
            data-testid="user-full-name-input"
            {...form.getInputProps("fullName")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("users.email")}
              type="email"
              maxLength={254}
              autoComplete="off"
              data-testid="user-email-input"
              {...form.getInputProps("email")}
            />
            <TextInput
              label={t("users.jobTitle")}
              placeholder={t("users.jobTitlePlaceholder")}
              maxLength={255}
              data-testid="user-job-title-input"
              {...form.getInputProps("jobTitle")}
            />
          </SimpleGrid>
          <Select
            label={t("users.unit")}
            placeholder={t("users.noUnit")}
            data={unitOptions}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="user-unit-select"
            {...form.getInputProps("unitId")}
          />
          <Checkbox.Group
            label={t("users.roles")}
            description={t("users.rolesHint")}
            required
            data-testid="user-roles"
            {...form.getInputProps("roles")}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={8} mt={8}>
              {roleChoices.map((role) => (
                <Checkbox
                  key={role}
                  value={role}
                  label={t(`roles.${role}`)}
                  disabled={role === "deployment_admin" && !canGrantDeploymentAdmin}
                  data-testid={`role-checkbox-${role}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {!user && (
            <PasswordInput
              label={t("users.password")}
              description={t("users.passwordHint")}
              required
              maxLength={128}
              autoComplete="new-password"
              data-testid="user-password-input"
              {...form.getInputProps("password")}
            />
          )}
          <DialogButtons
            onCancel={onClose}
            submitLabel={t(user ? "common.save" : "common.create")}
            pending={create.isPending || update.isPending}
            testId="user-form-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
