"use client";

import { notifications } from "@mantine/notifications";

/** A refusal already in the user's words, in the red notice every refusal uses. */
export function notifyRefusal(message: string) {
  notifications.show({ color: "red", message, autoClose: 8000 });
}
