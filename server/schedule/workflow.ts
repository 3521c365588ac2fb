// The sheet's way from draft to published, through the shared workflow engine: the office
// submits, a leader publishes it or returns it to draft with a reason.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { scheduleEntry, scheduleSheet } from "@/db/schema/schedule";
import { appUser, userRole } from "@/db/schema/users";
import { scheduleHref, type ScheduleStatus } from "@/lib/schedule";
import { scheduleActionInput, type ScheduleActionInput } from "@/lib/schemas/schedule";
import { appendAudit } from "../audit/append";
import type { Actor } from "../authz/actor";
import { AppError } from "../errors";
import { notifyUsers } from "../notify/notify";
import { applyAction, type BaseOutcome, type Transition, type Workflow } from "../workflow/engine";
import { loadVisibleSheet, mayDraftSheet, type SheetRow } from "./access";

type Ctx = { tx: Tx; actor: Actor; sheet: SheetRow };
type Outcome = BaseOutcome<ScheduleStatus> & {
  patch: Partial<typeof scheduleSheet.$inferInsert>;
  audit: { action: string; data?: Record<string, unknown> };
  notify?: { userIds: string[]; messageKey: string; params?: Record<string, string> };
};
export type ScheduleActionResult = { id: string; status: ScheduleStatus; version: number };

async function leadersOf(tx: Tx, organisationId: string) {
  const rows = await tx
    .select({ id: appUser.id })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(
      and(
        eq(userRole.organisationId, organisationId),
        eq(userRole.role, "leader"),
        eq(appUser.active, true),
      ),
    );
  return rows.map((r) => r.id);
}

const transitions: readonly Transition<ScheduleStatus, Ctx, ScheduleActionInput, Outcome>[] = [
  {
    action: "submit",
    from: ["draft"],
    to: ["submitted"],
    who: "schedule.draft",
    run: async ({ tx, actor, sheet }) => {
      if (!mayDraftSheet(actor, sheet.unitId)) {
        throw new AppError("FORBIDDEN", "schedule.errors.notYourSheet");
      }
      const [one] = await tx
        .select({ id: scheduleEntry.id })
        .from(scheduleEntry)
        .where(eq(scheduleEntry.sheetId, sheet.id))
        .limit(1);
      if (!one) throw new AppError("CONFLICT", "schedule.errors.emptySheet");
      return {
        to: "submitted",
        patch: { submittedById: actor.userId, submittedAt: new Date(), returnReason: null },
        audit: { action: "schedule.submitted" },
        notify: {
          userIds: await leadersOf(tx, sheet.organisationId),
          messageKey: "scheduleSubmitted",
        },
      };
    },
  },
  {
    action: "publish",
    from: ["submitted"],
    to: ["published"],
    who: "schedule.approve",
    run: async ({ actor, sheet }) => ({
      to: "published",
      patch: { publishedById: actor.userId, publishedAt: new Date() },
      audit: { action: "schedule.published" },
      notify: {
        userIds: [sheet.submittedById, sheet.createdById].filter((id): id is string => !!id),
        messageKey: "schedulePublished",
      },
    }),
  },
  {
    action: "return",
    from: ["submitted"],
    to: ["draft"],
    who: "schedule.approve",
    run: async ({ sheet }, payload) => {
      const reason = payload.action === "return" ? payload.reason : "";
      return {
        to: "draft",
        patch: { returnReason: reason },
        audit: { action: "schedule.returned", data: { reason: reason.slice(0, 500) } },
        notify: {
          userIds: [sheet.submittedById].filter((id): id is string => !!id),
          messageKey: "scheduleReturned",
          params: { reason: reason.slice(0, 200) },
        },
      };
    },
  },
];

const scheduleWorkflow: Workflow<
  SheetRow,
  ScheduleStatus,
  ScheduleActionInput,
  Ctx,
  Outcome,
  ScheduleActionResult
> = {
  name: "schedule",
  input: scheduleActionInput,
  transitions,
  load: (tx, actor, id) => loadVisibleSheet(tx, actor, id, { forUpdate: true }),
  context: (tx, actor, sheet) => ({ tx, actor, sheet }),
  save: async (tx, _actor, sheet, outcome, to) => {
    const [row] = await tx
      .update(scheduleSheet)
      .set({
        ...outcome.patch,
        status: to,
        version: sql`${scheduleSheet.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(scheduleSheet.id, sheet.id))
      .returning({
        id: scheduleSheet.id,
        status: scheduleSheet.status,
        version: scheduleSheet.version,
      });
    return row!;
  },
  record: async (tx, actor, sheet, outcome, to) => {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actor,
      action: outcome.audit.action,
      entityType: "scheduleSheet",
      entityId: sheet.id,
      data: {
        year: sheet.year,
        week: sheet.week,
        unitId: sheet.unitId,
        from: sheet.status,
        to,
        ...outcome.audit.data,
      },
    });
    if (outcome.notify) {
      await notifyUsers(tx, {
        organisationId: actor.organisationId,
        userIds: outcome.notify.userIds.filter((id) => id !== actor.userId),
        kind: "schedule",
        messageKey: outcome.notify.messageKey,
        params: {
          week: String(sheet.week),
          year: String(sheet.year),
          href: scheduleHref({ year: sheet.year, week: sheet.week }, sheet.unitId),
          ...outcome.notify.params,
        },
      });
    }
  },
};

export function applyScheduleAction(
  db: Db,
  actor: Actor,
  request: { id: string; version: number; input: unknown },
): Promise<ScheduleActionResult> {
  return applyAction(db, actor, scheduleWorkflow, request);
}
