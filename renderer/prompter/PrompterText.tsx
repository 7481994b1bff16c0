import { memo, type CSSProperties, type ReactNode, type Ref } from 'react';
import type { DocLine, DocStory, Piece, PrompterDocument } from '../../shared/prompter/document';
import type { PrompterPrefs } from '../../shared/prompter/prefs';

type Styles = Pick<PrompterPrefs, 'cues' | 'instructions'>;

function pieceNode(piece: Piece, key: number): ReactNode {
  if (piece.pronouncer)
    return (
      <span key={key} className="cd-pr-pronouncer">
        {piece.text}
      </span>
    );
  let node: ReactNode = piece.text;
  if (piece.underline) node = <u>{node}</u>;
  if (piece.italic) node = <em>{node}</em>;
  if (piece.bold) node = <strong>{node}</strong>;
  if (piece.words > 0)
    return (
      <span key={key} className="pw" data-w={piece.words}>
        {node}
      </span>
    );
  return <span key={key}>{node}</span>;
}

function lineNode(story: DocStory, line: DocLine, key: number, styles: Styles): ReactNode {
  const changed = story.changed?.includes(line.block) ? ' cd-pr-changed' : '';
  switch (line.kind) {
    case 'read':
      return (
        <p key={key} className={`cd-pr-read${changed}`} dir="auto">
          {line.pieces.map(pieceNode)}
        </p>
      );
    case 'slug': {
      // The slug line is `PAGE SLUG` (in capitals when asked): the page gets a box of its own.
      const page = story.page ? line.text.slice(0, story.page.length) : '';
      return (
        <h2 key={key} className="cd-pr-marker" data-w={line.words} dir="auto">
          {page && <span className="cd-pr-page">{page}</span>}
          <span className="cd-pr-slug">{page ? line.text.slice(page.length + 1) : line.text}</span>
          {story.changed && story.changed.length > 0 && (
            <span className="cd-pr-changed-badge">Changed</span>
          )}
        </h2>
      );
    }
    case 'meta':
      return (
        <p key={key} className="cd-pr-meta" data-w={line.words} dir="auto">
          {line.text}
        </p>
      );
    case 'cue':
      return (
        <p
          key={key}
          className={`cd-pr-cue cd-pr-cue-${styles.cues}${changed}`}
          data-w={line.words}
          dir="auto"
        >
          [{line.text}]
        </p>
      );
    case 'instruction':
      return (
        <p
          key={key}
          className={`cd-pr-instruction cd-pr-instruction-${styles.instructions}${changed}`}
          data-w={line.words}
          dir="auto"
        >
          <span>{line.text}</span>
        </p>
      );
    case 'copy':
      return (
        <p key={key} className={`cd-pr-copy${changed}`} data-w={line.words} dir="auto">
          {line.text}
        </p>
      );
  }
}

const StoryText = memo(function StoryText({
  story,
  cues,
  instructions,
}: { story: DocStory } & Styles) {
  return (
    <article
      className="cd-pr-story"
      data-story-id={story.id}
      aria-label={`${story.page} ${story.slug}`.trim()}
    >
      {story.lines.map((line, i) => lineNode(story, line, i, { cues, instructions }))}
    </article>
  );
});

/**
 * The talent's text: large type in the theme's colours, a reading line, mirrored as the glass
 * needs. It only draws; the screen that holds it moves `scrollerRef` every frame (see
 * useScrollLoop) so that scrolling never re-renders React.
 */
export function PrompterText({
  doc,
  prefs,
  fontSize,
  mirror,
  regionRef,
  scrollerRef,
  label = 'Prompter',
  tabIndex,
}: {
  doc: PrompterDocument;
  prefs: PrompterPrefs;
  fontSize: number;
  mirror: { h: boolean; v: boolean };
  regionRef: Ref<HTMLElement>;
  scrollerRef: Ref<HTMLDivElement>;
  label?: string;
  tabIndex?: number;
}) {
  const style = {
    '--pr-font-size': `${fontSize}px`,
    '--pr-line-height': String(prefs.lineHeight),
    '--pr-margin': `${prefs.margin}%`,
    '--pr-reading-line': `${prefs.readingLine}%`,
    transform:
      mirror.h || mirror.v ? `scale(${mirror.h ? -1 : 1}, ${mirror.v ? -1 : 1})` : undefined,
  } as CSSProperties;
  return (
    <section
      ref={regionRef}
      role="region"
      aria-label={label}
      className={`cd-pr-talent cd-pr-theme-${prefs.theme}`}
      style={style}
      tabIndex={tabIndex}
      data-testid="prompter-text"
    >
      <div ref={scrollerRef} className="cd-pr-scroller">
        {doc.stories.map((story) => (
          <StoryText
            key={`${story.rowId ?? ''}:${story.id}`}
            story={story}
            cues={prefs.cues}
            instructions={prefs.instructions}
          />
        ))}
        <p className="cd-pr-end">END OF SHOW</p>
      </div>
      <div className="cd-pr-reading-line" aria-hidden="true" />
    </section>
  );
}
