import { getDb } from "@/db/client";
import { currentCrl } from "@/server/signing/service/certificates";

export const dynamic = "force-dynamic";

/** The deployment CA's revocation list, public as CRLs are: named in every certificate it issues. */
export async function GET(): Promise<Response> {
  const crl = await currentCrl(getDb());
  return new Response(new Uint8Array(crl), {
    headers: {
      "content-type": "application/pkix-crl",
      "cache-control": "public, max-age=300",
      "content-disposition": 'attachment; filename="lien-thong.crl"',
    },
  });
}
