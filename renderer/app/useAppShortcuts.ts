import { useEffect, useRef } from 'react';
import { isDesktop } from '../api/client';

const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

type Deps = {
  save: (mode: 'explicit' | 'autosave') => Promise<boolean>;
  isDirty: () => boolean;
  hasStory: boolean;
  focusMode: boolean;
  setFocusMode: (update: (on: boolean) => boolean) => void;
  openFind: () => void;
  openExport: () => void;
  focusSearch: () => void;
  focusFormatPicker: () => void;
};

/**
 * The window's keyboard shortcuts (save, find in story, find in archive, export, focus mode, new
 * story), and saving when the page is hidden or closed.
 */
export function useAppShortcuts(deps: Deps) {
  const current = useRef(deps);
  useEffect(() => {
    current.current = deps;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const d = current.current;
      const mod = IS_MAC ? e.metaKey : e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && key === 's') {
        e.preventDefault();
        void d.save('explicit');
      } else if (mod && e.shiftKey && key === 'f') {
        e.preventDefault();
        d.focusSearch();
      } else if (mod && e.shiftKey && key === 'e') {
        e.preventDefault();
        d.openExport();
      } else if (mod && !e.shiftKey && !e.altKey && key === 'f' && d.hasStory) {
        e.preventDefault();
        d.openFind();
      } else if (mod && e.altKey && (key === 'f' || e.code === 'KeyF')) {
        e.preventDefault();
        d.setFocusMode((on) => !on);
      } else if (e.altKey && e.shiftKey && (key === 'n' || e.code === 'KeyN')) {
        // Ctrl+N belongs to the browser in browser mode; this works in both.
        e.preventDefault();
        d.focusFormatPicker();
      } else if (e.key === 'Escape' && d.focusMode && !document.querySelector('dialog[open]')) {
        d.setFocusMode(() => false);
      }
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!current.current.isDirty()) return;
      void current.current.save('autosave');
      // A browser tab asks before leaving; in the desktop app a cancelled unload would silently
      // keep the window open, and autosave leaves at most a second of typing at stake.
      if (!isDesktop) e.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void current.current.save('autosave');
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
}
