import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegistriesManager } from "@/components/admin/registries/registries-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registry");
  return { title: t("title") };
}

export default async function RegistriesPage() {
  const { actor, allowed } = await requireActor("registry.manage");
  if (!allowed) return <ForbiddenNotice action="registry.manage" />;
  const t = await getTranslations("registry");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: actor.organisationName })}
      />
      <RegistriesManager />
    </>
  );
}
