"use client";

import { Alert, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useForm, type GetInputPropsReturnType } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/documents/action-dialog";
import { CharacterCount } from "@/components/ui/character-count";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import type { OutgoingView, RouteStepView } from "./outgoing-types";
import { returnTargets } from "./route-state";
import { useOutgoingAction } from "./use-outgoing-action";

const COMMENT_MAX = 2000;
const REMARK_MAX = 4000;

type FormProps = { view: OutgoingView; onClose: () => void };

/** A comment box with its count, the same in every decision. */
function CommentField({
  label,
  placeholder,
  required,
  max,
  testId,
  readOnly,
  inputProps,
}: {
  label: string;
  placeholder?: string;
  required?: boolean;
  max: number;
  testId: string;
  readOnly?: boolean;
  inputProps: GetInputPropsReturnType;
}) {
  return (
    <Textarea
      label={label}
      placeholder={placeholder}
      required={required}
      autosize
      minRows={3}
      maxRows={10}
      maxLength={max}
      readOnly={readOnly}
      data-autofocus
      data-testid={testId}
      description={<CharacterCount value={String(inputProps.value ?? "")} max={max} />}
      inputWrapperOrder={["label", "input", "description", "error"]}
      {...inputProps}
    />
  );
}

/** The member agrees at their step (review mark, format check), with an optional remark. */
export function ApproveForm({ view, step, onClose }: FormProps & { step: RouteStepView }) {
  const t = useTranslations("outgoingPage");
  const form = useForm({ initialValues: { comment: "" } });
  const { act, pending } = useOutgoingAction(view, { onClose, form });
  const submit = form.onSubmit((v) =>
    act(
      { action: "approveStep", comment: v.comment.trim() || null },
      t(`approveDone.${step.kind}`),
    ),
  );
  return (
    <ActionDialog title={t(`approveTitle.${step.kind}`)} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="approve-form">
        <Stack gap="sm">
          <Text size="sm">
            {t(`approveHint.${step.kind}`, { version: view.draft.currentVersion })}
          </Text>
          <CommentField
            label={t("approveComment")}
            placeholder={t("approveCommentPlaceholder")}
            max={COMMENT_MAX}
            testId="approve-comment"
            inputProps={form.getInputProps("comment")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t(`approve.${step.kind}`)}
          pending={pending}
          color="green"
          testId="approve-submit"
        />
      </form>
    </ActionDialog>
  );
}

const TO_DRAFTER = "drafter";

/**
 * The member sends the draft back with the reason: to the drafter, who revises it, or to an
 * earlier step, which decides again.
 */
export function ReturnForm({ view, onClose }: FormProps) {
  const t = useTranslations("outgoingPage");
  const tv = useTranslations("validation");
  const earlier = returnTargets(view);
  const form = useForm({
    initialValues: { to: TO_DRAFTER, comment: "" },
    validate: { comment: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useOutgoingAction(view, {
    onClose,
    form,
    fieldOf: (field) => (field === "toPosition" ? "to" : field),
  });
  const submit = form.onSubmit((v) =>
    act(
      {
        action: "returnDraft",
        toPosition: v.to === TO_DRAFTER ? null : Number(v.to),
        comment: v.comment.trim(),
      },
      v.to === TO_DRAFTER ? t("returnDoneDrafter") : t("returnDoneStep"),
    ),
  );
  return (
    <ActionDialog title={t("returnTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="return-form">
        <Stack gap="sm">
          {earlier.length > 0 ? (
            <Radio.Group label={t("returnTo")} {...form.getInputProps("to")}>
              <Stack gap={6} mt={6}>
                <Radio
                  value={TO_DRAFTER}
                  label={t("returnToDrafter", { name: view.drafter.name })}
                  data-testid="return-to-drafter"
                />
                {earlier.map((s) => (
                  <Radio
                    key={s.position}
                    value={String(s.position)}
                    label={t("returnToStep", {
                      position: s.position,
                      kind: t(`stepKind.${s.kind}`),
                      names: s.members.map((m) => m.name).join(", "),
                    })}
                    data-testid={`return-to-step-${s.position}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Text size="sm">{t("returnToDrafterOnly", { name: view.drafter.name })}</Text>
          )}
          <CommentField
            label={t("returnReason")}
            placeholder={t("returnReasonPlaceholder")}
            required
            max={COMMENT_MAX}
            testId="return-comment"
            inputProps={form.getInputProps("comment")}
          />
        </Stack>
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("returnSubmit")}
          pending={pending}
          color="orange"
          testId="return-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** The member refuses the draft: it ends here, so the reason is required and asked twice. */
export function RefuseForm({ view, onClose }: FormProps) {
  const t = useTranslations("outgoingPage");
  const tv = useTranslations("validation");
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initialValues: { comment: "" },
    validate: { comment: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useOutgoingAction(view, { onClose, form });
  const submit = form.onSubmit((v) => {
    if (!confirming) setConfirming(true);
    else act({ action: "refuse", comment: v.comment.trim() }, t("refuseDone"));
  });
  return (
    <ActionDialog title={t("refuseTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="refuse-form">
        <Stack gap="sm">
          <Text size="sm">{t("refuseHint")}</Text>
          <CommentField
            label={t("refuseReason")}
            required
            max={COMMENT_MAX}
            readOnly={confirming}
            testId="refuse-comment"
            inputProps={form.getInputProps("comment")}
          />
          {confirming && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t("refuseConfirmTitle")}>
              {t("refuseConfirm", { name: view.drafter.name })}
            </Alert>
          )}
        </Stack>
        <DialogButtons
          onCancel={confirming ? () => setConfirming(false) : onClose}
          cancelLabel={confirming ? t("back") : undefined}
          submitLabel={t(confirming ? "refuseConfirmSubmit" : "refuseSubmit")}
          pending={pending}
          color="red"
          testId="refuse-submit"
        />
      </form>
    </ActionDialog>
  );
}

/** A remark on the current version, for the drafter and everyone on the route. */
export function CommentForm({ view, onClose }: FormProps) {
  const t = useTranslations("outgoingPage");
  const tv = useTranslations("validation");
  const form = useForm({
    initialValues: { comment: "" },
    validate: { comment: (v) => (v.trim() ? null : tv("required")) },
  });
  const { act, pending } = useOutgoingAction(view, { onClose, form });
  const submit = form.onSubmit((v) =>
    act({ action: "comment", comment: v.comment.trim() }, t("commentDone")),
  );
  return (
    <ActionDialog title={t("commentTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="comment-form">
        <CommentField
          label={t("commentLabel", { version: view.draft.currentVersion })}
          required
          max={REMARK_MAX}
          testId="comment-text"
          inputProps={form.getInputProps("comment")}
        />
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("commentSubmit")}
          pending={pending}
          testId="comment-submit"
        />
      </form>
    </ActionDialog>
  );
}
