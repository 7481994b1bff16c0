import { useCallback, useState } from 'react';
import type { Settings } from '../../shared/settings';
import { call } from '../api/calls';

/**
 * The archive's settings: null until they are read, and while they cannot be. Nothing may save
 * settings it never read — they are saved whole, and defaults would replace the presenters.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const loadSettings = useCallback(async () => {
    const result = await call('settings.get', {});
    if (result.ok) setSettings(result.value);
  }, []);
  return { settings, setSettings, loadSettings };
}
