"use client";

import { QuotedNote } from "@/components/ui/quoted-note";
import { Badge, Card, Group, List, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconBook2,
  IconCalendarCheck,
  IconCalendarPlus,
  IconCalendarX,
  IconCheck,
  IconChecklist,
  IconEye,
  IconInbox,
  IconMessage2,
  IconNotes,
  IconPoint,
  IconSend,
  IconShare,
  IconUserShare,
  IconX,
} from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDate, formatDateTime, statusColor } from "./document-format";
import type { HistoryEvent } from "./document-types";

type Data = Record<string, unknown>;
type Target = { name?: string; deadline?: string | null };

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const icons: Record<string, { icon: ReactNode; color: string }> = {
  registered: { icon: <IconBook2 size={14} />, color: "blue" },
  presented: { icon: <IconSend size={14} />, color: "violet" },
  directed: { icon: <IconMessage2 size={14} />, color: "indigo" },
  redirected: { icon: <IconMessage2 size={14} />, color: "orange" },
  assignedToSpecialist: { icon: <IconUserShare size={14} />, color: "indigo" },
  noted: { icon: <IconNotes size={14} />, color: "gray" },
  extensionRequested: { icon: <IconCalendarPlus size={14} />, color: "yellow" },
  extensionApproved: { icon: <IconCalendarCheck size={14} />, color: "green" },
  extensionRefused: { icon: <IconCalendarX size={14} />, color: "red" },
  partCompleted: { icon: <IconCheck size={14} />, color: "teal" },
  completed: { icon: <IconCheck size={14} />, color: "green" },
  partReturned: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  returned: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  returnedToSender: { icon: <IconArrowBackUp size={14} />, color: "red" },
  arrived: { icon: <IconInbox size={14} />, color: "blue" },
  recallAccepted: { icon: <IconArrowBackUp size={14} />, color: "red" },
  recallRefused: { icon: <IconX size={14} />, color: "orange" },
  read: { icon: <IconEye size={14} />, color: "teal" },
  resultSubmitted: { icon: <IconChecklist size={14} />, color: "violet" },
  resultAccepted: { icon: <IconCheck size={14} />, color: "teal" },
  resultSentBack: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  directionWithdrawn: { icon: <IconArrowBackUp size={14} />, color: "orange" },
  forwarded: { icon: <IconShare size={14} />, color: "cyan" },
};

const noteLabel: Record<string, string> = {
  presented: "noteProposal",
  extensionApproved: "noteOpinion",
  extensionRefused: "noteOpinion",
  directed: "noteDirection",
  redirected: "noteDirection",
  partCompleted: "noteResult",
  completed: "noteResult",
  partReturned: "noteReason",
  returned: "noteReason",
  returnedToSender: "noteReason",
  recallRefused: "noteReason",
  extensionRequested: "noteReason",
  resultSubmitted: "noteResult",
  resultAccepted: "noteOpinion",
  resultSentBack: "noteReason",
  directionWithdrawn: "noteReason",
};

/** The absent leader an action was taken for, when a delegate took it. */
const onBehalfOf = (e: HistoryEvent) => {
  const name = (e.data as Data | null)?.onBehalfOf;
  return typeof name === "string" && name ? name : null;
};

