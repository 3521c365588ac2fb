"use client";

import { Alert, Button, EmptyState, Flex, Group, Loader, Stack } from "@mantine/core";
import { IconCertificate, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { RenewCertificateDialog, RevokeCertificateModal } from "./certificate-dialogs";
import {
  CertificatesTable,
  type CertificateAction,
  type CertificateRow,
} from "./certificates-table";
import { IssueCertificateModal } from "./issue-certificate-modal";
import { OrganisationSelect } from "./organisation-select";
import { SealImageCard } from "./seal-image-card";

type Dialog = { kind: "issue" } | { kind: CertificateAction; row: CertificateRow } | null;

/** One organisation's certificates and seal picture, and what the admin does with them. */
export function OrganisationCertificates({
  organisationId,
  onOrganisationChange,
}: {
  organisationId: string;
  onOrganisationChange: (id: string) => void;
}) {
  const t = useTranslations("signingAdmin");
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const list = useQuery(trpc.signing.list.queryOptions({ organisationId }));
  const tree = useQuery(trpc.orgTree.list.queryOptions());
  const organisationName = tree.data?.find((o) => o.id === organisationId)?.name ?? "";

  const issueButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "issue" })}
      data-testid="issue-certificate"
    >
      {t("issue")}
    </Button>
  );

  let body;
  if (list.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("loading")} />
      </Group>
    );
  } else if (list.isError) {
    body = (
      <Alert color="red" variant="light">
        {t("loadError")}
      </Alert>
    );
  } else if (list.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconCertificate />}
        withIndicatorBackground
        title={t("emptyTitle")}
        description={t("emptyDescription")}
        py="xl"
        data-testid="certificates-empty"
      >
        <EmptyState.Actions>{issueButton}</EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <CertificatesTable rows={list.data} onAction={(kind, row) => setDialog({ kind, row })} />
    );
  }

  return (
    <Stack gap="md">
      <Flex
        direction={{ base: "column", sm: "row" }}
        align={{ base: "stretch", sm: "flex-end" }}
        justify="space-between"
        gap="sm"
      >
        <OrganisationSelect value={organisationId} onChange={onOrganisationChange} />
        {list.data && list.data.length > 0 && issueButton}
      </Flex>
      <SealImageCard organisationId={organisationId} />
      {body}
      {dialog?.kind === "issue" && (
        <IssueCertificateModal
          organisationId={organisationId}
          organisationName={organisationName}
          certificates={list.data ?? []}
          onClose={close}
        />
      )}
      {dialog?.kind === "renew" && (
        <RenewCertificateDialog certificate={dialog.row} onClose={close} />
      )}
      {dialog?.kind === "revoke" && (
        <RevokeCertificateModal certificate={dialog.row} onClose={close} />
      )}
    </Stack>
  );
}
