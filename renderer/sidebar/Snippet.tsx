import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/ipc/types';
import './sidebar.css';

/** A search snippet with its hits highlighted, built as elements: never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const open = rest.indexOf(SNIPPET_OPEN);
    if (open < 0) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf(SNIPPET_CLOSE, open);
    const end = close < 0 ? rest.length : close;
    parts.push(<mark key={key++}>{rest.slice(open + 1, end)}</mark>);
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return <span className="cd-snippet">{parts}</span>;
}
