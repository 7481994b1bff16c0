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
    const saved = await dialogs.saveFile({
      fileName: 'HARBOR.md',
      mimeType: 'text/markdown',
      encoding: 'utf8',
      data: '# HARBOR',
    });
    expect(saved).toEqual({ saved: false });
    expect(asked[0]?.properties).toContain('showOverwriteConfirmation');
  });
});
