"use client";

import { useTRPCClient } from "@/components/providers/trpc";

/** A signing certificate of the person (or, for a clerk, the organisation's seal). */
export type MyCertificate = {
  id: string;
  purpose: "person" | "seal";
  subjectName: string;
  notAfter: Date | string;
  status: string;
  pinSet: boolean;
};

/** What issuing gives the document: its number and notation. */
export type IssueResult = {
  codeNumber?: string | number | null;
  codeNotation?: string | null;
  numberNotation?: string | null;
};

type SigningProcedures = {
  signing: {
    myCertificates: { query: () => Promise<MyCertificate[]> };
    setPin: { mutate: (input: { certificateId: string; pin: string }) => Promise<unknown> };
  };
  outgoing: {
    sign: {
      mutate: (input: { documentId: string; version: number; pin: string }) => Promise<unknown>;
    };
    issue: {
      mutate: (input: { documentId: string; version: number; pin: string }) => Promise<IssueResult>;
    };
  };
};

/**
 * The signing procedures (signature, seal and PIN), called through the same tRPC client as the
 * rest of the page, with the shapes the signing service answers in.
 */
export function useSigningProcedures(): SigningProcedures {
  return useTRPCClient() as unknown as SigningProcedures;
}
