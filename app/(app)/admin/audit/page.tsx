import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/admin/audit/audit-log";
import { auditHref, filtersFromParams } from "@/components/admin/audit/audit-params";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import type { AuditEntityType } from "@/lib/audit-actions";
import { can, type Action } from "@/lib/permissions";
import { isDeploymentAdmin } from "@/server/authz/actor";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** The page each kind of record is managed on opens for those with its permission. */
const pagePermission: Partial<Record<AuditEntityType, Action>> = {
  user: "user.manage",
  unit: "unit.manage",
  registry: "registry.manage",
  routeTemplate: "outgoing.routeTemplates",
  organisation: "orgTree.manage",
  certificate: "signing.manage",
  trustAnchor: "signing.manage",
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, allowed } = await requireActor("audit.read");
  const t = await getTranslations("audit");
  if (!allowed) return <ForbiddenNotice action="audit.read" />;
  const params = await searchParams;
  const initialFilters = filtersFromParams({
    get: (name) => {
      const value = params[name];
      return typeof value === "string" ? value : null;
    },
  });
  const linkTypes = Object.entries(pagePermission)
    .filter(([, action]) => can(actor.roles, action))
    .map(([type]) => type as AuditEntityType);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* A new address from outside (a link, the menu) starts from its own filters. */}
      <AuditLog
        key={auditHref(initialFilters)}
        organisationName={actor.organisationName}
        canVerifyAll={isDeploymentAdmin(actor)}
        linkTypes={linkTypes}
        initialFilters={initialFilters}
      />
    </>
  );
}
