import type { Actor } from '../../shared/newsroom/roles';
import type { ParsedInput, Output } from '../../shared/ipc/contract';
import type { LeaseView } from '../../shared/newsroom/channels';

/** A change the services just committed: what the newsroom sync sends up (and windows redraw). */
export type ArchiveChange = {
  kind: 'story' | 'rundown' | 'comment' | 'pronouncer' | 'template' | 'showTemplate' | 'import';
  id: string;
};

/**
 * The desk's connection to a newsroom server, as the services use it. It is made by the sync
 * layer (main/sync) and handed in; without one the desk works alone and every newsroom channel
 * says so.
 */
export type NewsroomPort = {
  /** Who is signed in, for the checks a desk makes before the server does; null when alone. */
  actor(): Actor | null;
  /** The live lease on a story held from another desk, or null. */
  heldElsewhere(storyId: string): LeaseView | null;
  status(): Output<'newsroom.status'> | Promise<Output<'newsroom.status'>>;
  connect(input: ParsedInput<'newsroom.connect'>): Promise<Output<'newsroom.connect'>>;
  disconnect(): Promise<Output<'newsroom.disconnect'>>;
  dismissNotice(input: ParsedInput<'newsroom.dismissNotice'>): Output<'newsroom.dismissNotice'>;
  sync(): Promise<Output<'newsroom.sync'>>;
  events(input: ParsedInput<'newsroom.events'>): Promise<Output<'newsroom.events'>>;
  lease(input: ParsedInput<'newsroom.lease'>): Promise<Output<'newsroom.lease'>>;
  leases(): Output<'newsroom.leases'>;
  search(input: ParsedInput<'newsroom.search'>): Promise<Output<'newsroom.search'>>;
  open(input: ParsedInput<'newsroom.open'>): Promise<Output<'newsroom.open'>>;
};
