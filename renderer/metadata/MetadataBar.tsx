import {
  MAX_SLUG_CHARS,
  STORY_FORMATS,
  type Story,
  type StoryFormat,
} from '../../shared/story/model';
import { TagInput } from './TagInput';
import { lineInput } from '../../shared/text/lineInput';
import { DurationInput } from '../common/DurationInput';
import './metadata.css';

export type MetadataPatch = Partial<
  Pick<Story, 'slug' | 'format' | 'presenter' | 'reporter' | 'tags' | 'targetSec'>
>;

type Props = {
  story: Story;
  presenters: readonly string[];
  onChange: (patch: MetadataPatch) => void;
  onDelete: () => void;
  /** An approved or aired story: every detail is shown, none can change. */
  locked: boolean;
};

/** Slug, format, presenter, reporter and tags: what rundowns and exports show about a story. */
export function MetadataBar({ story, presenters, onChange, onDelete, locked }: Props) {
  return (
    <section className="cd-meta" aria-label="Story details">
      {/* A disabled fieldset disables every field and button in it, the tags too. */}
      <fieldset className="cd-meta-fields" disabled={locked}>
        <div className="cd-meta-row">
          <label className="cd-meta-slug">
            <span className="cd-sr-only">Slug</span>
            <input
              value={story.slug}
              title={story.slug || undefined}
              placeholder="SLUG"
              maxLength={MAX_SLUG_CHARS}
              onChange={(e) => onChange({ slug: lineInput(e.target.value) })}
              spellCheck={false}
              data-testid="slug"
            />
          </label>
          <label className="cd-meta-field">
            <span>Format</span>
            <select
              value={story.format}
              onChange={(e) => onChange({ format: e.target.value as StoryFormat })}
              data-testid="format"
            >
              {STORY_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="cd-meta-field">
            <span>Presenter</span>
            <input
              value={story.presenter}
              placeholder="Anchor"
              maxLength={120}
              list="cd-presenters"
              onChange={(e) => onChange({ presenter: lineInput(e.target.value) })}
              data-testid="presenter"
            />
            <datalist id="cd-presenters">
              {presenters.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </label>
          <label className="cd-meta-field">
            <span>Reporter</span>
            <input
              value={story.reporter}
              placeholder="Writer"
              maxLength={120}
              onChange={(e) => onChange({ reporter: lineInput(e.target.value) })}
            />
          </label>
          <label className="cd-meta-field cd-meta-target">
            <span>Target</span>
            <DurationInput
              owner={story.id}
              label="Target length"
              value={story.targetSec}
              onChange={(targetSec) => onChange({ targetSec })}
            />
          </label>
          <button
            type="button"
            className="cd-button cd-button-quiet cd-danger"
            onClick={onDelete}
            title="Delete this story from the archive"
          >
            Delete
          </button>
        </div>
        <TagInput tags={story.tags} onChange={(tags) => onChange({ tags })} />
      </fieldset>
    </section>
  );
}
