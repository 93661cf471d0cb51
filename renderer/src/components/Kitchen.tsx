// The kitchen screen: the board of open orders, what WhatsApp is doing, who wants a person, and
// the panels. Everything it knows comes from KdsApi; every action goes back through it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { UI_STRINGS, type Locale } from '../../../shared/i18n.ts';
import { nextStatus, type Order, type OrderStatus } from '../../../shared/order.ts';
import { KdsError, type LinkRequest } from '../../../shared/kds-api.ts';
import type { KdsClient } from '../api/kds-client.ts';
import type { UpdateFeed } from '../api/update-feed.ts';
import { useBoard } from '../state/use-board.ts';
import { useCloudStatus } from '../state/use-cloud.ts';
import { usePrintingStatus } from '../state/use-printing.ts';
import { ticketNotes } from '../state/printing.ts';
import { cloudShown } from '../state/cloud.ts';
import { lastCompleted, openOrders, unacknowledged } from '../state/selectors.ts';
import { keyAction, moveSelection } from '../state/keyboard.ts';
import { storeLocale, storedLocale } from '../state/locale.ts';
import { linkView } from '../state/linking.ts';
import { audioReady, beep, unlockAudio } from '../audio/alarm.ts';
import type { CardActions } from './OrderCard.tsx';
import { Board } from './Board.tsx';
import { Header } from './Header.tsx';
import { WhatsAppBanner } from './WhatsAppBanner.tsx';
import { HandoffBar } from './HandoffBar.tsx';
import { MEDIA_STRINGS } from '../../../shared/i18n-media.ts';
import { AcceptDialog } from './AcceptDialog.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { SidePanel, type PanelTab } from './SidePanel.tsx';
import { UndoToast, type UndoOffer } from './UndoToast.tsx';
import { SoundPrompt } from './SoundPrompt.tsx';
import { HostStatus } from './HostStatus.tsx';
import { LinkPanel } from './LinkPanel.tsx';
import { OWNER_STRINGS } from '../../../shared/i18n-owner.ts';
import { useStockAndPause } from '../state/use-stock-pause.ts';
import { PauseBar } from './owner/PauseBar.tsx';
import { PauseDialog } from './owner/PauseDialog.tsx';
import { StockDialog } from './owner/StockDialog.tsx';
import { OwnerArea } from './owner/OwnerArea.tsx';

/** How often an unacknowledged new order beeps again. */
const ALARM_EVERY_MS = 4000;

type DialogState = { type: 'accept'; orderId: string } | { type: 'reason'; orderId: string; to: 'rejected' | 'cancelled' } | null;

