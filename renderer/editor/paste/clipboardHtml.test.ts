import { describe, expect, it } from 'vitest';
import { clipboardHtmlText } from './clipboardHtml';

describe('the text of clipboard HTML', () => {
  it('gives one line per paragraph, list item and line break, with runs of space folded', () => {
    const html =
      '<div><h2>SLUG: HARBOR TOLL</h2><p>Tolls   rise\n on <b>the</b> bridge.</p>' +
      '<ul><li>One</li><li>Two</li></ul>First<br>Second<table><tr><td>A</td><td>B</td></tr></table></div>';
    expect(clipboardHtmlText(html)).toBe(
      'SLUG: HARBOR TOLL\nTolls rise on the bridge.\nOne\nTwo\nFirst\nSecond\nA B',
    );
  });

  it('reads no markup, style, script, attribute or comment', () => {
    const html =
      '<meta charset="utf-8"><style>p{color:red}</style><script>alert(1)</script>' +
      '<p title="hidden" onclick="x()">Seen <img src="x" alt="alt text"><!-- a comment --></p>' +
      '<template><p>never</p></template><noscript>nor this</noscript>';
    expect(clipboardHtmlText(html)).toBe('Seen');
  });

  it('keeps the line breaks of preformatted text and decodes entities once', () => {
    expect(clipboardHtmlText('<pre>one\n  two</pre><p>&lt;b&gt; &amp;amp;</p>')).toBe(
      'one\ntwo\n<b> &amp;',
    );
  });
});
