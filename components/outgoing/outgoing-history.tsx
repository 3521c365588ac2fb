"use client";

import { QuotedNote } from "@/components/ui/quoted-note";
import { Card, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconCheck,
  IconDeviceFloppy,
  IconDeviceMobile,
  IconFilePlus,
  IconMessage2,
  IconPoint,
  IconSend,
  IconSignature,
  IconRubberStamp,
  IconX,
} from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/documents/document-format";
import type { OutgoingEvent } from "./outgoing-types";

const icons: Record<string, { icon: ReactNode; color: string }> = {
  drafted: { icon: <IconFilePlus size={14} />, color: "gray" },
  draftSaved: { icon: <IconDeviceFloppy size={14} />, color: "blue" },
  sentOnRoute: { icon: <IconSend size={14} />, color: "violet" },
  reviewMarked: { icon: <IconCheck size={14} />, color: "teal" },
  formatChecked: { icon: <IconCheck size={14} />, color: "teal" },
  returnedToStep: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  returnedToDrafter: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  draftRefused: { icon: <IconX size={14} />, color: "red" },
  draftCommented: { icon: <IconMessage2 size={14} />, color: "gray" },
  signatureRequested: { icon: <IconDeviceMobile size={14} />, color: "indigo" },
  signed: { icon: <IconSignature size={14} />, color: "indigo" },
  issued: { icon: <IconRubberStamp size={14} />, color: "green" },
  recallRequested: { icon: <IconArrowBackUp size={14} />, color: "red" },
};

const noteLabel: Record<string, string> = {
  sentOnRoute: "noteSend",
  returnedToStep: "noteReason",
  returnedToDrafter: "noteReason",
  draftRefused: "noteReason",
  recallRequested: "noteReason",
};

type Data = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" ? v : 0);

/** The sentence for one event, with its data. */
function useEventText() {
  const t = useTranslations("outgoingPage");
  return (e: OutgoingEvent): string => {
    const d: Data = (e.data as Data | null) ?? {};
    const key = `event.${e.action}`;
    if (!t.has(key)) return t("event.other", { action: e.action });
    switch (e.action) {
      case "drafted":
      case "draftSaved":
      case "draftCommented":
      case "signatureRequested":
        return t(key, { version: num(d.version) });
      case "sentOnRoute": {
        const kinds = Array.isArray(d.steps) ? (d.steps as string[]) : [];
        return t(key, {
          steps: kinds.map((k) => (t.has(`stepKind.${k}`) ? t(`stepKind.${k}`) : k)).join(" → "),
        });
      }
      case "reviewMarked":
      case "formatChecked":
      case "returnedToStep":
      case "returnedToDrafter":
      case "draftRefused":
        return t(key, { step: num(d.step) });
      case "recallRequested":
        return t(key, { kind: typeof d.kind === "string" ? d.kind : "recall" });
      default:
        return t(key);
    }
  };
}

/** The document's whole history, oldest first: who did what, when, and what they wrote. */
export function OutgoingHistory({ history }: { history: OutgoingEvent[] }) {
  const t = useTranslations("outgoingPage");
  const text = useEventText();
  return (
    <Card withBorder padding="md" data-testid="history">
      <Title order={4} mb="md">
        {t("historyTitle")}
      </Title>
      <Timeline active={history.length - 1} bulletSize={26} lineWidth={2}>
        {history.map((e) => {
          const style = icons[e.action] ?? { icon: <IconPoint size={14} />, color: "gray" };
          const restarted = num((e.data as Data | null)?.restarted);
          return (
            <Timeline.Item
              key={e.id}
              bullet={
                <ThemeIcon size={26} radius="xl" color={style.color}>
                  {style.icon}
                </ThemeIcon>
              }
              title={
                <Text fw={600} size="sm">
                  {text(e)}
                </Text>
              }
              data-testid={`event-${e.action}`}
            >
              <Text size="xs" c="dimmed">
                {(e.actorName ?? t("system")) + " · " + formatDateTime(e.createdAt)}
              </Text>
              {restarted > 0 && (
                <Text size="xs" c="orange.8">
                  {t("stepRestarted", { step: restarted })}
                </Text>
              )}
              {e.note && (
                <QuotedNote label={t(noteLabel[e.action] ?? "noteComment")}>{e.note}</QuotedNote>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
