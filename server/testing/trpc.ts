import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { zodFieldErrors } from "@/server/zod-errors";
import { AppError } from "@/server/errors";

/** The TRPCError a call was refused with; fails the test when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/** Field → message keys, whether the refusal came from the input schema or from the service. */
export function fieldKeys(error: TRPCError): Record<string, string[]> {
  const cause = error.cause;
  const fields =
    cause instanceof AppError
      ? cause.fieldErrors
      : cause instanceof ZodError
        ? zodFieldErrors(cause)
        : {};
  return Object.fromEntries(
    Object.entries(fields).map(([field, errs]) => [field, errs.map((e) => e.key)]),
  );
}
