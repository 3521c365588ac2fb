"use client";

import { DragDropContext, Draggable, Droppable, type DropResult } from "@hello-pangea/dnd";
import { Badge, Group, Paper, Progress, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { actionForMove } from "@/lib/task-board";
import { taskStatuses, type TaskStatus } from "@/lib/schemas/tasks";
import type { TaskListItem } from "@/server/tasks/list";
import { taskPriorityColor } from "./task-format";
import { TaskReasonDialog } from "./task-reason-dialog";
import { useTaskAction } from "./use-task-action";

type Pending = { item: TaskListItem; action: "cancel" | "reopen" };

/**
 * The tasks as cards in a column per status. Dropping a card on another column runs the
 * workflow action that leads there (start, complete, cancel, reopen) with the card's version; a
 * refusal is shown and the card stays where it was. Works with touch (long press) and keyboard.
 */
export function TaskBoard({ items }: { items: TaskListItem[] }) {
  const t = useTranslations("tasksUi");
  const act = useTaskAction();
  const [pending, setPending] = useState<Pending | null>(null);
  // Where a card moved to before the server answered: shown at once, undone on refusal.
  const [moved, setMoved] = useState<Record<string, TaskStatus>>({});
  const statusOf = (i: TaskListItem) => moved[i.id] ?? i.status;

  const run = (
    item: TaskListItem,
    to: TaskStatus,
    input: Parameters<typeof act.mutate>[0]["input"],
  ) => {
    setMoved((m) => ({ ...m, [item.id]: to }));
    act.mutate(
      { taskId: item.id, version: item.version, input },
      {
        onSettled: () =>
          setMoved((m) => {
            const { [item.id]: _gone, ...rest } = m;
            return rest;
          }),
      },
    );
  };

  const onDragEnd = (result: DropResult) => {
    const item = items.find((i) => i.id === result.draggableId);
    if (!item || !result.destination) return;
    const from = statusOf(item);
    const to = result.destination.droppableId as TaskStatus;
    if (from === to) return;
    const action = actionForMove(from, to);
    if (!action) {
      notifications.show({
        color: "red",
        message: t("noSuchMove", { from: t(`status.${from}`), to: t(`status.${to}`) }),
      });
      return;
    }
    if (action === "cancel" || action === "reopen") return setPending({ item, action });
    run(item, to, action === "start" ? { action: "start" } : { action: "complete" });
  };

  return (
    <>
      <DragDropContext onDragEnd={onDragEnd}>
        <ScrollArea type="auto" offsetScrollbars data-testid="task-board">
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {taskStatuses.map((status) => {
              const cards = items.filter((i) => statusOf(i) === status);
              return (
                <Droppable droppableId={status} key={status}>
                  {(drop, snapshot) => (
                    <Paper
                      ref={drop.innerRef}
                      {...drop.droppableProps}
                      withBorder
                      p="xs"
                      radius="md"
                      bg={snapshot.isDraggingOver ? "blue.0" : "gray.0"}
                      w={{ base: 260, sm: 280 }}
                      miw={{ base: 260, sm: 280 }}
                      mih={200}
                      data-testid={`board-column-${status}`}
                    >
                      <Group justify="space-between" mb="xs">
                        <Title order={4} size="h5">
                          {t(`status.${status}`)}
                        </Title>
                        <Badge variant="light" color="gray">
                          {cards.length}
                        </Badge>
                      </Group>
                      <Stack gap="xs">
                        {cards.map((item, index) => (
                          <Draggable draggableId={item.id} index={index} key={item.id}>
                            {(drag) => (
                              <Paper
                                ref={drag.innerRef}
                                {...drag.draggableProps}
                                {...drag.dragHandleProps}
                                withBorder
                                p="xs"
                                radius="sm"
                                bg="white"
                                data-testid="board-card"
                              >
                                <Text
                                  component={Link}
                                  href={`/tasks/${item.id}`}
                                  fw={600}
                                  size="sm"
                                  lineClamp={3}
                                >
                                  {item.title}
                                </Text>
                                <Text size="xs" c="dimmed" mt={2}>
                                  {item.leadName}
                                </Text>
                                <Group gap={4} mt={6} justify="space-between">
                                  <Text
                                    size="xs"
                                    c={item.overdue ? "red" : undefined}
                                    fw={item.overdue ? 700 : undefined}
                                  >
                                    {formatDate(item.deadline)}
                                    {item.overdue ? ` · ${t("overdue")}` : ""}
                                  </Text>
                                  <Badge
                                    size="xs"
                                    color={taskPriorityColor[item.priority]}
                                    variant="light"
                                  >
                                    {t(`priority.${item.priority}`)}
                                  </Badge>
                                </Group>
                                <Progress
                                  value={item.progress}
                                  size="xs"
                                  mt={6}
                                  aria-label={t("progress")}
                                />
                              </Paper>
                            )}
                          </Draggable>
                        ))}
                        {drop.placeholder}
                      </Stack>
                    </Paper>
                  )}
                </Droppable>
              );
            })}
          </Group>
        </ScrollArea>
      </DragDropContext>
      <TaskReasonDialog
        opened={pending !== null}
        title={pending ? t(`actions.${pending.action}`) : ""}
        required
        busy={act.isPending}
        onClose={() => setPending(null)}
        onSubmit={(reason) => {
          if (!pending) return;
          run(pending.item, pending.action === "cancel" ? "cancelled" : "in_progress", {
            action: pending.action,
            reason,
          });
          setPending(null);
        }}
      />
    </>
  );
}
