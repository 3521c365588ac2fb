"use client";

import type { ReactNode } from "react";
import { DecideExtensionForm } from "./decide-extension-form";
import { DirectForm } from "./direct-form";
import type { AssignmentView, IncomingDocumentView, StaffDirectory } from "./document-types";
import { NoteForm } from "./note-form";
import { AssignSpecialistForm, RequestExtensionForm, ReturnPartForm } from "./part-forms";
import { ForwardForm, ReviewResultForm, WithdrawDirectionForm } from "./review-forms";
import { PresentForm } from "./present-form";
import { RegisterArrivedForm } from "./register-arrived-form";
import { ReturnToSenderForm } from "./return-to-sender-form";

type PartKind = "assign" | "extension" | "submitResult" | "returnPart" | "review";

/** The form a button of the actions panel opened. */
export type ActionDialog =
  | {
      kind:
        | "present"
        | "direct"
        | "note"
        | "returnToSender"
        | "withdrawDirection"
        | "forward"
        | "register";
    }
  | { kind: PartKind; assignmentId: string }
  | { kind: "decide"; requestId: string };

export const targetName = (a: AssignmentView) => a.unitName ?? a.userName ?? "";

/** A specialist's result is named by the specialist, within their unit's part. */
export function reviewName(a: AssignmentView, byId: Map<string, AssignmentView>) {
  const unitPart = a.parentId ? byId.get(a.parentId) : undefined;
  return unitPart ? `${targetName(a)} (${targetName(unitPart)})` : targetName(a);
}

/**
 * The opened form, while the server still offers its action: after a reload that no longer
 * offers it (someone else acted first), the form is gone. Forms that pick people wait for the
 * directory.
 */
export function ActionForm({
  dialog,
  view,
  directory: dir,
  currentUserId,
  onClose: close,
}: {
  dialog: ActionDialog;
  view: IncomingDocumentView;
  directory: StaffDirectory | undefined;
  currentUserId: string;
  onClose: () => void;
}): ReactNode {
  const { document: doc, can, assignments, extensions } = view;
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const partAvailable = (kind: PartKind, id: string) => {
    const p = can.parts.find((x) => x.assignmentId === id);
    if (!p) return false;
    return {
      assign: p.assignToSpecialist,
      extension: p.requestExtension,
      submitResult: p.submitResult,
      returnPart: p.returnPart,
      review: false,
    }[kind];
  };
  let form: ReactNode = null;
  if (dialog.kind === "present" && can.present && dir) {
    form = <PresentForm doc={doc} directory={dir} onClose={close} />;
  } else if (
    ((dialog.kind === "direct" && can.direct) || (dialog.kind === "forward" && can.forward)) &&
    dir
  ) {
    // Directing and forwarding both hand parts to units and people of the directory.
    const PartsForm = dialog.kind === "direct" ? DirectForm : ForwardForm;
    form = (
      <PartsForm
        doc={doc}
        assignments={assignments}
        directory={dir}
        currentUserId={currentUserId}
        onClose={close}
      />
    );
  } else if (dialog.kind === "withdrawDirection" && can.withdrawDirection) {
    form = <WithdrawDirectionForm doc={doc} onClose={close} />;
  } else if (dialog.kind === "review" && can.review.includes(dialog.assignmentId)) {
    const part = byId.get(dialog.assignmentId);
    if (part)
      form = (
        <ReviewResultForm doc={doc} part={part} partName={reviewName(part, byId)} onClose={close} />
      );
  } else if (dialog.kind === "note" && can.addNote) {
    form = <NoteForm doc={doc} onClose={close} />;
  } else if (dialog.kind === "register" && can.register) {
    form = <RegisterArrivedForm doc={doc} onClose={close} />;
  } else if (dialog.kind === "returnToSender" && can.returnToSender) {
    form = <ReturnToSenderForm doc={doc} onClose={close} />;
  } else if (dialog.kind === "decide") {
    const request = extensions.find(
      (e) => e.id === dialog.requestId && can.decideExtensions.includes(e.id),
    );
    const part = request && byId.get(request.assignmentId);
    if (request && part) {
      form = (
        <DecideExtensionForm
          doc={doc}
          request={request}
          partName={targetName(part)}
          onClose={close}
        />
      );
    }
  } else if ("assignmentId" in dialog && partAvailable(dialog.kind, dialog.assignmentId)) {
    const part = byId.get(dialog.assignmentId)!;
    const props = { doc, part, onClose: close };
    if (dialog.kind === "assign" && dir) {
      form = <AssignSpecialistForm {...props} directory={dir} currentUserId={currentUserId} />;
    } else if (dialog.kind === "extension") {
      const unitPart = part.parentId ? byId.get(part.parentId) : undefined;
      form = <RequestExtensionForm {...props} currentDeadline={(unitPart ?? part).deadline} />;
    } else if (dialog.kind === "submitResult") {
      form = <NoteForm doc={doc} part={part} replies={view.replies} onClose={close} />;
    } else if (dialog.kind === "returnPart") {
      form = <ReturnPartForm {...props} />;
    }
  }
  return form;
}
