import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganisationTree } from "@/components/admin/organisations/organisation-tree";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orgTree");
  return { title: t("title") };
}

export default async function OrganisationsPage() {
  const { allowed } = await requireActor("orgTree.manage");
  if (!allowed) return <ForbiddenNotice action="orgTree.manage" />;
  const t = await getTranslations("orgTree");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <OrganisationTree />
    </>
  );
}
