// The board's own owner-side actions, for everyone in the kitchen (no PIN): a dish sold out or
// back (asked first), and pausing or resuming new orders. The host's answers update the board at
// once; its events bring the same to every other screen.
import { useCallback, useState } from 'react';
import type { OrderItem } from '../../../shared/order.ts';
import type { KdsClient } from '../api/kds-client.ts';
import type { BoardAction, BoardState } from './board.ts';
import { findStockItem, type StockItem } from './stock.ts';

export type StockTarget = { item: StockItem | undefined; name: string };

export function useStockAndPause(api: KdsClient, board: BoardState, dispatch: (a: BoardAction) => void, fail: (e: unknown) => void) {
  const [stock, setStock] = useState<StockTarget | null>(null);
  const [pausing, setPausing] = useState(false);
  const [busy, setBusy] = useState(false);

  /** First tap: from the all-day panel (a menu dish) or a card's line (an order's dish). */
  const askStock = useCallback(
    (target: StockItem | OrderItem) => {
      const id = 'itemId' in target ? target.itemId : target.id;
      setStock({ item: findStockItem(board.menu, id), name: target.name });
    },
    [board.menu],
  );

  /** Second tap: the mark goes to the host; the menu it answers with is the board's. */
  const confirmStock = useCallback(
    (item: StockItem, available: boolean) => {
      setBusy(true);
      api.setItemAvailability(item.id, available).then(
        () => {
          setBusy(false);
          setStock(null);
          // The host's 'menu' event carries the new menu; read it too in case this screen missed it.
          api.getMenu().then((menu) => dispatch({ type: 'menu', menu }), () => undefined);
        },
        (e: unknown) => {
          setBusy(false);
          setStock(null);
          fail(e);
        },
      );
    },
    [api, dispatch, fail],
  );

  const pause = useCallback(
    (minutes: number | null) => {
      setPausing(false);
      setBusy(true);
      api.pauseOrders(minutes === null ? {} : { minutes }).then(
        (p) => {
          setBusy(false);
          dispatch({ type: 'pause', pause: p });
        },
        (e: unknown) => {
          setBusy(false);
          fail(e);
        },
      );
    },
    [api, dispatch, fail],
  );

  const resume = useCallback(() => {
    setBusy(true);
    api.resumeOrders().then(
      (p) => {
        setBusy(false);
        dispatch({ type: 'pause', pause: p });
      },
      (e: unknown) => {
        setBusy(false);
        fail(e);
      },
    );
  }, [api, dispatch, fail]);

  return { stock, askStock, confirmStock, closeStock: () => setStock(null), pausing, openPause: () => setPausing(true), closePause: () => setPausing(false), pause, resume, busy };
}
