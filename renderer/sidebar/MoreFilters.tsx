import { STORY_FORMATS, type StoryFormat } from '../../shared/story/model';
import './sidebar.css';

/** The filters behind “More filters”: format, people, and the days a story changed. */
export type MoreFilterValues = {
  format: StoryFormat | '';
  presenter: string;
  reporter: string;
  from: string;
  to: string;
};

export const NO_MORE_FILTERS: MoreFilterValues = {
  format: '',
  presenter: '',
  reporter: '',
  from: '',
  to: '',
};

export function moreFilterCount(more: MoreFilterValues): number {
  return Object.values(more).filter(Boolean).length;
}

export function MoreFilters({
  more,
  onChange,
}: {
  more: MoreFilterValues;
  onChange: (more: MoreFilterValues) => void;
}) {
  return (
    <div className="cd-more-filters">
      <select
        aria-label="Filter by format"
        value={more.format}
        onChange={(e) => onChange({ ...more, format: e.target.value as StoryFormat | '' })}
      >
        <option value="">Any format</option>
        {STORY_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      <input
        aria-label="Filter by presenter"
        placeholder="Presenter"
        value={more.presenter}
        onChange={(e) => onChange({ ...more, presenter: e.target.value })}
      />
      <input
        aria-label="Filter by reporter"
        placeholder="Reporter"
        value={more.reporter}
        onChange={(e) => onChange({ ...more, reporter: e.target.value })}
      />
      <label className="cd-date-filter">
        <span>From</span>
        <input
          type="date"
          aria-label="Changed on or after"
          value={more.from}
          onChange={(e) => onChange({ ...more, from: e.target.value })}
        />
      </label>
      <label className="cd-date-filter">
        <span>To</span>
        <input
          type="date"
          aria-label="Changed on or before"
          value={more.to}
          onChange={(e) => onChange({ ...more, to: e.target.value })}
        />
      </label>
      {moreFilterCount(more) > 0 && (
        <button type="button" className="cd-link" onClick={() => onChange(NO_MORE_FILTERS)}>
          Clear these filters
        </button>
      )}
    </div>
  );
}
