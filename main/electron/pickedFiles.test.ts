import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FILES_POSSIBLE, hostileFolder } from '../common/testing/hostileFiles';
import { readPickedFile } from './dialogs';

describe.runIf(HOSTILE_FILES_POSSIBLE)('files the desktop app is handed', () => {
  let files: ReturnType<typeof hostileFolder>;
  beforeAll(() => {
    files = hostileFolder();
  });

  it('the file picker and files the OS hands the app read only regular files, within the limit', async () => {
    await expect(readPickedFile(files.zero)).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readPickedFile(files.fifo)).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readPickedFile(files.sparse)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect((await readPickedFile(files.small)).name).toBe('small.txt');
  });
});
