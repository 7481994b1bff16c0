import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { storyLanguage, textLanguage } from '../../shared/story/language';

/** Text for HTML content and double-quoted attributes. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function styles(options: PrompterOptions): string {
  const cue =
    options.cues === 'reverse'
      ? 'color:#fff;background:#000'
      : options.cues === 'red'
        ? 'color:#c00'
        : 'color:#606060';
  const instruction = options.instructions === 'red' ? 'color:#c00' : 'color:#fff;background:#000';
  const storyBreak =
    options.storyBreak === 'page'
      ? '.story+.story{break-before:page}'
      : '.story+.story{border-top:4px solid #a0a0a0;padding-top:1em}';
  return [
    `body{font:${options.fontSizePt}pt/1.35 Arial,"Noto Sans KR",sans-serif;margin:0.75in}`,
    '.slug{font-size:1em;margin:0 0 .5em}',
    '.meta,.copy{color:#606060}',
    '.copy{font-style:italic}',
    `.cue{${cue}}`,
    `.instruction{${instruction}}`,
    // A pronouncer is never broken at its hyphens or spaces; tabs that indent copy are kept.
    '.pronouncer{font-weight:normal;font-style:normal;white-space:nowrap}',
    '.read{white-space:pre-wrap;tab-size:4}',
    storyBreak,
  ].join('\n');
}

function runHtml(run: Run): string {
  let inner = htmlEscape(run.text);
  if (run.underline) inner = `<u>${inner}</u>`;
  if (run.italic) inner = `<em>${inner}</em>`;
  if (run.bold) inner = `<strong>${inner}</strong>`;
  return run.pronouncer
    ? `${inner} <span class="pronouncer">(${htmlEscape(run.pronouncer)})</span>`
    : inner;
}

/** `lang` on a line whose language is plainly not the story's (an Arabic quote in English copy). */
function langAttribute(text: string, storyLang: string | null): string {
  const lang = textLanguage(text);
  return lang && lang !== storyLang ? ` lang="${lang}"` : '';
}

function lineHtml(line: PrompterLine, storyLang: string | null): string {
  switch (line.kind) {
    case 'slug':
      return `<h1 class="slug" dir="auto">${htmlEscape(line.text)}</h1>`;
    case 'meta':
    case 'cue':
    case 'copy':
      return `<p class="${line.kind}" dir="auto">[${htmlEscape(line.text)}]</p>`;
    case 'instruction':
      return `<p class="instruction" dir="auto">${htmlEscape(line.text)}</p>`;
    case 'read': {
      const lang = langAttribute(line.runs.map((r) => r.text).join(''), storyLang);
      return `<p class="read" dir="auto"${lang}>${line.runs.map(runHtml).join('')}</p>`;
    }
  }
}

/**
 * One HTML page for web prompters and QPrompt: each story an `<article>`, the prompter's
 * conventions as CSS classes (`cue`, `instruction`, `copy`), `dir="auto"` so right-to-left
 * paragraphs run the right way. Self-contained: no scripts, no external files.
 */
export function prompterHtml(
  stories: readonly Story[],
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  const title = stories.length === 1 ? stories[0]!.slug || 'UNTITLED' : 'Copydesk show';
  const langs = stories.map(storyLanguage);
  // The page's language is the stories' when they share one; each story says its own.
  const pageLang = langs.every((l) => l !== null && l === langs[0]) ? langs[0]! : 'und';
  const articles = stories.map(
    (story, i) =>
      `<article class="story"${langs[i] ? ` lang="${langs[i]}"` : ''}>\n${prompterLines(
        story,
        options,
        timing,
      )
        .map((line) => lineHtml(line, langs[i] ?? null))
        .join('\n')}\n</article>`,
  );
  return (
    `<!DOCTYPE html>\n<html lang="${pageLang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="generator" content="Copydesk">\n<title>${htmlEscape(title)}</title>\n` +
    `<style>\n${styles(options)}\n</style>\n</head>\n<body>\n${articles.join('\n')}\n</body>\n</html>\n`
  );
}
