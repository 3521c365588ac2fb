import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RouteTemplatesManager } from "@/components/admin/route-templates/route-templates-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("routeTemplates");
  return { title: t("title") };
}

export default async function RouteTemplatesPage() {
  const { actor, allowed } = await requireActor("outgoing.routeTemplates");
  if (!allowed) return <ForbiddenNotice action="outgoing.routeTemplates" />;
  const t = await getTranslations("routeTemplates");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: actor.organisationName })}
      />
      <RouteTemplatesManager />
    </>
  );
}
