"use client";

import { Badge, Tabs } from "@mantine/core";
import { IconCertificate, IconShieldCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { OrganisationCertificates } from "./organisation-certificates";
import { TrustAnchorsPanel } from "./trust-anchors-panel";

export type SigningTab = "certificates" | "anchors";

/**
 * The deployment's digital signatures: each organisation's certificates and seal picture, and
 * the outside CAs waiting for approval. The tab and the organisation are kept in the address,
 * so a reload or a link from the audit log opens the same view.
 */
export function SigningAdmin({
  initialOrganisationId,
  initialTab,
}: {
  initialOrganisationId: string;
  initialTab: SigningTab;
}) {
  const t = useTranslations("signingAdmin");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [tab, setTab] = useState<SigningTab>(initialTab);
  const [organisationId, setOrganisationId] = useState(initialOrganisationId);
  const anchors = useQuery(trpc.signing.trustAnchors.queryOptions());
  const pending = anchors.data?.filter((a) => a.status === "pending").length ?? 0;

  const remember = (next: { tab: SigningTab; organisationId: string }) => {
    const params = new URLSearchParams({ organisationId: next.organisationId });
    if (next.tab === "anchors") params.set("tab", "anchors");
    router.replace(`${pathname}?${params}`, { scroll: false });
  };

  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        const next = value === "anchors" ? "anchors" : "certificates";
        setTab(next);
        remember({ tab: next, organisationId });
      }}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab
          value="certificates"
          leftSection={<IconCertificate size={16} />}
          data-testid="tab-certificates"
        >
          {t("certificatesTab")}
        </Tabs.Tab>
        <Tabs.Tab
          value="anchors"
          leftSection={<IconShieldCheck size={16} />}
          rightSection={
            pending > 0 ? (
              <Badge
                size="sm"
                circle={pending < 10}
                aria-label={t("pendingAnchors", { count: pending })}
              >
                {pending}
              </Badge>
            ) : undefined
          }
          data-testid="tab-anchors"
        >
          {t("anchorsTab")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="certificates">
        <OrganisationCertificates
          organisationId={organisationId}
          onOrganisationChange={(id) => {
            setOrganisationId(id);
            remember({ tab, organisationId: id });
          }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="anchors">
        <TrustAnchorsPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
