import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SigningAdmin } from "@/components/admin/signing/signing-admin";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signingAdmin");
  return { title: t("title") };
}

export default async function SigningAdminPage({
  searchParams,
}: {
  searchParams: Promise<{ organisationId?: string; tab?: string }>;
}) {
  const { actor, allowed } = await requireActor("signing.manage");
  if (!allowed) return <ForbiddenNotice action="signing.manage" />;
  const t = await getTranslations("signingAdmin");
  const params = await searchParams;
  const organisationId = z.uuid().safeParse(params.organisationId).data ?? actor.organisationId;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button
            component="a"
            href="/api/ca/crl"
            download="lien-thong.crl"
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="crl-link"
          >
            {t("crl")}
          </Button>
        }
      />
      <SigningAdmin
        initialOrganisationId={organisationId}
        initialTab={params.tab === "anchors" ? "anchors" : "certificates"}
      />
    </>
  );
}
