import type { MantineColor } from "@mantine/core";
import type { TaskPriority, TaskStatus } from "@/lib/schemas/tasks";

export const taskStatusColor: Record<TaskStatus, MantineColor> = {
  new: "blue",
  in_progress: "yellow",
  done: "green",
  cancelled: "gray",
};

export const taskPriorityColor: Record<TaskPriority, MantineColor> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};
