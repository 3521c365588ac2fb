import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["recipients"];

/** An open organisation the "Kính gửi" field offers. */
export type RecipientChoice = Outputs["search"]["organisations"][number];
/** What has become of an organisation a draft or a group names. */
export type RecipientState = Outputs["describe"][number];
export type RecipientGroupRow = Outputs["groups"]["groups"][number];
