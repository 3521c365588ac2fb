import type { ReactNode } from "react";
import { AppShellFrame } from "@/components/shell/app-shell-frame";
import { actorActions } from "@/server/authz/actor";
import { requireActor } from "@/server/authz/require";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The account page, where a temporary password is changed, is inside this layout.
  const { actor } = await requireActor(undefined, { temporaryPasswordOk: true });
  return (
    <AppShellFrame
      user={{
        fullName: actor.fullName,
        jobTitle: actor.jobTitle,
        unitName: actor.unitName,
        organisationName: actor.organisationName,
        roles: actor.roles,
      }}
      actions={actor.mustChangePassword ? [] : actorActions(actor)}
      passwordChangeOnly={actor.mustChangePassword}
    >
      {children}
    </AppShellFrame>
  );
}
