import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DocumentPage } from "@/components/documents/document-page";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documentPage");
  return { title: t("title") };
}

export default async function IncomingDocumentPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { actor, allowed } = await requireActor("incoming.read");
  if (!allowed) return <ForbiddenNotice action="incoming.read" />;
  const { id } = await params;
  return <DocumentPage id={id} currentUserId={actor.userId} />;
}
