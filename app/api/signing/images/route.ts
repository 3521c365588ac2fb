import { IMAGE_MAX_BYTES } from "@/lib/schemas/signing";
import { answerUpload } from "@/server/files/routes";

export const dynamic = "force-dynamic";

/**
 * A picture for a signature (`?for=signature`, a leader's own) or a seal (`?for=seal`, the
 * deployment admin's), uploaded as /api/files takes files; it is chosen by a later tRPC call of
 * the same person (signing.setSignatureImage, signing.setSealImage), which checks it is a PNG.
 */
export function POST(request: Request): Promise<Response> {
  const seal = new URL(request.url).searchParams.get("for") === "seal";
  return answerUpload(request, {
    action: seal ? "signing.manage" : "signing.own",
    maxBytes: IMAGE_MAX_BYTES,
  });
}
