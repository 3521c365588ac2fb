import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { Action } from "@/lib/permissions";
import { assertCan, type Actor } from "../authz/actor";
import { uncachedActors, type ActorSource } from "../authz/actor-cache";
import { AppError, type AppErrorCode, type FieldError } from "../errors";
import type { Locale } from "../i18n/locale";
import { translate } from "../i18n/translate";
import { transformer } from "./transformer";
import { zodFieldErrors } from "../zod-errors";

export type Context = {
  db: Db;
  locale: Locale;
  session: { userId: string; sessionEpoch: number } | null;
  /** Where the actor comes from; without it, from the database on every call. */
  actors?: ActorSource;
};

const statusByCode: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  STALE: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export type ProcedureMeta = {
  /** Answers someone still signed in with a temporary password (only what changing it needs). */
  temporaryPasswordOk?: boolean;
};

/** Field errors translated into the user's language: `{ field: ["message", ...] }`. */
export type TranslatedFieldErrors = Record<string, string[]>;

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? "vi";
      const cause = error.cause;
      let appCode: AppErrorCode | null = null;
      let message = shape.message;
      let fieldErrors: Record<string, FieldError[]> = {};
      if (cause instanceof AppError) {
        appCode = cause.code;
        fieldErrors = cause.fieldErrors;
        const params = { ...cause.params };
        if (typeof params.action === "string") {
          params.action = translate(locale, `permissions.${params.action}`);
        }
        message = translate(locale, cause.messageKey, params);
      } else if (cause instanceof ZodError) {
        appCode = "VALIDATION";
        fieldErrors = zodFieldErrors(cause);
        message = translate(locale, "errors.validation");
      } else if (error.code === "INTERNAL_SERVER_ERROR") {
        message = translate(locale, "errors.internal");
      } else if (error.code === "UNAUTHORIZED") {
        message = translate(locale, "errors.unauthorized");
      }
      const translated: TranslatedFieldErrors = {};
      for (const [field, errs] of Object.entries(fieldErrors)) {
        translated[field] = errs.map((e) => translate(locale, e.key, e.params));
      }
      return {
        ...shape,
        message,
        data: { ...shape.data, appCode, fieldErrors: translated, stack: undefined },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Domain errors become tRPC errors here, and only here. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: statusByCode[cause.code], message: cause.messageKey, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { session: ctx.session } });
});

/**
 * A member of an organisation: the actor is resolved once per request. Until a temporary
 * password (set by an admin) is changed, the member is refused everything not marked
 * `temporaryPasswordOk`: whoever learnt the temporary password must not work with it.
 */
export const memberProcedure = signedInProcedure.use(async ({ ctx, type, meta, next }) => {
  const actors = ctx.actors ?? uncachedActors;
  const actor: Actor | null =
    type === "query"
      ? await actors.forRead(ctx.db, ctx.session)
      : await actors.forWrite(ctx.db, ctx.session);
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED" });
  if (actor.mustChangePassword && !meta?.temporaryPasswordOk) {
    throw new AppError("FORBIDDEN", "errors.mustChangePassword");
  }
  return next({ ctx: { actor } });
});

export const permissionProcedure = (action: Action) =>
  memberProcedure.use(({ ctx, next }) => {
    assertCan(ctx.actor, action);
    return next();
  });
