import { afterEach, describe, expect, it } from 'vitest';
import { bodyText, deviceMemory, IMOSObjectStatus } from './testing/testDevice';
import { mosText } from './wire';
import { cleanUp, expected, hubSays, inStep, NCS_ID, newsroom, roOf } from './testing/newsroom';

afterEach(cleanUp);

describe('live MOS: Copydesk as the NCS, a device built from the same connector', () => {
  it('sends the running order with roCreate: story rows in order, pages as storyNum, every story’s text', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    expect(device.memory.log.slice(0, 1)).toEqual(['roCreate']);
    expect(device.memory.ros.get(roOf(show.id))!.slug).toBe('6 PM NEWS 2026-11-30');
    const nums = expected(detail).map((s) => s.num);
    expect(nums).toEqual(['A2', 'A3', 'A4', 'B1', 'B2']);
    // The text as the MOS files write it: the presenter instruction is a `pi`, not escaped text.
    const first = device.memory.bodies.get(expected(detail)[0]!.id)!;
    expect(bodyText(first)).toContain('HARBOR FIRE tonight.');
    expect(JSON.stringify(first.Body)).toContain('"pi"');
    expect(bodyText(first)).not.toContain('&lt;');
    await hubSays(show.hub, () => !!show.hub.rundownStatus(show.id).devices[0]?.sent?.inStep);
  });

  it('follows moves, floats, deletes and additions made through the services, one message each', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    let detail = await show.send(device);
    const created = device.memory.log.length;
    const storyRows = detail.rundown.rows.filter((r) => r.kind === 'story');

    // SPORTS to the top of the show, WEATHER floated, CITY BUDGET taken out, a new story in.
    await show.call('rundowns.moveRow', { id: show.id, rowId: storyRows[4]!.id, to: 0 });
    await show.call('rundowns.setRow', { id: show.id, rowId: storyRows[3]!.id, floated: true });
    await show.call('rundowns.removeRow', { id: show.id, rowId: storyRows[1]!.id });
    const late = await show.call('stories.create', { slug: 'LATE NEWS' });
    await show.call('rundowns.addRow', {
      id: show.id,
      at: 2,
      row: { kind: 'story', storyId: late.id },
    });
    detail = await show.rows();
    await inStep(device, detail);
    const after = device.memory.log.slice(created);
    expect(after).toContain('roStoryMove');
    expect(after).toContain('roStoryDelete');
    expect(after).toContain('roStoryInsert');
    expect(after).not.toContain('roReplace');
    expect(device.order(roOf(show.id))).toEqual(expected(detail).map((s) => s.id));

    // Unfloating brings it back where it sits in the rundown.
    await show.call('rundowns.setRow', { id: show.id, rowId: storyRows[3]!.id, floated: false });
    detail = await show.rows();
    await inStep(device, detail);
  });

  it('re-sends a story’s text when it is edited, and only that story', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const sends = device.memory.log.filter((t) => t === 'roStorySend').length;
    const story = await show.call('stories.get', { id: show.storyIds[2]! });
    await show.call('stories.save', {
      story: {
        ...story,
        body: [{ type: 'paragraph', runs: [{ text: 'The dog was found safe.', bold: true }] }],
      },
      baseUpdatedAt: story.updatedAt,
    });
    const rowId = detail.rundown.rows.find((r) => r.storyId === show.storyIds[2])!.id;
    await device.until((m) => bodyText(m.bodies.get(rowId)).includes('The dog was found safe.'));
    expect(device.memory.log.filter((t) => t === 'roStorySend').length).toBe(sends + 1);
  });

  it('keeps changes made while the device is away and ends in step when it returns', async () => {
    const show = await newsroom();
    const memory = deviceMemory();
    let device = await show.startDevice(memory);
    let detail = await show.send(device);

    await show.stopDevice(device);
    const storyRows = detail.rundown.rows.filter((r) => r.kind === 'story');
    await show.call('rundowns.moveRow', { id: show.id, rowId: storyRows[0]!.id, to: 7 });
    await show.call('rundowns.removeRow', { id: show.id, rowId: storyRows[2]!.id });
    const story = await show.call('stories.get', { id: show.storyIds[1]! });
    await show.call('stories.save', {
      story: { ...story, body: [{ type: 'paragraph', runs: [{ text: 'Budget passes.' }] }] },
      baseUpdatedAt: story.updatedAt,
    });
    expect(show.hub.rundownStatus(show.id).devices[0]!.sent!.queued).toBeGreaterThan(0);
    const whileAway = memory.log.length;

    device = await show.startDevice(memory);
    detail = await show.rows();
    await inStep(device, detail);
    const budgetRow = detail.rundown.rows.find((r) => r.storyId === show.storyIds[1])!.id;
    await device.until((m) => bodyText(m.bodies.get(budgetRow)).includes('Budget passes.'));
    // The queued messages went in order, not a whole new running order.
    expect(memory.log.slice(whileAway)).not.toContain('roReplace');
    expect(device.order(roOf(show.id))).toEqual(expected(detail).map((s) => s.id));
  }, 30_000);

  it('shows a device’s NACK to the producer, then sends the running order whole', async () => {
    let refusing = true;
    const show = await newsroom({
      refuse: (type) =>
        refusing && type === 'roStoryInsert' ? 'Story insert not allowed while on air' : null,
    });
    const device = await show.startDevice();
    await show.send(device);
    const late = await show.call('stories.create', { slug: 'LATE NEWS' });
    await show.call('rundowns.addRow', {
      id: show.id,
      at: 1,
      row: { kind: 'story', storyId: late.id },
    });
    const detail = await show.rows();
    await inStep(device, detail);
    refusing = false;
    const status = await show.call('mos.rundownStatus', { rundownId: show.id });
    const problem = status.devices[0]!.sent!.lastProblem!;
    expect(problem.message).toContain('PROMPTER 1 refused roStoryInsert (“LATE NEWS”)');
    expect(problem.message).toContain('Story insert not allowed while on air');
    expect(device.memory.log).toContain('roReplace');
    expect((await show.call('mos.status', {})).devices[0]!.lastError!.message).toContain('refused');
  });

  it('shows what the device says of a story on its row, and sends roReadyToAir', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const rowId = expected(detail)[1]!.id;
    await device.storyStatus(roOf(show.id), rowId, IMOSObjectStatus.READY);
    const rows = (await show.call('mos.rundownStatus', { rundownId: show.id })).rows;
    expect(rows[rowId]).toEqual([
      expect.objectContaining({ deviceName: 'PROMPTER 1', status: 'READY', itemId: null }),
    ]);

    await show.call('mos.ready', { rundownId: show.id, ready: true });
    await device.until((m) => m.ready.get(roOf(show.id)) === 'READY');
    await show.call('mos.withdraw', { rundownId: show.id, deviceId: show.prompter.id });
    await device.until((m) => !m.ros.has(roOf(show.id)));
  });

  it('shows an item’s status beside the story’s, the running order’s own status, and tells a device what Copydesk is', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const rowId = expected(detail)[0]!.id;
    const ro = roOf(show.id);
    await device.storyStatus(ro, rowId, IMOSObjectStatus.READY);
    await device.itemStatus(ro, rowId, 'cg-1', IMOSObjectStatus.PLAY);
    await device.runningOrderStatus(ro, IMOSObjectStatus.READY);
    const status = await show.call('mos.rundownStatus', { rundownId: show.id });
    expect(status.rows[rowId]!.map((s) => [s.itemId, s.status])).toEqual([
      [null, 'READY'],
      ['cg-1', 'PLAY'],
    ]);
    expect(status.devices[0]!.sent!.deviceStatus).toBe('READY');

    const info = await device.machineInfo();
    expect(mosText(info.manufacturer)).toBe('Copydesk');
    expect(mosText(info.ID)).toBe(NCS_ID);
    expect(mosText(info.mosRev)).toBe('2.8.5');
    expect(info.supportedProfiles).toMatchObject({
      deviceType: 'NCS',
      profile0: true,
      profile2: true,
      profile4: true,
    });
  });
});
