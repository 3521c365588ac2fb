import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { UnitsManager } from "@/components/admin/units/units-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { isDeploymentAdmin } from "@/server/authz/actor";
import { serverApi } from "@/server/api/server-caller";
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
  // A deployment admin may open another organisation's units (?organisationId=…); others always see their own.
  const requested = z.uuid().safeParse((await searchParams).organisationId).data;
  const other =
    requested && requested !== actor.organisationId && isDeploymentAdmin(actor) ? requested : null;
  const organisationName = other
    ? (await (await serverApi()).orgTree.get({ id: other })).name
    : actor.organisationName;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: organisationName })}
      />
      <UnitsManager organisationId={other} />
    </>
  );
}
