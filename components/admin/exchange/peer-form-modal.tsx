"use client";

import { foldedFilter } from "@/components/ui/folded-filter";
import { Modal, MultiSelect, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { orgOption } from "@/components/admin/organisations/org-tree-helpers";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import type { PeerRow } from "./exchange-types";
import { compareVietnamese } from "@/lib/collate";

type Values = {
  name: string;
  url: string;
  certificate: string;
  organisationIds: string[];
  active: boolean;
};

/**
 * Adds a peer deployment (`peer` null) or changes one: its address, the root certificate its
 * packages are signed under, and the organisations of the tree it hosts.
 */
export function PeerFormModal({ peer, onClose }: { peer: PeerRow | null; onClose: () => void }) {
  const t = useTranslations("exchangeAdmin");
  const tc = useTranslations();
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const tree = useQuery(trpc.orgTree.list.queryOptions());
  const form = useForm<Values>({
    initialValues: {
      name: peer?.name ?? "",
      url: peer?.url ?? "",
      certificate: peer?.certificatePem ?? "",
      organisationIds: peer?.organisations.map((o) => o.id) ?? [],
      active: peer?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : tc("validation.required")),
      url: (v) => (v.trim() ? null : tc("validation.required")),
      certificate: (v) => (v.trim() ? null : tc("validation.required")),
    },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.exchange.peers.pathKey(), trpc.orgTree.list.pathKey()],
    onClose,
    errorMessage: t("saveError"),
    form,
  });
  const save = useMutation(
    trpc.exchange.savePeer.mutationOptions({
      onSuccess: () => succeed(t(peer ? "updated" : "created", { name: form.getValues().name })),
      onError: fail,
    }),
  );
  const options = (tree.data ?? [])
    .filter((o) => o.status === "active")
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map(orgOption);
  const submit = form.onSubmit((values) =>
    save.mutate({ id: peer?.id ?? null, version: peer?.version ?? null, ...values }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(peer ? "editTitle" : "createTitle")}
      size="lg"
      fullScreen={phone}
      centered
    >
      <form onSubmit={submit} noValidate data-testid="peer-form">
        <Stack gap="sm">
          <TextInput
            label={t("name")}
            placeholder={t("namePlaceholder")}
            required
            maxLength={200}
            data-autofocus
            data-testid="peer-name"
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("url")}
            description={t("urlHint")}
            placeholder="https://vanban.example.gov.vn"
            required
            maxLength={500}
            inputMode="url"
            data-testid="peer-url"
            {...form.getInputProps("url")}
          />
          <Textarea
            label={t("certificate")}
            description={t("certificateHint")}
            placeholder="-----BEGIN CERTIFICATE-----"
            required
            autosize
            minRows={4}
            maxRows={10}
            styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
            data-testid="peer-certificate"
            {...form.getInputProps("certificate")}
          />
          <MultiSelect
            label={t("organisations")}
            description={t("organisationsHint")}
            placeholder={t("organisationsPlaceholder")}
            data={options}
            searchable
            filter={foldedFilter}
            nothingFoundMessage={t("noOrganisation")}
            comboboxProps={{ withinPortal: true }}
            data-testid="peer-organisations"
            {...form.getInputProps("organisationIds")}
          />
          <Switch
            label={t("active")}
            description={t("activeHint")}
            data-testid="peer-active"
            {...form.getInputProps("active", { type: "checkbox" })}
          />
          {peer && (
            <Text size="xs" c="dimmed">
              {t("fingerprintNow", { fingerprint: peer.fingerprint })}
            </Text>
          )}
          <DialogButtons
            onCancel={onClose}
            submitLabel={t(peer ? "save" : "create")}
            pending={save.isPending}
            testId="peer-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
