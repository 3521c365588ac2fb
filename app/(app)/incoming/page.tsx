import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { defaultTab } from "@/components/inbox/inbox-tabs";
import { InboxView } from "@/components/inbox/inbox-view";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { can } from "@/lib/permissions";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inboxPage");
  return { title: t("title") };
}

export default async function InboxPage() {
  const { actor, allowed } = await requireActor("incoming.read");
  if (!allowed) return <ForbiddenNotice action="incoming.read" />;
  const counters = await (await serverApi()).inbox.counters();
  return (
    <InboxView
      initialCounters={counters}
      fallbackTab={defaultTab(counters)}
      canReceive={can(actor.roles, "incoming.receive")}
    />
  );
}
