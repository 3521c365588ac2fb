"use client";

import { Button, Group } from "@mantine/core";
import { IconFileSpreadsheet, IconPrinter } from "@tabler/icons-react";
import { useTranslations } from "next-intl";

/**
 * Plain links to the download routes: the browser saves the file under the Vietnamese name
 * the server gives, and a refusal comes back as a message in the user's language.
 */
export function DownloadButtons({
  pdfHref,
  xlsxHref,
  pdfLabel,
}: {
  pdfHref: string;
  xlsxHref: string;
  pdfLabel: string;
}) {
  const t = useTranslations("reports");
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={pdfHref}
        variant="light"
        leftSection={<IconPrinter size={16} />}
        data-testid="download-pdf"
      >
        {pdfLabel}
      </Button>
      <Button
        component="a"
        href={xlsxHref}
        variant="light"
        color="teal"
        leftSection={<IconFileSpreadsheet size={16} />}
        data-testid="download-xlsx"
      >
        {t("downloadXlsx")}
      </Button>
    </Group>
  );
}
