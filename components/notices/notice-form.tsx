"use client";

import {
  Alert,
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { DraftAttachments } from "@/components/outgoing/draft-attachments";
import { useTRPC } from "@/components/providers/trpc";
import { useUploads } from "@/components/reception/use-uploads";
import { emptyRichText, RichTextEditor, type RichText } from "@/components/ui/rich-text-editor";
import { fieldErrorsOf, showServerError } from "@/components/ui/server-errors";
import type { NoticeAudienceKind } from "@/lib/notices";
import type { NoticeDraftInput } from "@/lib/schemas/notices";

export type NoticeFormInitial = {
  id: string;
  version: number;
  title: string;
  body: RichText;
  audience: { kind: NoticeAudienceKind; unitIds: string[]; userIds: string[] };
  requiresConfirmation: boolean;
  attachments: { sha256: string; fileName: string }[];
};

/** Server field names, with the engine's `draft.` prefix dropped, as this form's fields. */
function formErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
    const name = field.replace(/^draft\./, "").split(".")[0]!;
    out[name === "unitIds" || name === "userIds" ? "audience" : name] ??= message;
  }
  return out;
}

/**
 * The office's notice: title, text, who it is for (the whole organisation, units, people),
 * whether readers must confirm, and files. Saved as a draft; published from the notice page
 * or straight away.
 */
export function NoticeForm({ initial }: { initial?: NoticeFormInitial }) {
  const t = useTranslations("notices");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const bodyErrorId = useId();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState<RichText>(initial?.body ?? emptyRichText);
  const [kind, setKind] = useState<NoticeAudienceKind>(initial?.audience.kind ?? "organisation");
  const [unitIds, setUnitIds] = useState<string[]>(initial?.audience.unitIds ?? []);
  const [userIds, setUserIds] = useState<string[]>(initial?.audience.userIds ?? []);
  const [requiresConfirmation, setRequiresConfirmation] = useState(
    initial?.requiresConfirmation ?? false,
  );
  const [kept, setKept] = useState(initial?.attachments ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const uploads = useUploads({
    failed: tAll("files.uploadFailed"),
    duplicate: (name) => tAll("outgoingDraft.duplicateAttachment", { name }),
  });

  const staff = useQuery(trpc.directory.staff.queryOptions()).data;
  const unitOptions = useMemo(
    () => (staff?.units ?? []).map((u) => ({ value: u.id, label: u.name })),
    [staff],
  );
  const peopleOptions = useMemo(() => {
    if (!staff) return [];
    const person = (p: { id: string; fullName: string; jobTitle: string }) => ({
      value: p.id,
      label: p.jobTitle ? `${p.fullName} (${p.jobTitle})` : p.fullName,
    });
    return [
      { group: tAll("directory.leadership"), items: staff.leadership.map(person) },
      ...staff.units.map((u) => ({ group: u.name, items: u.staff.map(person) })),
      { group: tAll("directory.unassigned"), items: staff.unassigned.map(person) },
    ].filter((g) => g.items.length > 0);
  }, [staff, tAll]);

  const draft = (): NoticeDraftInput => {
    const fresh = uploads.attached.filter((f) => !kept.some((k) => k.sha256 === f.sha256));
    return {
      title,
      body: body as NoticeDraftInput["body"],
      audience:
        kind === "units"
          ? { kind, unitIds }
          : kind === "people"
            ? { kind, userIds }
            : { kind: "organisation" },
      requiresConfirmation,
      attachments: [...kept, ...fresh.map(({ sha256, fileName }) => ({ sha256, fileName }))],
    };
  };

  const done = (id: string, message: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.notices.pathKey() });
    notifications.show({ color: "green", message });
    router.push(`/notices/${id}`);
  };
  const onError = (error: unknown) => {
    setErrors(formErrors(error));
    showServerError(error, tAll("errors.internal"));
  };
  const create = useMutation(trpc.notices.create.mutationOptions({ onError }));
  const act = useMutation(trpc.notices.act.mutationOptions({ onError }));
  const busy = create.isPending || act.isPending;

  const check = (): boolean => {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = tAll("validation.required");
    if (kind === "units" && unitIds.length === 0) found.audience = t("unitsPlaceholder");
    if (kind === "people" && userIds.length === 0) found.audience = t("peoplePlaceholder");
    if (uploads.pending) found.attachments = tAll("outgoingDraft.attachmentsPending");
    else if (uploads.failed) found.attachments = tAll("outgoingDraft.attachmentsFailed");
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const save = async (publish: boolean) => {
    if (busy || !check()) return;
    let saved = initial
      ? await act.mutateAsync({
          id: initial.id,
          version: initial.version,
          input: { action: "saveDraft", draft: draft() },
        })
      : await create.mutateAsync(draft());
    if (publish) {
      saved = await act.mutateAsync({
        id: saved.id,
        version: saved.version,
        input: { action: "publish" },
      });
      done(saved.id, t("publishedToast"));
    } else {
      done(saved.id, t("saved"));
    }
  };

  return (
    <form
      noValidate
      data-testid="notice-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false).catch(() => undefined);
      }}
    >
      <Stack gap="md" maw={860}>
        <TextInput
          label={t("titleLabel")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          maxLength={300}
          data-testid="notice-title"
        />
        <Input.Wrapper label={t("bodyLabel")} error={errors.body} errorProps={{ id: bodyErrorId }}>
          <RichTextEditor
            value={body}
            onChange={setBody}
            label={t("bodyLabel")}
            describedBy={errors.body ? bodyErrorId : undefined}
            invalid={Boolean(errors.body)}
            minHeight={180}
            data-testid="notice-body"
          />
        </Input.Wrapper>
        <Input.Wrapper label={t("audienceLabel")} error={errors.audience}>
          <Stack gap="xs" mt={4}>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as NoticeAudienceKind)}
              data={(["organisation", "units", "people"] as const).map((k) => ({
                value: k,
                label: t(`audience.${k}`),
              }))}
              data-testid="notice-audience"
            />
            {kind === "units" && (
              <MultiSelect
                aria-label={t("audience.units")}
                placeholder={t("unitsPlaceholder")}
                data={unitOptions}
                value={unitIds}
                onChange={setUnitIds}
                searchable
                clearable
                data-testid="notice-units"
              />
            )}
            {kind === "people" && (
              <MultiSelect
                aria-label={t("audience.people")}
                placeholder={t("peoplePlaceholder")}
                data={peopleOptions}
                value={userIds}
                onChange={setUserIds}
                searchable
                clearable
                data-testid="notice-people"
              />
            )}
          </Stack>
        </Input.Wrapper>
        <Switch
          label={t("requiresConfirmation")}
          description={t("requiresConfirmationHint")}
          checked={requiresConfirmation}
          onChange={(e) => setRequiresConfirmation(e.currentTarget.checked)}
          data-testid="notice-requires-confirmation"
        />
        <DraftAttachments
          kept={kept}
          onKeptChange={setKept}
          uploads={uploads}
          error={errors.attachments}
        />
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light">
            {tAll("errors.validation")}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" variant="default" loading={busy} data-testid="notice-save">
            {t("saveDraft")}
          </Button>
          <Button
            onClick={() => void save(true).catch(() => undefined)}
            loading={busy}
            data-testid="notice-publish"
          >
            {t("publish")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
