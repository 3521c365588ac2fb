"use client";

import { ActionIcon, Button, Group, Input, Stack, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { COPY_LINE_MAX } from "./draft-values";

/**
 * "Nơi nhận": the lines printed at the foot of the document, left of the signature, each as it
 * will read ("- Như trên;", "- Lưu: VT, KT."). Empty lines are dropped when saving.
 */
export function CopiesField({
  value,
  onChange,
  errors,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  /** `copiesTo` for the list, `copiesTo.N` for its N-th line. */
  errors: Record<string, unknown>;
}) {
  const t = useTranslations("outgoingDraft");
  const set = (index: number, line: string) =>
    onChange(value.map((l, i) => (i === index ? line : l)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  // The file copy ("- Lưu: ...") stays the last line, as Decree 30 prints it.
  const addLine = () => {
    const last = value.at(-1) ?? "";
    const at = /^-?\s*Lưu\b/iu.test(last.trim()) ? value.length - 1 : value.length;
    onChange([...value.slice(0, at), "- ", ...value.slice(at)]);
  };

  return (
    <Input.Wrapper
      label={t("copiesTo")}
      description={t("copiesToHint")}
      error={errors.copiesTo as string | undefined}
      inputWrapperOrder={["label", "description", "input", "error"]}
    >
      <Stack gap={6} mt={6} data-testid="copies-to">
        {value.map((line, i) => (
          <Group key={i} gap={4} wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              value={line}
              onChange={(event) => set(i, event.currentTarget.value)}
              aria-label={t("copyLine", { number: i + 1 })}
              error={errors[`copiesTo.${i}`] as string | undefined}
              maxLength={COPY_LINE_MAX}
              autoComplete="off"
              data-testid="copy-line"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="input-sm"
              onClick={() => remove(i)}
              aria-label={t("removeCopyLine", { number: i + 1 })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={18} />}
          onClick={addLine}
          style={{ alignSelf: "flex-start" }}
          data-testid="add-copy-line"
        >
          {t("addCopyLine")}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
