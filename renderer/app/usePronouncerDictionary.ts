import { useCallback, useEffect, useRef, useState } from 'react';
import type { PronouncerEntry } from '../../shared/settings';
import type { Story } from '../../shared/story/model';
import { pronouncersTaught } from '../../shared/story/pronouncers';
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
      // The rule is shared with main, which stores what a save teaches.
      if (pronouncersTaught(saved, dictionaryRef.current).length > 0) loadDictionary();
    },
    [loadDictionary],
  );
  return { dictionary, loadDictionary, learnFrom };
}
