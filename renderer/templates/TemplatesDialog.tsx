import { useEffect, useState } from 'react';
import type { Block, StoryFormat } from '../../shared/story/model';
import { formatDuration } from '../../shared/story/timing';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';
import './templates.css';

type Template = { format: StoryFormat; body: Block[]; custom: boolean };

type Props = {
  /** The open story's format and body, offered as the new template for that format. */
  current: { format: StoryFormat; body: () => Block[] } | null;
  onClose: () => void;
};

function blockLine(block: Block): { kind: string; text: string } {
  switch (block.type) {
    case 'paragraph':
      return { kind: 'read', text: block.runs.map((r) => r.text).join('') || '(read text)' };
    case 'cue':
      return { kind: 'cue', text: block.text || '(cue)' };
    case 'instruction':
      return { kind: 'instruction', text: block.text || '(instruction)' };
    case 'presenter':
      return { kind: 'presenter', text: `Presenter cue: ${block.name}` };
    case 'media':
      return {
        kind: 'media',
        text: `${block.kind}${block.speaker ? ` · ${block.speaker}` : ''}${block.durationSec !== null ? ` · ${formatDuration(block.durationSec)}` : ''}`,
      };
  }
}

/** Each format's starting shape: the station's own, or the built-in one. */
export function TemplatesDialog({ current, onClose }: Props) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selected, setSelected] = useState<StoryFormat>(current?.format ?? 'READER');
  const load = () =>
    void call('templates.list', {}).then((r) => {
      if (r.ok) setTemplates(r.value);
    });
  useEffect(load, []);
  const template = templates.find((t) => t.format === selected);

  const saveCurrentAsTemplate = async () => {
    if (!current) return;
    const result = await call('templates.save', { format: selected, body: current.body() });
    if (!result.ok) return;
    load();
  };
  const reset = async () => {
    const result = await call('templates.reset', { format: selected });
    if (!result.ok) return;
    load();
  };

  return (
    <Dialog title="Story templates" onClose={onClose} wide testId="templates-dialog">
      <p className="cd-dialog-note">
        A new story starts from its format’s template. Make one your own by writing a story the way
        your station wants it, then saving it here.
      </p>
      <div className="cd-templates">
        <ul className="cd-template-list" role="listbox" aria-label="Formats">
          {templates.map((t) => (
            <li key={t.format}>
              <button
                type="button"
                role="option"
                aria-selected={t.format === selected}
                className={t.format === selected ? 'cd-selected' : undefined}
                onClick={() => setSelected(t.format)}
              >
                {t.format}
                {t.custom && <span className="cd-badge">custom</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="cd-template-preview" aria-label={`${selected} template`}>
          {template?.body.map((b, i) => {
            const line = blockLine(b);
            return (
              <div key={i} className={`cd-preview-line cd-preview-${line.kind}`}>
                {line.text}
              </div>
            );
          })}
        </div>
      </div>
      <div className="cd-dialog-actions">
        {template?.custom && (
          <button type="button" className="cd-button cd-button-quiet" onClick={() => void reset()}>
            Restore the built-in {selected} template
          </button>
        )}
        <button
          type="button"
          className="cd-button cd-button-primary"
          disabled={!current}
          onClick={() => void saveCurrentAsTemplate()}
          title={current ? undefined : 'Open a story first'}
        >
          Use the open story as the {selected} template
        </button>
      </div>
    </Dialog>
  );
}
