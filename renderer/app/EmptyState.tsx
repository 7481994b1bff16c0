import './app.css';

/** The main column when no story is open. */
export function EmptyState({
  onNewStory,
  onImport,
}: {
  onNewStory: () => void;
  onImport: () => void;
}) {
  return (
    <div className="cd-empty">
      <h1>No story open</h1>
      <p>Pick a story from the archive, start a new one, or import a script file.</p>
      <div className="cd-empty-actions">
        <button type="button" className="cd-button cd-button-primary" onClick={onNewStory}>
          New story
        </button>
        <button type="button" className="cd-button" onClick={onImport}>
          Import a script…
        </button>
      </div>
    </div>
  );
}
