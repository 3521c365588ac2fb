"use client";

import { Button, Group } from "@mantine/core";
import { IconPrinter, IconRubberStamp } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { arrivalStampOf, type ArrivalStampData } from "@/lib/arrival-stamp";
import { ArrivalStampOverlay, ArrivalStampToggle, useStampPosition } from "./arrival-stamp";
import type { IncomingDocumentView } from "./document-types";
import type { PageGeometry } from "./pdf-page";

/** What a document offers to print: its handling slip, and its stamp when it has a number. */
export type DocumentPrints = { documentId: string; stamp: ArrivalStampData | null };

export function printsOf(view: IncomingDocumentView): DocumentPrints {
  const doc = view.document;
  return {
    documentId: doc.id,
    stamp: arrivalStampOf({
      organisationName: doc.organisationName,
      registryName: doc.registryName,
      registryNumber: doc.registryNumber,
      arrivalDate: doc.arrivalDate,
      registeredAt: doc.registeredAt,
      assignments: view.assignments,
      history: view.history,
    }),
  };
}

/** The stamp over page 1 of the main file and its button in the viewer's toolbar. */
export function stampLayers(prints: DocumentPrints | undefined): {
  tools?: ReactNode;
  firstPageOverlay?: (page: PageGeometry) => ReactNode;
} {
  const stamp = prints?.stamp;
  if (!prints || !stamp) return {};
  return {
    tools: <ArrivalStampToggle />,
    firstPageOverlay: (page) => (
      <ArrivalStampOverlay documentId={prints.documentId} stamp={stamp} page={page} />
    ),
  };
}

/**
 * Links that open the handling slip and the stamped copy in a new tab, to print from the
 * browser's PDF reader (or save, under the name the server gives). The copy is stamped where
 * the stamp was left on screen.
 */
export function PrintButtons({ prints, hasPdf }: { prints: DocumentPrints; hasPdf: boolean }) {
  const t = useTranslations("prints");
  const [position] = useStampPosition(prints.documentId);
  const base = `/api/documents/${prints.documentId}`;
  const at = new URLSearchParams({
    inline: "1",
    x: String(Math.round(position.x)),
    y: String(Math.round(position.y)),
  });
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={`${base}/slip?inline=1`}
        target="_blank"
        rel="noopener"
        size="xs"
        variant="light"
        leftSection={<IconPrinter size={14} />}
        title={t("printSlipHint")}
        data-testid="print-slip"
      >
        {t("printSlip")}
      </Button>
      {prints.stamp && hasPdf && (
        <Button
          component="a"
          href={`${base}/stamped-copy?${at.toString()}`}
          target="_blank"
          rel="noopener"
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconRubberStamp size={14} />}
          title={t("stampedCopyHint")}
          data-testid="print-stamped"
        >
          {t("stampedCopy")}
        </Button>
      )}
    </Group>
  );
}
