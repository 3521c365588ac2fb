import "server-only";
import { getDb } from "@/db/client";
import { EDXML_MAX_BYTES } from "../edxml/parse";
import { translate } from "../i18n/translate";
import { receiveMessage } from "./receive";

const answer = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** POST /api/exchange/inbox: see receiveMessage. */
export async function exchangeInboxRoute(request: Request): Promise<Response> {
  const tooLarge = () =>
    answer(413, {
      error: translate("vi", "edxml.tooLarge", { max: Math.round(EDXML_MAX_BYTES / 1024 / 1024) }),
      key: "edxml.tooLarge",
    });
  if (Number(request.headers.get("content-length") ?? 0) > EDXML_MAX_BYTES) return tooLarge();
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > EDXML_MAX_BYTES) return tooLarge();
  if (body.length === 0) {
    return answer(400, { error: translate("vi", "files.empty"), key: "files.empty" });
  }
  try {
    const { status, body: result } = await receiveMessage(getDb(), body);
    return answer(status, result);
  } catch (error) {
    // Not acknowledged: the sender tries again later.
    console.error("Exchange receipt failed", error);
    return answer(503, { error: translate("vi", "exchange.failed"), key: "exchange.failed" });
  }
}
