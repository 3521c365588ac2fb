"use client";

import { Button, Group, type MantineSize } from "@mantine/core";
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
  size = "sm",
}: {
  pdfHref: string;
  xlsxHref: string;
  pdfLabel: string;
  size?: MantineSize;
}) {
  const icon = size === "xs" ? 14 : 16;
  const t = useTranslations("reports");
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={pdfHref}
        variant="light"
        size={size}
        leftSection={<IconPrinter size={icon} />}
        data-testid="download-pdf"
      >
        {pdfLabel}
      </Button>
      <Button
        component="a"
        href={xlsxHref}
        // Teal text on its light fill falls just under 4.5:1: a plain button, the icon in teal.
        variant="default"
        size={size}
        leftSection={<IconFileSpreadsheet size={icon} color="var(--mantine-color-teal-8)" />}
        data-testid="download-xlsx"
      >
        {t("downloadXlsx")}
      </Button>
    </Group>
  );
}
