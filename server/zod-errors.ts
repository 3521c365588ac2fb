import type { ZodError } from "zod";
import type { FieldError } from "./errors";

/** Maps zod issues to translatable field errors keyed by the field's path ("name", "address.city"). */
export function zodFieldErrors(error: ZodError): Record<string, FieldError[]> {
  const out: Record<string, FieldError[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    (out[field] ??= []).push(issueMessage(issue));
  }
  return out;
}

// Custom refinements carry a message key (e.g. "auth.passwordMismatch") as their message.
const looksLikeKey = (m: string) => /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(m);

/**
 * Nothing was given, as opposed to a value of the wrong type. zod keeps the input in an issue
 * only when asked to, but its message names what it received.
 */
function isMissing(issue: ZodError["issues"][number]): boolean {
  if ("input" in issue && issue.input !== undefined) return issue.input === null;
  return /received (undefined|null)$/.test(issue.message);
}

function issueMessage(issue: ZodError["issues"][number]): FieldError {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? { key: "validation.required" }
          : { key: "validation.tooShort", params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === "array" && Number(issue.minimum) <= 1)
        return { key: "validation.required" };
      return { key: "validation.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string")
        return { key: "validation.tooLong", params: { max: Number(issue.maximum) } };
      return { key: "validation.tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_type":
      return isMissing(issue) ? { key: "validation.required" } : { key: "validation.invalidType" };
    case "invalid_format":
      if (looksLikeKey(issue.message)) return { key: issue.message };
      if (issue.format === "email") return { key: "validation.email" };
      if (issue.format === "uuid") return { key: "validation.invalid" };
      return { key: "validation.format" };
    case "invalid_value":
      return { key: "validation.choice" };
    case "custom":
      return looksLikeKey(issue.message) ? { key: issue.message } : { key: "validation.invalid" };
    default:
      return { key: "validation.invalid" };
  }
}
