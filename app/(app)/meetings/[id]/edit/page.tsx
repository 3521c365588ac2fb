import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/schemas/fields";
import { AppError } from "@/server/errors";
import { requireActor } from "@/server/authz/require";
import { getMeeting } from "@/server/meetings/detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("editTitle") };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, allowed } = await requireActor("meeting.organise");
  if (!allowed) return <ForbiddenNotice action="meeting.organise" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const m = await getMeeting(getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!m.isOrganiser || m.status !== "scheduled") notFound();
  const t = await getTranslations("meetings");
  const r = m.form.recurrence;
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <MeetingForm
        initial={{
          id: m.id,
          version: m.version,
          title: m.title,
          agenda: m.agenda,
          day: m.form.day,
          startTime: m.form.startTime,
          endTime: m.form.endTime,
          roomId: m.room?.id ?? null,
          locationText: m.locationText ?? "",
          kind: r?.kind ?? "none",
          days: r && r.kind !== "none" ? (r.days ?? []) : [],
          endKind: r && r.kind !== "none" && "until" in r.end ? "until" : "count",
          count: r && r.kind !== "none" && "count" in r.end ? r.end.count : 4,
          until: r && r.kind !== "none" && "until" in r.end ? r.end.until : "",
          participantIds: m.participants.map((p) => p.id),
        }}
      />
    </>
  );
}
