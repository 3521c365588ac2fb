import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OutgoingInbox } from "@/components/outgoing/outgoing-inbox";
import { outgoingBoxesOf } from "@/components/outgoing/outgoing-tabs";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { can } from "@/lib/permissions";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outgoingPage");
  return { title: t("inboxTitle") };
}

export default async function OutgoingInboxPage() {
  const { actor, allowed } = await requireActor("outgoing.approve");
  if (!allowed) return <ForbiddenNotice action="outgoing.approve" />;
  const counters = await (await serverApi()).inbox.counters();
  return (
    <OutgoingInbox
      initialCounters={counters}
      available={outgoingBoxesOf(actor.roles)}
      canDraft={can(actor.roles, "outgoing.draft")}
    />
  );
}
