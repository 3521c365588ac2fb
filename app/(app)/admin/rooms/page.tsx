import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoomsManager } from "@/components/meetings/rooms-manager";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("rooms.title") };
}

export default async function RoomsPage() {
  const { allowed } = await requireActor("room.manage");
  if (!allowed) return <ForbiddenNotice action="room.manage" />;
  const t = await getTranslations("meetings");
  return (
    <>
      <PageHeader title={t("rooms.title")} description={t("rooms.intro")} />
      <RoomsManager />
    </>
  );
}
