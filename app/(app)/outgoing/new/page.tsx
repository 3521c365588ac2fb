import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewDraft } from "@/components/outgoing/new-draft";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outgoingDraft");
  return { title: t("title") };
}

export default async function NewDraftPage() {
  const { actor, allowed } = await requireActor("outgoing.draft");
  if (!allowed) return <ForbiddenNotice action="outgoing.draft" />;
  const t = await getTranslations("outgoingDraft");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NewDraft
        organisationName={actor.organisationName}
        unitId={actor.unitId}
        // Searching the tree is the clerks' issuer search for now; others type the body's name.
        searchOrganisations={can(actor.roles, "incoming.receive")}
      />
    </>
  );
}
