import type { Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { runsScriptText } from '../../shared/story/text';

export const TEXT_STORY_SEPARATOR = '--------------------';

/**
 * Plain text for prompter software (Autoscript, TeleScript, QPrompt): UTF-8 with a BOM so
 * Windows prompter apps read Hangul and accents right, CRLF line ends, a blank line between
 * paragraphs. Anything in [brackets] is not read aloud; (parentheses) are presenter instructions.
 */
export function prompterText(
  stories: readonly Story[],
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  const parts = stories.map((story) =>
    prompterLines(story, options, timing).map(lineText).join('\r\n\r\n'),
  );
  return `\uFEFF${parts.join(`\r\n\r\n${TEXT_STORY_SEPARATOR}\r\n\r\n`)}\r\n`;
}

function lineText(line: PrompterLine): string {
  switch (line.kind) {
    case 'slug':
      // In brackets, as everything the presenter does not read: no Markdown heading marks.
      return `[${line.text}]`;
    case 'meta':
    case 'cue':
    case 'copy':
      return `[${line.text}]`;
    case 'instruction':
      return line.text;
    case 'read':
      return runsScriptText(line.runs);
  }
}
