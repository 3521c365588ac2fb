"use client";

import { Button, Group, Modal, Stack, Text, Textarea, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSettings } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { showServerError } from "@/components/ui/server-errors";
import classes from "./direction-phrases.module.css";

/**
 * The leader's preset phrases (ý kiến mẫu) above the direction field: one tap adds a phrase to
 * the text; the leader keeps their own list, one phrase per line.
 */
export function DirectionPhrases({ onPick }: { onPick: (phrase: string) => void }) {
  const t = useTranslations("documentPage");
  const trpc = useTRPC();
  const phrases = useQuery(trpc.leader.phrases.queryOptions());
  const [editing, setEditing] = useState(false);
  if (!phrases.data) return null;
  return (
    <Stack gap={6} data-testid="direction-phrases">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {t("phrasesTitle")}
        </Text>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconSettings size={14} />}
          onClick={() => setEditing(true)}
          data-testid="phrases-manage"
        >
          {t("phrasesManage")}
        </Button>
      </Group>
      <Group gap={6}>
        {phrases.data.phrases.map((phrase) => (
          <UnstyledButton
            key={phrase}
            className={classes.phrase}
            onClick={() => onPick(phrase)}
            data-testid="phrase"
          >
            {phrase}
          </UnstyledButton>
        ))}
      </Group>
      {editing && (
        <PhrasesEditor phrases={phrases.data.phrases} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}

function PhrasesEditor({ phrases, onClose }: { phrases: string[]; onClose: () => void }) {
  const t = useTranslations("documentPage");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(phrases.join("\n"));
  const save = useMutation(
    trpc.leader.savePhrases.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.leader.phrases.pathKey() });
        notifications.show({ color: "green", message: t("phrasesSaved") });
        onClose();
      },
      onError: (error) => showServerError(error, t("phrasesSaveError")),
    }),
  );
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <Modal opened onClose={onClose} title={t("phrasesManageTitle")} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ phrases: lines });
        }}
      >
        <Textarea
          label={t("phrasesOnePerLine")}
          description={t("phrasesHint", { max: 30 })}
          autosize
          minRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
          data-testid="phrases-text"
        />
        <DialogButtons
          onCancel={onClose}
          submitLabel={t("phrasesSave")}
          pending={save.isPending}
          disabled={lines.length > 30 || lines.some((l) => l.length > 500)}
          testId="phrases-save"
        />
      </form>
    </Modal>
  );
}
