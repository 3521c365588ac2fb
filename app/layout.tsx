import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/schedule/styles.css";
import "./globals.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/providers/trpc";
import { theme } from "@/components/ui/theme";
import notificationClasses from "./notifications.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const common = await getTranslations("common");
  // The close button of a notification says what it does, in the reader's language.
  const localTheme = {
    ...theme,
    components: {
      ...theme.components,
      Notification: { defaultProps: { closeButtonProps: { "aria-label": common("close") } } },
    },
  };
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <NextIntlClientProvider>
          <MantineProvider theme={localTheme} defaultColorScheme="light">
            <Notifications position="top-right" classNames={notificationClasses} />
            <TrpcProvider>{children}</TrpcProvider>
          </MantineProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
