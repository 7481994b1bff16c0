import { useEffect, useState } from 'react';
import type { TagCount } from '../../shared/ipc/types';
import { sameFolded } from '../../shared/text/foldCase';
import { call } from '../api/calls';
import { askToConfirm } from '../common/confirm';
import { Dialog } from '../common/Dialog';
import { useInFlight } from '../common/useInFlight';

type Props = { onChanged: () => void; onClose: () => void };

/** Every tag with the number of stories it is on: rename, merge (rename onto another) or delete. */
export function TagManager({ onChanged, onClose }: Props) {
  const [tags, setTags] = useState<TagCount[]>([]);
  const [editing, setEditing] = useState<{ from: string; to: string } | null>(null);
  const [message, setMessage] = useState('');
  const load = () =>
    void call('tags.list', {}).then((r) => {
      if (r.ok) setTags(r.value);
    });
  useEffect(load, []);

  // One rename at a time: a second Enter renamed it again, and was told the old tag was gone.
  const renaming = useInFlight();
  const rename = (from: string, to: string) => renaming.run(() => renameTag(from, to));
  const renameTag = async (from: string, to: string) => {
    const target = to.trim().replace(/^#+/, '');
    if (!target || target === from) return setEditing(null);
    const into = tags.find((t) => sameFolded(t.name, target) && t.name !== from);
    if (
      into &&
      !(await askToConfirm({
        title: 'Merge tags',
        message: `Merge #${from} into #${into.name}? The ${tags.find((t) => t.name === from)?.count ?? 0} stories tagged #${from} will be tagged #${into.name}.`,
        action: 'Merge',
      }))
    )
      return;
    const result = await call('tags.rename', { from, to: target });
    if (!result.ok) return;
    setMessage(
      `${result.value.merged ? 'Merged' : 'Renamed'} #${from} → #${target} on ${result.value.stories} ${result.value.stories === 1 ? 'story' : 'stories'}.`,
    );
    setEditing(null);
    load();
    onChanged();
  };
  const remove = async (tag: TagCount) => {
    const sure = await askToConfirm({
      title: 'Remove tag',
      message: `Take #${tag.name} off ${tag.count} ${tag.count === 1 ? 'story' : 'stories'}?`,
      action: 'Remove tag',
      danger: true,
    });
    if (!sure) return;
    const result = await call('tags.delete', { name: tag.name });
    if (!result.ok) return;
    setMessage(
      `Removed #${tag.name} from ${result.value.stories} ${result.value.stories === 1 ? 'story' : 'stories'}.`,
    );
    load();
    onChanged();
  };

  return (
    <Dialog title="Tags" onClose={onClose} testId="tag-manager">
      <p className="cd-dialog-note">Rename a tag onto an existing one to merge the two.</p>
      {message && (
        <p className="cd-dialog-note" role="status">
          {message}
        </p>
      )}
      <div className="cd-table-scroll">
        <table className="cd-table">
          <thead>
            <tr>
              <th>Tag</th>
              <th>Stories</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.name}>
                <td>
                  {editing?.from === tag.name ? (
                    <input
                      aria-label={`New name for #${tag.name}`}
                      value={editing.to}
                      autoFocus
                      maxLength={40}
                      onChange={(e) => setEditing({ from: tag.name, to: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          void rename(tag.name, editing.to);
                        } else if (e.key === 'Escape') {
                          e.preventDefault();
                          setEditing(null);
                        }
                      }}
                    />
                  ) : (
                    `#${tag.name}`
                  )}
                </td>
                <td>{tag.count}</td>
                <td className="cd-row-actions">
                  <button
                    type="button"
                    className="cd-button cd-button-quiet"
                    onClick={() => setEditing({ from: tag.name, to: tag.name })}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="cd-button cd-button-quiet cd-danger"
                    onClick={() => void remove(tag)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tags.length === 0 && <p className="cd-empty-list">No tags yet.</p>}
      </div>
    </Dialog>
  );
}
