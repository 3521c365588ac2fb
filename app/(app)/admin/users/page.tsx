import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { UsersManager } from "@/components/admin/users/users-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { isDeploymentAdmin } from "@/server/authz/actor";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ organisationId?: string }>;
}) {
  const { actor, allowed } = await requireActor("user.manage");
  if (!allowed) return <ForbiddenNotice action="user.manage" />;
  const t = await getTranslations("users");
  // A deployment admin may open another organisation's users (?organisationId=…); others always see their own.
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
      <UsersManager
        organisationId={other}
        currentUserId={actor.userId}
        canGrantDeploymentAdmin={isDeploymentAdmin(actor)}
      />
    </>
  );
}
