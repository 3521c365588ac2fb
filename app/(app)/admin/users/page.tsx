import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersManager } from "@/components/admin/users/users-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { isDeploymentAdmin } from "@/server/authz/actor";
import { adminPageOrganisation } from "@/server/api/admin-page-organisation";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ organisationId?: string; q?: string }>;
}) {
  const { actor, allowed } = await requireActor("user.manage");
  if (!allowed) return <ForbiddenNotice action="user.manage" />;
  const t = await getTranslations("users");
  const params = await searchParams;
  const target = await adminPageOrganisation(actor, params.organisationId);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organisation: target.name })}
      />
      <UsersManager
        organisationId={target.otherId}
        currentUserId={actor.userId}
        canGrantDeploymentAdmin={isDeploymentAdmin(actor)}
        initialQuery={typeof params.q === "string" ? params.q.slice(0, 100) : ""}
      />
    </>
  );
}
