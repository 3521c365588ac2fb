import { Button } from "@mantine/core";
import { IconFileCode } from "@tabler/icons-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReceptionForm } from "@/components/reception/reception-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reception");
  return { title: t("title") };
}

export default async function ReceptionPage() {
  const { allowed } = await requireActor("incoming.receive");
  if (!allowed) return <ForbiddenNotice action="incoming.receive" />;
  const t = await getTranslations("reception");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button
            component="a"
            href="/incoming/import"
            variant="light"
            leftSection={<IconFileCode size={16} />}
            data-testid="reception-import-edxml"
          >
            {t("importEdxml")}
          </Button>
        }
      />
      <ReceptionForm />
    </>
  );
}
