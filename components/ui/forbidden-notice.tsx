import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { getTranslations } from "next-intl/server";
import type { Action } from "@/lib/permissions";

/** Shown in place of a page the user may not use: says what is missing and whom to ask. */
export async function ForbiddenNotice({ action }: { action: Action }) {
  const t = await getTranslations();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLock />}
      title={t("errors.forbiddenTitle")}
      data-testid="forbidden"
    >
      {t("errors.forbidden", { action: t(`permissions.${action}`) })}
    </Alert>
  );
}
