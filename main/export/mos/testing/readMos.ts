import { MosModel, getMosTypes, xml2js } from '@mos-connection/helper';

/** A MOS string (mosString128) as text, as NRK's helper reads it. */
export const str = (
  v: Parameters<ReturnType<typeof getMosTypes>['mosString128']['stringify']>[0] | undefined,
) => (v === undefined ? undefined : getMosTypes(true).mosString128.stringify(v));

/**
 * Splits a MOS stream into messages the way a MOS receiver does (each ends at `</mos>`) and
 * parses every one with NRK's @mos-connection/helper.
 */
export function readMos(stream: string) {
  const messages = stream
    .split(/(?<=<\/mos>)/)
    .map((m) => m.trim())
    .filter(Boolean);
  return messages.map((message) => {
    const xml = xml2js(message) as unknown as { mos: Record<string, unknown> };
    const mos = xml.mos;
    if (mos.roCreate)
      return {
        kind: 'roCreate' as const,
        messageID: mos.messageID,
        ro: MosModel.XMLRunningOrder.fromXML('roCreate', mos.roCreate as never, true),
      };
    if (mos.roStorySend)
      return {
        kind: 'roStorySend' as const,
        messageID: mos.messageID,
        story: MosModel.XMLROFullStory.fromXML('roStorySend', mos.roStorySend as never, true),
      };
    throw new Error(`unexpected message ${Object.keys(mos).join(',')}`);
  });
}
