import { useEffect, useState } from 'react';
import type { TagCount } from '../../shared/ipc/types';
import { call } from '../api/calls';

/** The tags to filter by (with how many stories each), and how many stories wait for review. */
export function useSidebarCounts(version: number) {
  const [tags, setTags] = useState<TagCount[]>([]);
  const [queueCount, setQueueCount] = useState(0);
  useEffect(() => {
    void call('tags.list', {}).then((r) => {
      if (r.ok) setTags(r.value);
    });
    void call('stories.list', { status: 'ready', limit: 1 }).then((r) => {
      if (r.ok) setQueueCount(r.value.total);
    });
  }, [version]);
  return { tags, queueCount };
}
