import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./root";

/** tRPC for server components: the same procedures, permissions and errors as the HTTP endpoint. */
export const serverApi = cache(async () =>
  createCaller(await createContext({ headers: await headers() })),
);
