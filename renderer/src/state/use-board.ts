// Keeps the board in step with the host: subscribe first, then read the snapshot, and read it
// again after every reconnection (events may have been missed) and after midnight (a new day).
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { KdsClient } from '../api/kds-client.ts';
import { boardReducer, emptyBoard, type BoardAction, type BoardState } from './board.ts';

export interface BoardHandle {
  board: BoardState;
  dispatch: (action: BoardAction) => void;
  hostConnected: boolean;
  loadError: unknown;
  reload: () => void;
}

function msUntilNextDay(now = new Date()): number {
  const next = new Date(now);
  next.setHours(24, 0, 5, 0);
  return next.getTime() - now.getTime();
}

export function useBoard(api: KdsClient): BoardHandle {
  const [board, dispatch] = useReducer(boardReducer, emptyBoard);
  const [hostConnected, setHostConnected] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(retry);
      api.getSnapshot().then(
        (snapshot) => {
          if (!alive) return;
          setLoadError(null);
          dispatch({ type: 'snapshot', snapshot });
        },
        (error: unknown) => {
          if (!alive) return;
          setLoadError(error);
          retry = setTimeout(load, 3000);
        },
      );
      // The whole menu (sold-out marks): the board works without it, so a failure only waits for the next load.
      api.getMenu().then(
        (menu) => alive && dispatch({ type: 'menu', menu }),
        () => undefined,
      );
    };
    const unsubscribe = api.subscribe((event) => dispatch({ type: 'event', event }));
    const offConnection = api.onConnection((connected) => {
      setHostConnected(connected);
      if (connected) load();
    });
    load();
    const midnight = setTimeout(() => setGeneration((g) => g + 1), msUntilNextDay());
    return () => {
      alive = false;
      clearTimeout(retry);
      clearTimeout(midnight);
      unsubscribe();
      offConnection();
    };
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { board, dispatch, hostConnected, loadError, reload };
}
