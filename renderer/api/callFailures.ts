import type { Channel } from '../../shared/ipc/contract';
import type { ServiceErrorValue } from '../../shared/ipc/result';

/** What each call was for, in the user's words: “Could not … .” */
const ACTIONS: Record<Channel, string> = {
  'app.info': 'open the archive',
  'stories.list': 'list the stories',
  'stories.search': 'search the archive',
  'stories.get': 'open the story',
  'stories.create': 'create the story',
  'stories.draft': 'start a new story',
  'stories.save': 'save the story',
  'stories.setStatus': 'change the story’s status',
  'stories.history': 'read the story’s history',
  'stories.revision': 'read that version of the story',
  'stories.restore': 'restore that version',
  'stories.handoff': 'make the story package',
  'stories.resolveConflict': 'settle the two versions',
  'comments.list': 'read the comments',
  'comments.add': 'post the comment',
  'comments.resolve': 'change the comment thread',
  'stories.delete': 'delete the story',
  'tags.list': 'read the tags',
  'tags.rename': 'rename the tag',
  'tags.delete': 'delete the tag',
  'import.files': 'import the files',
  'import.stories': 'import the stories',
  'templates.list': 'read the templates',
  'templates.save': 'save the template',
  'templates.reset': 'restore the built-in template',
  'pronouncers.list': 'read the pronouncer dictionary',
  'pronouncers.save': 'save the pronouncer',
  'pronouncers.delete': 'delete the pronouncer',
  'settings.get': 'read the settings',
  'settings.save': 'save the settings',
  'archive.backup': 'back up the archive',
  'archive.backups': 'list the backups',
  'archive.restore': 'restore the backup',
  'archive.status': 'find out whether the archive is open',
  'archive.openReadOnly': 'open the archive read-only',
  'archive.openBackup': 'put the backup in the damaged archive’s place',
  'log.rendererError': 'write to the error log',
  'export.stories': 'export',
  'rundowns.list': 'list the rundowns',
  'rundowns.get': 'open the rundown',
  'rundowns.create': 'create the rundown',
  'rundowns.update': 'change the show',
  'rundowns.delete': 'delete the rundown',
  'rundowns.addRow': 'add the row',
  'rundowns.moveRow': 'move the row',
  'rundowns.setRow': 'change the row',
  'rundowns.removeRow': 'remove the row',
  'rundowns.history': 'read the rundown’s history',
  'rundowns.holding': 'find the rundowns that hold the story',
  'showTemplates.list': 'read the show templates',
  'showTemplates.save': 'save the show template',
  'showTemplates.fromRundown': 'save the rundown as a template',
  'showTemplates.delete': 'delete the show template',
  'newsroom.status': 'read the newsroom connection',
  'newsroom.connect': 'connect to the newsroom',
  'newsroom.disconnect': 'disconnect from the newsroom',
  'newsroom.dismissNotice': 'put the notice away',
  'newsroom.sync': 'exchange changes with the newsroom',
  'newsroom.events': 'hear from the newsroom',
  'newsroom.lease': 'say who is editing the story',
  'newsroom.leases': 'read who is editing what',
  'newsroom.search': 'search the whole newsroom',
  'newsroom.open': 'bring the story from the newsroom',
  'mos.devices.list': 'list the MOS devices',
  'mos.devices.save': 'save the MOS device',
  'mos.devices.remove': 'remove the MOS device',
  'mos.settings.get': 'read the MOS settings',
  'mos.settings.save': 'save the MOS settings',
  'mos.send': 'send the rundown to the device',
  'mos.withdraw': 'take the rundown off the device',
  'mos.ready': 'mark the show ready',
  'mos.status': 'read the MOS devices’ status',
  'mos.rundownStatus': 'read what the devices say of the rundown',
  'prompter.show': 'open the prompter',
};

/** `Invalid input for settings.save: Too big (at defaults.wordsPerMinute).` → `Too big.` */
function inputProblem(message: string): string {
  const issue = message
    .replace(/^Invalid input for [\w.]+: /, '')
    .replace(/ \(at [^)]*\)\.?$/, '')
    .replace(/\.$/, '');
  return issue ? `${issue.charAt(0).toUpperCase()}${issue.slice(1)}.` : '';
}

/**
 * A failed call as a notice says it: what could not be done, then why. Messages written for
 * people (not found, locked, a damaged archive…) are kept; the ones that name channels and
 * fields (invalid input, an internal failure) are put in words, with the details left to the log.
 */
export function failureText(channel: Channel, error: ServiceErrorValue): string {
  const action = `Could not ${ACTIONS[channel]}.`;
  switch (error.code) {
    case 'INTERNAL':
    case 'UNKNOWN_CHANNEL':
      return `${action} Something went wrong inside Copydesk; the details are in the log.`;
    case 'INVALID_INPUT': {
      const problem = inputProblem(error.message);
      return problem ? `${action} ${problem}` : action;
    }
    default:
      return `${action} ${error.message}`;
  }
}
