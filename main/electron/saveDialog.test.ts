import { describe, expect, it } from 'vitest';
import { nativeDialogs } from './dialogs';

describe('the export save dialog', () => {
  it('asks before replacing a file on every OS (Linux only asks when told to)', async () => {
    const asked: { properties?: string[] }[] = [];
    const dialogs = nativeDialogs(
      {
        showSaveDialog: async (options: { properties?: string[] }) => {
          asked.push(options);
          return { canceled: true, filePath: '' };
        },
      } as never,
      () => null,
      { get: () => undefined, remember: () => {} },
    );
    expect(await dialogs.chooseSaveFile('HARBOR.md')).toBeNull();
    expect(asked[0]?.properties).toContain('showOverwriteConfirmation');
  });
});
