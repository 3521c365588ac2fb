"use client";

import { Alert, Button, Card, FileButton, Group, Image, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSignature, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { StateBadge } from "@/components/signing/state-badge";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { notifyRefusal } from "@/components/signing/notify-refusal";
import {
  pictureRefusal,
  pngFile,
  pngSource,
  uploadPicture,
} from "@/components/signing/upload-picture";
import { SignaturePad, type SignaturePadHandle } from "./signature-pad";

type Source = "upload" | "drawn";

/** Uploads the picture, then chooses it; both refusals come back as one translated message. */
function useChooseSignature(onDone: () => void) {
  const t = useTranslations("signingAccount.image");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choose = useMutation(trpc.signing.setSignatureImage.mutationOptions());
  return useMutation({
    mutationFn: async ({ file, source }: { file: File; source: Source }) => {
      const sha256 = await uploadPicture(file, "signature");
      return choose.mutateAsync({ sha256, source });
    },
    onSuccess: async () => {
      notifications.show({ color: "green", message: t("saved") });
      onDone();
      await queryClient.invalidateQueries({ queryKey: trpc.signing.mySignatureImage.queryKey() });
    },
    onError: (error) => notifyRefusal(pictureRefusal(error, t("saveError"))),
  });
}

/**
 * The picture of the leader's handwritten signature that their digital signatures show: the
 * current one (or the stand-in drawn until they choose one), and two ways to replace it, a PNG
 * file or signing on the screen with a finger.
 */
export function SignatureImageCard() {
  const t = useTranslations("signingAccount.image");
  const trpc = useTRPC();
  const current = useQuery(trpc.signing.mySignatureImage.queryOptions());
  const [drawing, setDrawing] = useState(false);
  const save = useChooseSignature(() => setDrawing(false));

  return (
    <Card withBorder padding="lg" data-testid="signature-image-card">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t("title")}
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        {t("hint")}
      </Text>
      <Stack gap="sm">
        <Group justify="center" p="sm" bg="gray.0" style={{ borderRadius: 8, minHeight: 120 }}>
          {current.data && (
            <Image
              src={pngSource(current.data.png)}
              alt={t(current.data.chosen ? "currentAlt" : "standInAlt")}
              maw={300}
              mah={120}
              fit="contain"
              data-testid="signature-image-preview"
            />
          )}
        </Group>
        {current.data && !current.data.chosen && (
          <StateBadge color="gray" testId="signature-image-stand-in">
            {t("standIn")}
          </StateBadge>
        )}
        <Group gap="xs" wrap="wrap">
          <FileButton
            accept="image/png"
            onChange={(file) => file && save.mutate({ file, source: "upload" })}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload size={16} />}
                loading={save.isPending && !drawing}
                data-testid="signature-image-upload"
              >
                {t("upload")}
              </Button>
            )}
          </FileButton>
          <Button
            variant="light"
            leftSection={<IconSignature size={16} />}
            onClick={() => setDrawing(true)}
            data-testid="signature-image-draw"
          >
            {t("draw")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t("rules")}
        </Text>
      </Stack>
      {drawing && (
        <DrawSignatureDialog
          pending={save.isPending}
          error={save.error ? pictureRefusal(save.error, t("saveError")) : null}
          onSave={(file) => save.mutate({ file, source: "drawn" })}
          onClose={() => setDrawing(false)}
        />
      )}
    </Card>
  );
}

function DrawSignatureDialog({
  pending,
  error,
  onSave,
  onClose,
}: {
  pending: boolean;
  error: string | null;
  onSave: (file: File) => void;
  onClose: () => void;
}) {
  const t = useTranslations("signingAccount.image");
  const pad = useRef<SignaturePadHandle>(null);
  const [empty, setEmpty] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t("drawTitle")} size="xl" centered>
      <Stack gap="sm">
        <SignaturePad ref={pad} onDraw={() => setEmpty(false)} />
        {(empty || error) && (
          <Alert color="red" variant="light" data-testid="signature-pad-error">
            {empty ? t("drawEmpty") : error}
          </Alert>
        )}
      </Stack>
      <DialogButtons
        onCancel={onClose}
        submitLabel={t("drawSave")}
        pending={pending}
        testId="signature-pad-save"
        onConfirm={async () => {
          const blob = await pad.current?.toPng();
          setEmpty(!blob);
          if (blob) onSave(pngFile(blob, "chu-ky.png"));
        }}
      />
    </Modal>
  );
}
