import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { DocumentPage } from "@/components/documents/document-page";
import { OutgoingPage } from "@/components/outgoing/outgoing-page";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { can } from "@/lib/permissions";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

type Params = { params: Promise<{ id: string }> };

/**
 * The outgoing document behind an id, when it is one this person sees; null for an incoming
 * document, a wrong id, or one they may not see (the incoming page then says "not found").
 * Loaded once per request for the title and the page, and handed to the page as its first data.
 */
const outgoingOf = cache(async (id: string) => {
  const { actor } = await requireActor();
  if (!can(actor.roles, "outgoing.approve")) return null;
  try {
    return await (await serverApi()).outgoing.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const outgoing = await outgoingOf((await params).id);
  const t = await getTranslations(outgoing ? "outgoingPage" : "documentPage");
  return { title: t("title") };
}

/** One address for every document: an outgoing one gets its drafting and approval page. */
export default async function DocumentRoutePage({ params }: Params) {
  const { actor } = await requireActor();
  const { id } = await params;
  const outgoing = await outgoingOf(id);
  if (outgoing) {
    return (
      <OutgoingPage
        id={id}
        initial={outgoing}
        currentUserId={actor.userId}
        canDispatch={can(actor.roles, "outgoing.issue")}
      />
    );
  }
  if (!can(actor.roles, "incoming.read")) return <ForbiddenNotice action="incoming.read" />;
  return <DocumentPage id={id} currentUserId={actor.userId} />;
}
