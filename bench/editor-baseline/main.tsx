// The editor bench's baseline: the smallest React + Lexical rich-text editor (the composer, the
// rich-text plugin and history, nothing of ours), holding the same text as the story under test.
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createParagraphNode, $createTextNode, $getRoot, type TextFormatType } from 'lexical';

/** One line of the story as plain rich text: its runs and their marks. */
export type BareLine = { text: string; formats: TextFormatType[] }[];

function $load(lines: readonly BareLine[]): void {
  const root = $getRoot();
  for (const line of lines) {
    const paragraph = $createParagraphNode();
    for (const run of line) {
      const node = $createTextNode(run.text);
      for (const format of run.formats) node.toggleFormat(format);
      paragraph.append(node);
    }
    root.append(paragraph);
  }
}

const lines = (await (await fetch('./story.json')).json()) as BareLine[];

createRoot(document.getElementById('root')!).render(
  <LexicalComposer
    initialConfig={{
      namespace: 'bare',
      theme: { text: { bold: 'bold', italic: 'italic', underline: 'underline' } },
      editorState: () => $load(lines),
      onError: (error) => {
        throw error;
      },
    }}
  >
    <div className="page">
      <RichTextPlugin
        contentEditable={<ContentEditable className="editor" data-testid="bare-editor" />}
        ErrorBoundary={LexicalErrorBoundary}
      />
    </div>
    <HistoryPlugin />
  </LexicalComposer>,
);
