"use client";

import type { MantineColor } from "@mantine/core";
import type { Confidentiality, Urgency } from "@/lib/documents";

/**
 * The colours of the urgency and confidentiality choices in the reception and drafting forms:
 * Hỏa tốc red, Thượng khẩn and Khẩn orange, as on the red-stamped paper; the secret levels grape.
 */
export const urgencyChoiceColor: Record<Urgency, MantineColor> = {
  normal: "indigo",
  urgent: "orange",
  very_urgent: "orange.8",
  flash: "red",
};
export const confidentialityChoiceColor: Record<Confidentiality, MantineColor> = {
  normal: "indigo",
  confidential: "grape",
  secret: "grape.8",
  top_secret: "grape.9",
};

/** Each segment as wide as its label, so "Thượng khẩn" fits beside the others on a phone. */
export const contentWidthSegments = { control: { flex: "1 1 auto" } };