export function Kitchen({ api, updates }: { api: KdsClient; updates: UpdateFeed | undefined }) {
  const { board, dispatch, hostConnected, loadError } = useBoard(api);
  const [cloud, setCloud] = useCloudStatus(api);
  const printing = usePrintingStatus(api);
  const [localeOverride, setLocaleOverride] = useState<Locale | null>(storedLocale);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [panel, setPanel] = useState<PanelTab | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [soundOn, setSoundOn] = useState(audioReady);
  /** Ajustes is open over the board (behind the PIN). */
  const [ownerOpen, setOwnerOpen] = useState(false);

  const { settings } = board;
  const locale: Locale = localeOverride ?? settings.locale ?? 'es';
  const t = UI_STRINGS[locale];
  const o = OWNER_STRINGS[locale];

  const orders = useMemo(() => [...board.orders.values()], [board.orders]);
  const open = useMemo(() => openOrders(orders), [orders]);
  const alarmIds = useMemo(() => unacknowledged(open).map((o) => o.id).join(','), [open]);
  const notes = useMemo(() => ticketNotes(printing, locale), [printing, locale]);

  // The latest of everything, for callbacks that must stay the same object (memoized cards).
  const latest = useRef({ board, open, orders, t, dialog, selectedId, settings, ownerOpen });
  latest.current = { board, open, orders, t, dialog, selectedId, settings, ownerOpen };

  const fail = useCallback((e: unknown) => {
    const { t } = latest.current;
    if (e instanceof KdsError && e.code === 'conflict' && /undo/i.test(e.message)) setError(t.nothingToUndo);
    else setError(e instanceof Error ? e.message : String(e));
  }, []);

  const owner = useStockAndPause(api, board, dispatch, fail);
  const askStock = useRef(owner.askStock);
  askStock.current = owner.askStock;
  const soldOut = useMemo(() => new Set(board.menu?.categories.flatMap((c) => c.items.filter((i) => i.available === false).map((i) => i.id)) ?? []), [board.menu]);

  const acknowledge = useCallback(
    (order: Order) => {
      if (order.status !== 'new' || order.acknowledged) return;
      api.acknowledge(order.id).then((o) => dispatch({ type: 'order', order: o }), fail);
    },
    [api, dispatch, fail],
  );

  const move = useCallback(
    async (order: Order, to: OrderStatus, extra: { etaMinutes?: number; reason?: string } = {}) => {
      try {
        const updated = await api.transition(order.id, { to, undoable: true, by: 'kds', ...extra });
        dispatch({ type: 'order', order: updated });
        const { t, settings } = latest.current;
        const seconds = settings.undoSeconds;
        if (seconds > 0) setUndo({ orderId: order.id, text: t.moved(order.number, t.status[to]), seconds, key: `${order.id}:${updated.updatedAt}` });
      } catch (e) {
        fail(e);
      }
    },
    [api, dispatch, fail],
  );

  // A reprint never waits for the printer: the host queues it and the card shows if it is stuck.
  const reprint = useCallback(
    (order: Order, copy: 'kitchen' | 'receipt') =>
      api.printOrder(order.id, copy).then(
        () => true,
        (e: unknown) => {
          fail(e);
          return false;
        },
      ),
    [api, fail],
  );

  const actions: CardActions = useMemo(
    () => ({
      reprint,
      select: (order) => {
        setSelectedId(order.id);
        acknowledge(order);
      },
      accept: (order) => {
        acknowledge(order);
        setSelectedId(order.id);
        setDialog({ type: 'accept', orderId: order.id });
      },
      advance: (order) => {
        acknowledge(order);
        setSelectedId(order.id);
        const next = nextStatus(order.status);
        if (order.status === 'new') setDialog({ type: 'accept', orderId: order.id });
        else if (next) void move(order, next);
      },
      stop: (order) => {
        acknowledge(order);
        setSelectedId(order.id);
        setDialog({ type: 'reason', orderId: order.id, to: order.status === 'new' ? 'rejected' : 'cancelled' });
      },
      stock: (item) => askStock.current(item),
    }),
    [acknowledge, move, reprint],
  );

  const recall = useCallback((order: Order) => void move(order, 'ready'), [move]);

  // The selection leaves with its card.
  useEffect(() => {
    if (selectedId && !open.some((o) => o.id === selectedId)) setSelectedId(null);
  }, [open, selectedId]);

  // A dialog whose order was closed elsewhere (another screen) closes too.
  const dialogOrder = dialog ? board.orders.get(dialog.orderId) : undefined;
  useEffect(() => {
    if (!dialog) return;
    const stillValid = dialogOrder && (dialog.type === 'accept' ? dialogOrder.status === 'new' : ['new', 'accepted', 'preparing', 'ready'].includes(dialogOrder.status));
    if (!stillValid) setDialog(null);
  }, [dialog, dialogOrder]);

  // Sound: try at once (the desktop app allows it), else from the first tap or key anywhere.
  useEffect(() => {
    if (soundOn) return;
    let alive = true;
    const tryUnlock = () => void unlockAudio().then((ok) => alive && ok && setSoundOn(true));
    tryUnlock();
    window.addEventListener('pointerdown', tryUnlock, true);
    window.addEventListener('keydown', tryUnlock, true);
    return () => {
      alive = false;
      window.removeEventListener('pointerdown', tryUnlock, true);
      window.removeEventListener('keydown', tryUnlock, true);
    };
  }, [soundOn]);

  // New orders beep until someone acknowledges them; a newly arrived one beeps at once.
  useEffect(() => {
    if (!alarmIds || !soundOn) return;
    beep();
    const id = setInterval(beep, ALARM_EVERY_MS);
    return () => clearInterval(id);
  }, [alarmIds, soundOn]);

  useEffect(() => {
    if (!error) return;
    const id = setTimeout(() => setError(null), 6000);
    return () => clearTimeout(id);
  }, [error]);

  // Bump bars and keyboards: 1–9 select, arrows move, Enter advances, R recalls, Esc closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const action = keyAction(e.key);
      if (!action) return;
      const { open, orders, dialog, selectedId, settings, board, ownerOpen } = latest.current;
      // Ajustes has its own keys (the PIN pad); the board behind it does not move.
      if (ownerOpen) return;
      if (action.type === 'escape') {
        if (dialog) setDialog(null);
        else setPanel(null);
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (dialog) {
        // In the ETA dialog, 1–9 pick the Nth choice: Enter then 2 accepts in 20 minutes.
        if (dialog.type === 'accept' && action.type === 'select') {
          const eta = settings.etaChoices[action.index];
          const order = board.orders.get(dialog.orderId);
          if (eta !== undefined && order) {
            e.preventDefault();
            setDialog(null);
            void move(order, 'accepted', { etaMinutes: eta });
          }
        }
        return;
      }
      e.preventDefault();
      const index = open.findIndex((o) => o.id === selectedId);
      switch (action.type) {
        case 'select': {
          const order = open[action.index];
          if (order) actions.select(order);
          break;
        }
        case 'move': {
          const order = open[moveSelection(index, action.by, open.length)];
          if (order) setSelectedId(order.id);
          break;
        }
        case 'advance': {
          const order = open[index];
          if (order) actions.advance(order);
          break;
        }
        case 'recall': {
          const order = lastCompleted(orders);
          if (order) recall(order);
          break;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, move, recall]);

  const openChat = useCallback(
    (phone: string) => {
      dispatch({ type: 'sim-open', phone, messages: [] });
      api.simConversation(phone).then((messages) => dispatch({ type: 'sim-open', phone, messages }), () => undefined);
    },
    [api, dispatch],
  );
  const simSend = useCallback(
    (from: string, name: string, body: string) => api.simSend({ from, name, body }).catch(fail),
    [api, fail],
  );
  const release = useCallback((phone: string) => void api.releaseHandoff(phone).then(() => undefined, fail), [api, fail]);
  const doUndo = useCallback(
    (orderId: string) => {
      setUndo(null);
      api.undo(orderId).then((o) => dispatch({ type: 'order', order: o }), fail);
    },
    [api, dispatch, fail],
  );

  const linkWhatsApp = useCallback((request: LinkRequest) => api.linkWhatsApp(request).catch(fail), [api, fail]);
  const link = linkView(board.whatsapp);

  const simulator = board.whatsapp?.engine === 'simulator';
  const togglePanel = useCallback((tab: PanelTab) => setPanel((current) => (current === tab ? null : tab)), []);

  return (
    <div className="kds" data-locale={locale}>
      <Header
        restaurant={board.restaurant}
        openCount={open.length}
        whatsapp={board.whatsapp}
        updates={updates}
        locale={locale}
        t={t}
        simulator={simulator}
        cloud={cloud}
        panel={panel}
        canRecall={lastCompleted(orders) !== undefined}
        onRecallLast={() => {
          const order = lastCompleted(orders);
          if (order) recall(order);
        }}
        onToggleLocale={() => {
          const next: Locale = locale === 'es' ? 'en' : 'es';
          storeLocale(next);
          setLocaleOverride(next);
        }}
        onTogglePanel={togglePanel}
        o={o}
        pause={board.pause}
        onPause={owner.openPause}
        onResume={owner.resume}
        onSettings={() => setOwnerOpen(true)}
        printing={printing}
      />
      <WhatsAppBanner status={board.whatsapp} t={t} locale={locale} />
      <PauseBar pause={board.pause} locale={locale} o={o} busy={owner.busy} onResume={owner.resume} />
      {link && <LinkPanel view={link} t={t} onLink={linkWhatsApp} />}
      <HostStatus connected={hostConnected} loadError={loadError} t={t} />
      <HandoffBar handoffs={board.handoffs} t={t} tm={MEDIA_STRINGS[locale]} onRelease={release} mediaUrl={api.mediaUrl} />
      {!soundOn && <SoundPrompt t={t} urgent={alarmIds !== ''} onEnable={() => void unlockAudio().then(setSoundOn)} />}
      <main className={panel ? 'layout layout--panel' : 'layout'}>
        <Board
          orders={open}
          loaded={board.loaded}
          selectedId={selectedId}
          amberAfterMinutes={settings.amberAfterMinutes}
          redAfterMinutes={settings.redAfterMinutes}
          locale={locale}
          t={t}
          actions={actions}
          soldOut={soldOut}
          soldOutLabel={o.soldOut}
          ticketNotes={notes}
        />
        {panel && (
          <SidePanel
            tab={(panel === 'sim' && !simulator) || (panel === 'cloud' && !cloudShown(cloud)) ? 'allday' : panel}
            onTab={setPanel}
            onClose={() => setPanel(null)}
            simulator={simulator}
            orders={orders}
            open={open}
            sim={board.sim}
            locale={locale}
            t={t}
            onRecall={recall}
            onOpenChat={openChat}
            onSimSend={simSend}
            api={api}
            whatsapp={board.whatsapp}
            cloud={cloud}
            onCloud={setCloud}
            onError={fail}
            o={o}
            menu={board.menu}
            onStock={owner.askStock}
            onReprint={reprint}
          />
        )}
      </main>
      <footer className="hint">{t.keyboardHelp}</footer>
      {dialog?.type === 'accept' && dialogOrder && (
        <AcceptDialog
          order={dialogOrder}
          choices={settings.etaChoices.length ? settings.etaChoices : [10, 20, 30]}
          t={t}
          onClose={() => setDialog(null)}
          onChoose={(eta) => {
            setDialog(null);
            void move(dialogOrder, 'accepted', { etaMinutes: eta });
          }}
        />
      )}
      {dialog?.type === 'reason' && dialogOrder && (
        <ReasonDialog
          order={dialogOrder}
          to={dialog.to}
          t={t}
          onClose={() => setDialog(null)}
          onChoose={(reason) => {
            setDialog(null);
            void move(dialogOrder, dialog.to, { reason });
          }}
        />
      )}
      {owner.pausing && <PauseDialog o={o} t={t} onChoose={owner.pause} onClose={owner.closePause} />}
      {owner.stock && <StockDialog item={owner.stock.item} name={owner.stock.name} o={o} t={t} busy={owner.busy} onConfirm={owner.confirmStock} onClose={owner.closeStock} />}
      {ownerOpen && (
        <OwnerArea
          api={api}
          locale={locale}
          t={t}
          o={o}
          menu={board.menu}
          onMenu={(menu) => dispatch({ type: 'menu', menu })}
          whatsapp={board.whatsapp}
          cloud={cloud}
          onCloud={setCloud}
          onClose={(reason) => {
            // Leaving Ajustes forgets the owner token: the next person needs the PIN again.
            api.lockOwner();
            setOwnerOpen(false);
            // What the screen shows once locked again: without the recovery code once a PIN exists.
            api.getCloudStatus().then(setCloud, () => undefined);
            if (reason === 'locked') setError(o.lockedOut);
          }}
        />
      )}
      {undo && <UndoToast key={undo.key} offer={undo} t={t} onUndo={doUndo} onExpire={() => setUndo(null)} />}
      {error && (
        <div className="toast toast--error" role="alert" data-testid="error-toast">
          ⚠ {error}
        </div>
      )}
    </div>
  );
}
