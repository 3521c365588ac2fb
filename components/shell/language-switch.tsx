"use client";

import { SegmentedControl } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/server/auth/actions";

export function LanguageSwitch() {
  const locale = useLocale();
  const router = useRouter();
  const t = useTranslations("nav");
  const [pending, startTransition] = useTransition();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language")}
      disabled={pending}
      value={locale}
      data={[
        { value: "vi", label: "VI" },
        { value: "en", label: "EN" },
      ]}
      onChange={(value) =>
        startTransition(async () => {
          await setLocaleAction(value);
          router.refresh();
        })
      }
    />
  );
}
