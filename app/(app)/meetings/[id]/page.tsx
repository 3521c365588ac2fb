import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeetingDetail } from "@/components/meetings/meeting-detail";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { isUuid } from "@/lib/schemas/fields";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("title") };
}

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await requireActor("meeting.read");
  if (!allowed) return <ForbiddenNotice action="meeting.read" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <MeetingDetail id={id} />;
}
