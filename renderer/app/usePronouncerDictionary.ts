import { useCallback, useEffect, useRef, useState } from 'react';
import type { PronouncerEntry } from '../../shared/settings';
import type { Story } from '../../shared/story/model';
import { call } from '../api/calls';

/**
 * The archive's pronouncer dictionary, as the editor offers it. A save that taught it a
 * pronouncer it did not know (or a new one for a term) reloads it.
 */
export function usePronouncerDictionary() {
  const [dictionary, setDictionary] = useState<PronouncerEntry[]>([]);
  const loadDictionary = useCallback(() => {
    void call('pronouncers.list', {}).then((r) => r.ok && setDictionary(r.value));
  }, []);

  // Read through a ref: autosave runs every second while someone types, and must not rescan.
  const dictionaryRef = useRef(dictionary);
  useEffect(() => {
    dictionaryRef.current = dictionary;
  }, [dictionary]);
  const learnFrom = useCallback(
    (saved: Story) => {
      const known = new Map(
        dictionaryRef.current.map((d) => [d.term.toLocaleLowerCase(), d.phonetic]),
      );
      const learned = saved.body.flatMap((b) =>
        b.type === 'paragraph' ? b.runs.filter((r) => r.pronouncer) : [],
      );
      if (
        learned.some((r) => known.get(r.text.trim().toLocaleLowerCase()) !== r.pronouncer?.trim())
      )
        loadDictionary();
    },
    [loadDictionary],
  );
  return { dictionary, loadDictionary, learnFrom };
}
