// The app's update state for a component; idle for ever when there is no feed (a browser screen).
import { useSyncExternalStore } from 'react';
import type { UpdateState } from '../../../shared/update-state.ts';
import type { UpdateFeed } from '../api/update-feed.ts';

const IDLE: UpdateState = { phase: 'idle' };
const noSubscription = () => () => {};
const idle = () => IDLE;

export function useUpdateState(feed: UpdateFeed | undefined): UpdateState {
  return useSyncExternalStore(feed ? feed.subscribe : noSubscription, feed ? feed.current : idle);
}
