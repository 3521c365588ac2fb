"use client";

import { Alert, Badge, Button, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconBook2,
  IconCalendarPlus,
  IconCalendarQuestion,
  IconCheck,
  IconChecklist,
  IconEye,
  IconMessage2,
  IconNotes,
  IconSend,
  IconShare,
  IconUserShare,
  IconX,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ActionForm, reviewName, targetName, type ActionDialog } from "./action-forms";
import { formatDate } from "./document-format";
import type { AssignmentView, IncomingDocumentView } from "./document-types";
import { useDocumentAction } from "./use-document-action";

/**
 * What this person may do now, as the server's `can` says (the server checks again on every
 * action). Each button opens its form; a form whose action is no longer offered after a reload
 * disappears with it.
 */
export function ActionsPanel({
  view,
  currentUserId,
}: {
  view: IncomingDocumentView;
  currentUserId: string;
}) {
  const t = useTranslations("documentPage");
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const close = () => setDialog(null);
  const { document: doc, can, assignments, extensions, history } = view;
  // The clerk's proposal is what a leader reads first when asked to direct.
  const proposal = can.direct ? history.findLast((e) => e.action === "presented") : undefined;
  const needsDirectory =
    can.present || can.direct || can.forward || can.parts.some((p) => p.assignToSpecialist);
  const directory = useQuery({ ...trpc.directory.staff.queryOptions(), enabled: needsDirectory });
  const markRead = useDocumentAction(doc, { onClose: close });

  const byId = new Map(assignments.map((a) => [a.id, a]));
  const parts = can.parts.flatMap((p) => {
    const a = byId.get(p.assignmentId);
    return a ? [{ ...p, assignment: a }] : [];
  });
  // A specialist's part is named after the unit it belongs to; a person's own part needs no name.
  const partTitle = (a: AssignmentView) => {
    const unitPart = a.parentId ? byId.get(a.parentId) : undefined;
    if (unitPart) return t("yourPart", { name: targetName(unitPart) });
    return a.unitId ? t("yourPart", { name: targetName(a) }) : t("yourOwnPart");
  };
  const pending = extensions.filter((e) => can.decideExtensions.includes(e.id));
  const toReview = can.review.flatMap((id) => {
    const a = byId.get(id);
    return a ? [a] : [];
  });
  const general =
    can.register ||
    can.present ||
    can.direct ||
    can.addNote ||
    can.markRead ||
    can.returnToSender ||
    can.withdrawDirection ||
    can.forward;
  if (!general && parts.length === 0 && pending.length === 0 && toReview.length === 0) return null;

  const open = (d: ActionDialog) => () => setDialog(d);

  return (
    <Card withBorder padding="md" data-testid="actions-panel">
      <Title order={4} mb="sm">
        {t("actionsTitle")}
      </Title>
      {can.direct && doc.status === "presented" && (
        <Alert color="indigo" variant="light" mb="sm" data-testid="asked-to-direct">
          <Text size="sm" fw={600}>
            {t("askedToDirect")}
          </Text>
          {proposal?.note && (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }} data-testid="proposal">
              <Text span size="sm" c="dimmed">
                {t("proposalBy", { name: proposal.actorName ?? "" })}:{" "}
              </Text>
              {proposal.note}
            </Text>
          )}
        </Alert>
      )}
      <Stack gap="xs">
        {can.register && (
          <Button
            leftSection={<IconBook2 size={16} />}
            onClick={open({ kind: "register" })}
            data-testid="action-register"
          >
            {t("register")}
          </Button>
        )}
        {can.present && (
          <Button
            leftSection={<IconSend size={16} />}
            onClick={open({ kind: "present" })}
            data-testid="action-present"
          >
            {t(doc.status === "presented" ? "presentAgain" : "present")}
          </Button>
        )}
        {can.direct && (
          <Button
            leftSection={<IconMessage2 size={16} />}
            onClick={open({ kind: "direct" })}
            data-testid="action-direct"
          >
            {t(doc.status === "in_progress" ? "redirect" : "direct")}
          </Button>
        )}
        {can.markRead && (
          <Button
            leftSection={<IconEye size={16} />}
            loading={markRead.pending}
            onClick={() => markRead.act({ action: "markRead" }, t("markReadDone"))}
            data-testid="action-mark-read"
          >
            {t("markRead")}
          </Button>
        )}
        {can.addNote && (
          <Button
            variant="light"
            leftSection={<IconNotes size={16} />}
            onClick={open({ kind: "note" })}
            data-testid="action-note"
          >
            {t("addNote")}
          </Button>
        )}
        {can.returnToSender && (
          <Button
            variant="outline"
            color="red"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={open({ kind: "returnToSender" })}
            data-testid="action-return-sender"
          >
            {t("returnToSender")}
          </Button>
        )}
        {can.forward && (
          <Button
            variant="light"
            leftSection={<IconShare size={16} />}
            onClick={open({ kind: "forward" })}
            data-testid="action-forward"
          >
            {t("forward")}
          </Button>
        )}
        {can.withdrawDirection && (
          <Button
            variant="outline"
            color="orange"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={open({ kind: "withdrawDirection" })}
            data-testid="action-withdraw-direction"
          >
            {t("withdrawDirection")}
          </Button>
        )}

        {toReview.map((a) => (
          <Stack key={a.id} gap="xs" data-testid="result-to-review">
            <Divider label={t("resultToReview")} labelPosition="left" />
            <Text size="sm" fw={600}>
              {reviewName(a, byId)}
            </Text>
            <Text size="sm" lineClamp={4} style={{ whiteSpace: "pre-wrap" }}>
              {a.result}
            </Text>
            <Button
              color="green"
              leftSection={<IconChecklist size={16} />}
              onClick={open({ kind: "review", assignmentId: a.id })}
              data-testid="action-review"
            >
              {t("review")}
            </Button>
          </Stack>
        ))}

        {parts.map((p) => (
          <Stack key={p.assignmentId} gap="xs" data-testid="my-part">
            <Divider mt={4} />
            <Group gap={6} wrap="wrap" align="center">
              <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                {t(`role.${p.assignment.role}`)}
              </Badge>
              <Text size="sm" fw={600}>
                {partTitle(p.assignment)}
              </Text>
            </Group>
            {p.assignment.deadline && (
              <Text size="xs" c="dimmed" mt={-4}>
                {t("deadlineOn", { deadline: formatDate(p.assignment.deadline) })}
              </Text>
            )}
            {p.assignToSpecialist && (
              <Button
                leftSection={<IconUserShare size={16} />}
                onClick={open({ kind: "assign", assignmentId: p.assignmentId })}
                data-testid="action-assign"
              >
                {t("assign")}
              </Button>
            )}
            {p.submitResult && (
              <Button
                color="green"
                leftSection={<IconCheck size={16} />}
                onClick={open({ kind: "submitResult", assignmentId: p.assignmentId })}
                data-testid="action-submit-result"
              >
                {t(p.assignment.role === "lead" ? "submitResultLead" : "submitResultCo")}
              </Button>
            )}
            {p.requestExtension && (
              <Button
                variant="light"
                leftSection={<IconCalendarPlus size={16} />}
                onClick={open({ kind: "extension", assignmentId: p.assignmentId })}
                data-testid="action-extension"
              >
                {t("requestExtension")}
              </Button>
            )}
            {p.returnPart && (
              <Button
                variant="light"
                color="orange"
                leftSection={<IconX size={16} />}
                onClick={open({ kind: "returnPart", assignmentId: p.assignmentId })}
                data-testid="action-return"
              >
                {t("returnPart")}
              </Button>
            )}
          </Stack>
        ))}

        {pending.map((e) => {
          const part = byId.get(e.assignmentId);
          return (
            <Stack key={e.id} gap="xs" data-testid="pending-extension">
              <Divider label={t("pendingExtension")} labelPosition="left" />
              <Text size="sm">
                {t("pendingExtensionLine", {
                  who: e.requestedBy,
                  part: part ? targetName(part) : "",
                  to: formatDate(e.requestedDeadline),
                })}
              </Text>
              <Button
                leftSection={<IconCalendarQuestion size={16} />}
                onClick={open({ kind: "decide", requestId: e.id })}
                data-testid="action-decide"
              >
                {t("decideExtension")}
              </Button>
            </Stack>
          );
        })}
        {directory.isError && (
          <Alert color="red" variant="light">
            {t("directoryError")}
          </Alert>
        )}
      </Stack>
      {dialog && (
        <ActionForm
          dialog={dialog}
          view={view}
          directory={directory.data}
          currentUserId={currentUserId}
          onClose={close}
        />
      )}
    </Card>
  );
}
