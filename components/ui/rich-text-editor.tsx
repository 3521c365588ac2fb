"use client";

import "@mantine/tiptap/styles.css";
import { RichTextEditor as MantineEditor, type RichTextEditorLabels } from "@mantine/tiptap";
import { TableKit } from "@tiptap/extension-table";
import { TextAlign } from "@tiptap/extension-text-align";
import { useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, type CSSProperties } from "react";
import classes from "./rich-text-editor.module.css";

export type RichText = JSONContent;

export const emptyRichText: RichText = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * Exactly the nodes and marks a draft's body may hold (lib/schemas/outgoing.ts): no code, no
 * links, no images. What is pasted from a word processor keeps its paragraphs, lists, tables
 * and emphasis and loses the rest, so the server never refuses a body the editor produced.
 */
const extensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    link: false,
    heading: { levels: [2, 3, 4] },
  }),
  TextAlign.configure({ types: ["heading", "paragraph"] }),
  TableKit.configure({ table: { resizable: false } }),
];

const sameContent = (a: RichText | null | undefined, b: RichText) =>
  JSON.stringify(a ?? emptyRichText) === JSON.stringify(b);

export type RichTextEditorProps = {
  /** A tiptap document; null or undefined for an empty one. */
  value: RichText | null | undefined;
  onChange?: (value: RichText) => void;
  /** False shows the text as it stands, without toolbar: a saved version, a document to read. */
  editable?: boolean;
  /** The accessible name of the editing area. */
  label: string;
  /** The id of the text that describes it or says what is wrong with it. */
  describedBy?: string;
  invalid?: boolean;
  minHeight?: number;
  "data-testid"?: string;
};

/**
 * The one rich-text editor: paragraphs, headings, lists, alignment, tables, bold, italic,
 * underline and strike-through, as tiptap JSON. On a phone the toolbar wraps onto more rows
 * with thumb-sized buttons; table row and column buttons appear only inside a table.
 */
export function RichTextEditor({
  value,
  onChange,
  editable = true,
  label,
  describedBy,
  invalid = false,
  minHeight = 240,
  "data-testid": testId,
}: RichTextEditorProps) {
  const t = useTranslations("outgoingDraft.editor");
  const onChangeRef = useRef(onChange);
  // What the editor last reported: its own echo is not written back (that would move the caret
  // and break a Vietnamese input method's composition).
  const emitted = useRef<RichText | null>(null);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const attributes = useMemo(() => {
    // Shown, not edited, the text is read as a document rather than as a field.
    const attrs: Record<string, string> = editable
      ? { role: "textbox", "aria-multiline": "true", "aria-label": label, spellcheck: "false" }
      : { role: "document", "aria-label": label };
    if (invalid) attrs["aria-invalid"] = "true";
    if (describedBy) attrs["aria-describedby"] = describedBy;
    return attrs;
  }, [label, editable, invalid, describedBy]);

  const editor = useEditor({
    extensions,
    content: value ?? emptyRichText,
    editable,
    // The server renders no editor; the browser creates it after hydration.
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes },
    onUpdate: ({ editor: current }) => {
      const json = current.getJSON();
      emitted.current = json;
      onChangeRef.current?.(json);
    },
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({ editorProps: { attributes } });
  }, [editor, attributes]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable, false);
  }, [editor, editable]);

  // A value from outside (another version, a reset form) replaces the text.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === emitted.current) return;
    if (sameContent(value, editor.getJSON())) return;
    editor.commands.setContent(value ?? emptyRichText, { emitUpdate: false });
  }, [editor, value]);

  const labels: Partial<RichTextEditorLabels> = useMemo(
    () => ({
      boldControlLabel: t("bold"),
      italicControlLabel: t("italic"),
      underlineControlLabel: t("underline"),
      strikeControlLabel: t("strike"),
      h2ControlLabel: t("heading2"),
      h3ControlLabel: t("heading3"),
      bulletListControlLabel: t("bulletList"),
      orderedListControlLabel: t("orderedList"),
      alignLeftControlLabel: t("alignLeft"),
      alignCenterControlLabel: t("alignCenter"),
      alignRightControlLabel: t("alignRight"),
      alignJustifyControlLabel: t("alignJustify"),
      undoControlLabel: t("undo"),
      redoControlLabel: t("redo"),
      tableInsertControlLabel: t("tableInsert"),
      tableInsertLabel: (columns: number, rows: number) => t("tableSize", { columns, rows }),
      tableRowAfterControlLabel: t("tableRowAfter"),
      tableColumnAfterControlLabel: t("tableColumnAfter"),
      tableRowDeleteControlLabel: t("tableRowDelete"),
      tableColumnDeleteControlLabel: t("tableColumnDelete"),
      tableDeleteControlLabel: t("tableDelete"),
    }),
    [t],
  );

  const style = { "--rte-min-height": `${editable ? minHeight : 0}px` } as CSSProperties;

  return (
    <MantineEditor
      editor={editor}
      labels={labels}
      withCodeHighlightStyles={false}
      className={editable ? undefined : classes.readOnly}
      classNames={{ content: classes.content, control: classes.control, toolbar: classes.toolbar }}
      style={style}
      data-testid={testId}
    >
      {editable && <Toolbar editor={editor} />}
      <MantineEditor.Content data-invalid={invalid || undefined} />
    </MantineEditor>
  );
}

function Toolbar({ editor }: { editor: Editor | null }) {
  const inTable = useEditorState({
    editor,
    selector: ({ editor: current }) => Boolean(current?.isActive("table")),
  });
  return (
    <MantineEditor.Toolbar>
      <MantineEditor.ControlsGroup>
        <MantineEditor.Bold />
        <MantineEditor.Italic />
        <MantineEditor.Underline />
        <MantineEditor.Strikethrough />
      </MantineEditor.ControlsGroup>
      <MantineEditor.ControlsGroup>
        <MantineEditor.H2 />
        <MantineEditor.H3 />
      </MantineEditor.ControlsGroup>
      <MantineEditor.ControlsGroup>
        <MantineEditor.BulletList />
        <MantineEditor.OrderedList />
      </MantineEditor.ControlsGroup>
      <MantineEditor.ControlsGroup>
        <MantineEditor.AlignLeft />
        <MantineEditor.AlignCenter />
        <MantineEditor.AlignRight />
        <MantineEditor.AlignJustify />
      </MantineEditor.ControlsGroup>
      <MantineEditor.ControlsGroup>
        <MantineEditor.TableInsert maxColumns={6} maxRows={8} />
        {inTable && (
          <>
            <MantineEditor.TableRowAfter />
            <MantineEditor.TableColumnAfter />
            <MantineEditor.TableRowDelete />
            <MantineEditor.TableColumnDelete />
            <MantineEditor.TableDelete />
          </>
        )}
      </MantineEditor.ControlsGroup>
      <MantineEditor.ControlsGroup>
        <MantineEditor.Undo />
        <MantineEditor.Redo />
      </MantineEditor.ControlsGroup>
    </MantineEditor.Toolbar>
  );
}
