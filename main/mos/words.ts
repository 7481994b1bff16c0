import type { MosDevice } from '../../shared/mos/model';
import type { RoMessage } from '../../shared/mos/runningOrder';

/** A message as the producer reads it in a refusal: its MOS name and the story it was about. */
export function messageLabel(message: RoMessage): string {
  switch (message.type) {
    case 'roStoryInsert':
      return `roStoryInsert (${message.stories.map((s) => `“${s.slug}”`).join(', ')})`;
    case 'roStoryReplace':
    case 'roStorySend':
      return `${message.type} (“${message.story.slug}”)`;
    case 'roStoryMove':
    case 'roStoryDelete':
      return `${message.type} (${message.storyIds.length === 1 ? 'one story' : `${message.storyIds.length} stories`})`;
    case 'roCreate':
    case 'roReplace':
      return `${message.type} (the running order “${message.ro.slug}”)`;
    default:
      return message.type;
  }
}

/** What the connector or the network said, in the producer's words. */
export function describeProblem(text: string, device: MosDevice): string {
  const at = `${device.host}`;
  if (/ECONNREFUSED/.test(text))
    return `Nothing answers at ${at} on the MOS ports: is ${device.name} on, and listening on ${device.ports.lower}/${device.ports.upper}?`;
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return `There is no host named ${at} on the network.`;
  if (/EHOSTUNREACH|ENETUNREACH/.test(text)) return `${at} cannot be reached from this computer.`;
  if (/ETIMEDOUT|timed out/i.test(text))
    return `${device.name} did not answer in time (it may be busy, or the network slow).`;
  if (/ECONNRESET|EPIPE|closed/i.test(text)) return `${device.name} closed the connection.`;
  if (/Heartbeat/i.test(text)) return `${device.name} stopped answering heartbeats.`;
  return `${device.name}: ${text.replace(/^(primary: )?(MosSocketClient: )?/, '').slice(0, 200)}`;
}
