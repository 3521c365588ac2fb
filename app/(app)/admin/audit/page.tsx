import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/admin/audit/audit-log";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { isDeploymentAdmin } from "@/server/authz/actor";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage() {
  const { actor, allowed } = await requireActor("audit.read");
  const t = await getTranslations("audit");
  if (!allowed) return <ForbiddenNotice action="audit.read" />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditLog organisationName={actor.organisationName} canVerifyAll={isDeploymentAdmin(actor)} />
    </>
  );
}
