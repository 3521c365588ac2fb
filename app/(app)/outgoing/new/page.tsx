import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewDraft } from "@/components/outgoing/new-draft";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outgoingDraft");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ answers?: string | string[] }> };

/** The incoming document a reply answers (?answers=<id>), when it is one this person sees. */
async function replyOf(answers: string | string[] | undefined) {
  if (typeof answers !== "string") return null;
  try {
    return await (await serverApi()).outgoing.replyStart({ incomingId: answers });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export default async function NewDraftPage({ searchParams }: Props) {
  const { actor, allowed } = await requireActor("outgoing.draft");
  if (!allowed) return <ForbiddenNotice action="outgoing.draft" />;
  const t = await getTranslations("outgoingDraft");
  const reply = await replyOf((await searchParams).answers);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NewDraft organisationName={actor.organisationName} unitId={actor.unitId} reply={reply} />
    </>
  );
}
