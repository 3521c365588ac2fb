"use client";

import { Alert, Anchor, Button, Card, Stack, Text, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconCheck,
  IconEdit,
  IconMessage2,
  IconSend,
  IconSignature,
  IconRubberStamp,
  IconX,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ApproveForm, CommentForm, RefuseForm, ReturnForm } from "./decision-forms";
import { EditDraft } from "./edit-draft";
import { isAllowed, type OutgoingView } from "./outgoing-types";
import { PREVIEW_ANCHOR } from "./draft-preview";
import { RouteBuilder } from "./route-builder";
import { myTurn } from "./route-state";
import { SignDialog } from "./sign-dialog";

type Dialog =
  "approve" | "return" | "refuse" | "comment" | "send" | "edit" | "sign" | "issue" | null;

/** What is asked of this person, in one sentence, with the draft's link on a phone. */
function AskedOfMe({ view, currentUserId }: { view: OutgoingView; currentUserId: string }) {
  const t = useTranslations("outgoingPage");
  const step = myTurn(view, currentUserId);
  const isDrafter = view.drafter.id === currentUserId;
  let title: string | null = null;
  let hint: string | null = null;
  if (step) {
    title = t(`askedTo.${step.kind}`);
    hint = t(`askedHint.${step.kind}`, { version: view.draft.currentVersion });
  } else if (isAllowed(view, "issue")) {
    title = t("askedTo.issue");
    hint = t("askedHint.issue");
  } else if (isDrafter && view.status === "returned_to_drafter") {
    title = t("askedTo.revise");
    hint = t("askedHint.revise");
  } else if (isDrafter && view.status === "draft") {
    title = t("askedTo.send");
    hint = t("askedHint.send");
  }
  if (!title) return null;
  return (
    <Alert color="indigo" variant="light" data-testid="asked-of-me" data-step={step?.kind}>
      <Text size="md" fw={700} data-testid="asked-title">
        {title}
      </Text>
      {hint && (
        <Text size="sm" mt={4}>
          {hint}{" "}
          <Anchor
            href={`#${PREVIEW_ANCHOR}`}
            size="sm"
            c="indigo.9"
            fw={600}
            underline="always"
            hiddenFrom="lg"
          >
            {t("readDraft")}
          </Anchor>
        </Text>
      )}
    </Alert>
  );
}

/**
 * What this person may do now, as the server's `allowed` lists it (the server checks again on
 * every action): the decision asked of them first, then the lesser ones. Each button opens its
 * dialog; a dialog whose action is no longer offered after a reload closes with it.
 */
export function OutgoingActions({
  view,
  currentUserId,
}: {
  view: OutgoingView;
  currentUserId: string;
}) {
  const t = useTranslations("outgoingPage");
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const step = myTurn(view, currentUserId);
  const can = {
    // Offered to whoever may approve while the draft is on its route; only the signers of its
    // signature step, while it waits for them, can sign.
    sign: isAllowed(view, "sign") && step?.kind === "sign",
    issue: isAllowed(view, "issue"),
    approve: isAllowed(view, "approveStep") && step !== null && step.kind !== "sign",
    send: isAllowed(view, "sendOnRoute"),
    edit: isAllowed(view, "saveDraft"),
    return: isAllowed(view, "returnDraft"),
    refuse: isAllowed(view, "refuse"),
    comment: isAllowed(view, "comment"),
  };
  // Sent back to the drafter: revising comes first, sending it again after.
  const revising = can.edit && view.status === "returned_to_drafter";
  const directory = useQuery({ ...trpc.directory.staff.queryOptions(), enabled: can.send });

  const open = (d: Dialog) => () => setDialog(d);
  let form: ReactNode = null;
  if (dialog === "approve" && can.approve && step) {
    form = <ApproveForm view={view} step={step} onClose={close} />;
  } else if (dialog === "return" && can.return) {
    form = <ReturnForm view={view} onClose={close} />;
  } else if (dialog === "refuse" && can.refuse) {
    form = <RefuseForm view={view} onClose={close} />;
  } else if (dialog === "comment" && can.comment) {
    form = <CommentForm view={view} onClose={close} />;
  } else if (dialog === "send" && can.send && directory.data) {
    form = <RouteBuilder view={view} directory={directory.data} onClose={close} />;
  } else if (dialog === "edit" && can.edit) {
    form = <EditDraft view={view} onClose={close} />;
  } else if (dialog === "sign" || dialog === "issue") {
    // Opened only when offered; it stays open after issuing, to show the number given.
    form = <SignDialog view={view} mode={dialog} onClose={close} />;
  }
  // The dialog stays in its place in the tree when the panel goes: issuing ends with nothing
  // left to do and the number given still shown.
  const offered = Object.values(can).some(Boolean);
  return (
    <>
      {offered && (
        <Card withBorder padding="md" data-testid="actions-panel">
          <Title order={4} mb="sm">
            {t("actionsTitle")}
          </Title>
          <Stack gap="xs">
            <AskedOfMe view={view} currentUserId={currentUserId} />
            {can.sign && (
              <Button
                size="md"
                leftSection={<IconSignature size={18} />}
                onClick={open("sign")}
                data-testid="action-sign"
              >
                {t("sign")}
              </Button>
            )}
            {can.issue && (
              <Button
                size="md"
                leftSection={<IconRubberStamp size={18} />}
                onClick={open("issue")}
                data-testid="action-issue"
              >
                {t("issue")}
              </Button>
            )}
            {can.approve && step && (
              <Button
                size="md"
                color="green"
                leftSection={<IconCheck size={18} />}
                onClick={open("approve")}
                data-testid="action-approve"
              >
                {t(`approve.${step.kind}`)}
              </Button>
            )}
            {can.edit && (
              <Button
                variant={revising ? "filled" : "light"}
                size={revising ? "md" : "sm"}
                leftSection={<IconEdit size={16} />}
                onClick={open("edit")}
                data-testid="action-edit"
              >
                {t("edit")}
              </Button>
            )}
            {can.send && (
              <Button
                variant={revising ? "light" : "filled"}
                size="md"
                leftSection={<IconSend size={18} />}
                loading={dialog === "send" && directory.isPending}
                onClick={open("send")}
                data-testid="action-send"
              >
                {t(view.status === "returned_to_drafter" ? "sendAgain" : "send")}
              </Button>
            )}
            {can.return && (
              <Button
                // Orange text does not reach AA contrast on white: the colour is in the icon.
                variant="default"
                leftSection={<IconArrowBackUp size={16} color="var(--mantine-color-orange-8)" />}
                onClick={open("return")}
                data-testid="action-return"
              >
                {t("return")}
              </Button>
            )}
            {can.refuse && (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconX size={16} />}
                onClick={open("refuse")}
                data-testid="action-refuse"
              >
                {t("refuse")}
              </Button>
            )}
            {can.comment && (
              <Button
                variant="light"
                leftSection={<IconMessage2 size={16} />}
                onClick={open("comment")}
                data-testid="action-comment"
              >
                {t("comment")}
              </Button>
            )}
            {dialog === "send" && directory.isError && (
              <Alert color="red" variant="light">
                {t("directoryError")}
              </Alert>
            )}
          </Stack>
        </Card>
      )}
      {form}
    </>
  );
}