/** The sentence for one step: the action's message with its data, dates written dd/MM/yyyy. */
function useEventText() {
  const t = useTranslations("documentPage");
  const withDeadline = (target: Target) =>
    target.deadline
      ? t("nameWithDeadline", { name: target.name ?? "", deadline: formatDate(target.deadline) })
      : (target.name ?? "");
  return (e: HistoryEvent): { title: string; details: string[] } => {
    const d: Data = e.data ?? {};
    const key = `event.${e.action}`;
    if (!t.has(key)) return { title: t("event.other", { action: e.action }), details: [] };
    switch (e.action) {
      case "registered":
        return { title: t(key, { number: str(d.registryNumber) }), details: [] };
      case "presented":
        return { title: t(key, { leader: str(d.leader) }), details: [] };
      case "directed":
      case "redirected": {
        const lead = (d.lead ?? {}) as Target;
        const co = Array.isArray(d.co) ? (d.co as Target[]) : [];
        const info = Array.isArray(d.info) ? (d.info as string[]) : [];
        return {
          title: t(key, { lead: lead.name ?? "" }),
          details: [
            t("detailLead", { names: withDeadline(lead) }),
            ...(co.length ? [t("detailCo", { names: co.map(withDeadline).join("; ") })] : []),
            ...(info.length ? [t("detailInfo", { names: info.join("; ") })] : []),
          ],
        };
      }
      case "assignedToSpecialist":
        return {
          title: t(key, { specialist: str(d.specialist), role: str(d.role) || "lead" }),
          details: d.deadline ? [t("deadlineOn", { deadline: formatDate(str(d.deadline)) })] : [],
        };
      case "forwarded": {
        const to = Array.isArray(d.to) ? (d.to as string[]) : [];
        return { title: t(key, { names: to.join("; ") }), details: [] };
      }
      case "resultSubmitted":
      case "resultAccepted":
      case "noted": {
        const files = Array.isArray(d.files) ? (d.files as string[]) : [];
        return {
          title: t(key, { role: str(d.role) || "lead" }),
          details: [
            ...(files.length ? [t("detailFiles", { names: files.join(", ") })] : []),
            ...(d.reply ? [t("detailReply", { reply: str(d.reply) })] : []),
          ],
        };
      }
      case "extensionRequested":
        return {
          title: t(key, {
            from: d.from ? formatDate(str(d.from)) : "none",
            to: formatDate(str(d.to)),
          }),
          details: [],
        };
      case "extensionApproved":
        return { title: t(key, { granted: formatDate(str(d.granted)) }), details: [] };
      case "extensionRefused":
        return { title: t(key, { requested: formatDate(str(d.requested)) }), details: [] };
      case "partCompleted":
      case "completed":
      case "resultSentBack":
        return {
          title: t(key, { role: str(d.role) || "lead" }),
          details: d.lateForIssuer ? [t("lateForIssuer")] : [],
        };
      case "partReturned":
        return { title: t(key, { to: str(d.to) || "leader" }), details: [] };
      case "returnedToSender":
        return { title: t(key, { issuer: str(d.issuer) }), details: [] };
      case "arrived":
        return {
          title: t(key, {
            issuer: str(d.issuer),
            number: str(d.numberNotation),
            hasNumber: d.numberNotation ? "yes" : "no",
          }),
          details: [],
        };
      default:
        return { title: t(key), details: [] };
    }
  };
}

/** The document's whole history, oldest first: who did what, when, and what they wrote. */
export function HistoryTimeline({ history }: { history: HistoryEvent[] }) {
  const t = useTranslations("documentPage");
  const ts = useTranslations("documentStatus");
  const text = useEventText();
  return (
    <Card withBorder padding="md" data-testid="history">
      <Title order={4} mb="md">
        {t("historyTitle")}
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("historyEmpty")}
        </Text>
      ) : (
        <Timeline active={history.length - 1} bulletSize={26} lineWidth={2}>
          {history.map((e) => {
            const { title, details } = text(e);
            const style = icons[e.action] ?? { icon: <IconPoint size={14} />, color: "gray" };
            const late = Boolean((e.data as Data | null)?.late);
            const changed = e.toStatus && e.toStatus !== e.fromStatus;
            return (
              <Timeline.Item
                key={e.id}
                bullet={
                  <ThemeIcon size={26} radius="xl" color={style.color}>
                    {style.icon}
                  </ThemeIcon>
                }
                title={
                  <Group gap={6} wrap="wrap">
                    <Text fw={600} size="sm">
                      {title}
                    </Text>
                    {late && (
                      <Badge size="xs" color="red" variant="light">
                        {t("late")}
                      </Badge>
                    )}
                    {changed && (
                      <Badge size="xs" variant="outline" color={statusColor[e.toStatus!]}>
                        {ts(e.toStatus!)}
                      </Badge>
                    )}
                  </Group>
                }
                data-testid={`event-${e.action}`}
              >
                <Text size="xs" c="dimmed">
                  {(onBehalfOf(e)
                    ? t("onBehalfOf", { name: e.actorName ?? "", absent: onBehalfOf(e)! })
                    : (e.actorName ?? t("system"))) +
                    " · " +
                    formatDateTime(e.createdAt)}
                </Text>
                {details.length > 0 && (
                  <List size="sm" spacing={2} mt={4}>
                    {details.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                )}
                {e.note && (
                  <QuotedNote label={t(noteLabel[e.action] ?? "noteNote")}>{e.note}</QuotedNote>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
