"use client";

import { Badge, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/components/documents/document-format";
import type { DraftCommentView, OutgoingView } from "./outgoing-types";

/** Remarks grouped by the version they were made on, newest version first. */
export function groupByVersion(comments: DraftCommentView[]) {
  const groups = new Map<number, DraftCommentView[]>();
  for (const c of comments)
    groups.set(c.versionNumber, [...(groups.get(c.versionNumber) ?? []), c]);
  return [...groups].sort(([a], [b]) => b - a);
}

/**
 * Every remark on the draft, under the version it was made on ("Góp ý trên bản 2"), so the
 * drafter sees which were written on the text they have since changed.
 */
export function DraftComments({ view }: { view: OutgoingView }) {
  const t = useTranslations("outgoingPage");
  const groups = groupByVersion(view.comments);
  return (
    <Card withBorder padding="md" data-testid="draft-comments">
      <Title order={4} mb="sm">
        {t("commentsTitle", { count: view.comments.length })}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("commentsEmpty")}
        </Text>
      ) : (
        <Stack gap="sm">
          {groups.map(([version, comments]) => (
            <Stack key={version} gap={6} data-testid={`comments-v${version}`}>
              <Divider
                labelPosition="left"
                label={
                  <Group gap={6}>
                    <Text size="xs" fw={700} c="dark">
                      {t("commentsOnVersion", { number: version })}
                    </Text>
                    {version === view.draft.currentVersion && (
                      <Badge size="xs" variant="light">
                        {t("currentVersion")}
                      </Badge>
                    )}
                  </Group>
                }
              />
              {comments.map((c) => (
                <Stack key={c.id} gap={2} data-testid="draft-comment">
                  <Text size="xs" c="dimmed">
                    {c.author} · {formatDateTime(c.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {c.body}
                  </Text>
                </Stack>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
