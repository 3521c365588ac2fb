import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UnitsManager } from "@/components/admin/units/units-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { adminPageOrganisation } from "@/server/api/admin-page-organisation";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("units");
  return { title: t("title") };
}

export default async function UnitsPage({
  searchParams,
}: {
  searchParams: Promise<{ organisationId?: string }>;
}) {
  const { actor, allowed } = await requireActor("unit.manage");
  if (!allowed) return <ForbiddenNotice action="unit.manage" />;
  const t = await getTranslations("units");
  const target = await adminPageOrganisation(actor, (await searchParams).organisationId);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: target.name })}
      />
      <UnitsManager organisationId={target.otherId} />
    </>
  );
}
