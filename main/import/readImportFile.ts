import { decodeScriptFile } from './decodeFile';
import { looksLikeNsml, parseNsml } from './nsml/nsmlImport';
import { parseScriptText } from '../../shared/import/scriptText';
import { scriptStoryFields } from '../../shared/import/scriptMerge';
import { looksLikeStoryFile, parseStoryFile } from '../../shared/exchange/storyFile';
import { looksLikeHandoff, parseHandoff, type Handoff } from '../../shared/exchange/handoff';
import type { Story } from '../../shared/story/model';
import { ServiceError } from '../common/errors';

export type ParsedFile = {
  file: string;
  /** New stories' fields; the service adds id, status and timestamps. */
  drafts: Omit<Story, 'id' | 'schemaVersion' | 'status' | 'createdAt' | 'updatedAt'>[];
  /** Stories from a Copydesk story file, kept exactly as they were written. */
  fromStoryFile: Story[];
  /** A `.copydesk` hand-off package: a story with its versions and comments, to merge. */
  handoff: Handoff | null;
  dropped: string[];
};

/**
 * One import file, decided by its content: an NSML story (4.x XML or the SGML-like 1.0), a
 * Copydesk story file, or a plain-text script. Throws a BAD_FILE error naming the file.
 */
export function readImportFile(name: string, dataBase64: string): ParsedFile {
  const text = decodeScriptFile(name, Buffer.from(dataBase64, 'base64'));
  const label = `“${name}”`;
  if (looksLikeHandoff(text)) {
    const handoff = parseHandoff(text);
    if (!handoff.ok) {
      throw new ServiceError(
        'BAD_FILE',
        `${label} looks like a Copydesk package, but ${handoff.message}. Nothing was imported.`,
      );
    }
    return { file: name, drafts: [], fromStoryFile: [], handoff: handoff.value, dropped: [] };
  }
  if (looksLikeStoryFile(text)) {
    const storyFile = parseStoryFile(text);
    if (!storyFile.ok)
      throw new ServiceError(
        'BAD_FILE',
        `${label} looks like a Copydesk story file, but ${storyFile.message}. Nothing was imported.`,
      );
    return {
      file: name,
      drafts: [],
      fromStoryFile: storyFile.value.stories,
      handoff: null,
      dropped: [],
    };
  }
  if (looksLikeNsml(text)) {
    const { fieldTimes: _, ...story } = parseNsml(text, label);
    return { file: name, drafts: [story], fromStoryFile: [], handoff: null, dropped: [] };
  }
  const script = parseScriptText(text);
  return {
    file: name,
    // The same rule a paste into an unwritten story follows, so both give the same story.
    drafts: [scriptStoryFields(script)],
    fromStoryFile: [],
    handoff: null,
    dropped: script.dropped,
  };
}
