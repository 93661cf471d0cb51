import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { UI_STRINGS, type Locale } from '../../../shared/i18n.ts';
import { nextStatus, type Order, type OrderStatus } from '../../../shared/order.ts';
import { KdsError } from '../../../shared/kds-api.ts';
import { createKdsClient, type KdsClient } from '../api/kds-client.ts';
import { createHttpTransport } from '../api/http-transport.ts';
import { bridgeFromWindow, createIpcTransport } from '../api/ipc-transport.ts';
import { forgetAccessToken, saveAccessToken, takeAccessToken } from '../api/access-token.ts';
import { boardReducer, emptyBoard } from '../state/board-state.ts';
import { keyAction, lastCompleted, openOrders } from '../state/kds-selectors.ts';
import { audioReady, chime, unlockAudio } from '../alarm.ts';
import { useNow } from '../use-now.ts';
import { OrderCard, type CardActions } from './OrderCard.tsx';
import { Header } from './Header.tsx';
import { WhatsAppBanner } from './WhatsAppBanner.tsx';
import { AcceptDialog, ReasonDialog, type DialogState } from './Dialogs.tsx';
import { AllDayPanel, HistoryPanel } from './SidePanel.tsx';
import { HandoffBar } from './HandoffBar.tsx';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import { TokenScreen } from './TokenScreen.tsx';

const ALARM_EVERY_MS = 4000;
const LOCALE_KEY = 'comanda.locale';

function createClient(onUnauthorized: () => void): KdsClient | null {
  const bridge = bridgeFromWindow();
  if (bridge) return createKdsClient(createIpcTransport(bridge));
  const token = takeAccessToken();
  if (!token) return null;
  return createKdsClient(createHttpTransport({ base: new URL('./', window.location.href).href, token, onUnauthorized }));
}

export function App() {
  const [authVersion, setAuthVersion] = useState(0);
  const [unauthorized, setUnauthorized] = useState(false);
  const api = useMemo(
    () => createClient(() => setUnauthorized(true)),
    [authVersion],
  );
  if (!api || unauthorized) {
    const t = UI_STRINGS[(localStorage.getItem(LOCALE_KEY) as Locale | null) ?? 'es'];
    return (
      <TokenScreen
        t={t}
        onToken={(token) => {
          forgetAccessToken();
          saveAccessToken(token);
          setUnauthorized(false);
          setAuthVersion((v) => v + 1);
        }}
      />
    );
  }
  return <Kitchen key={authVersion} api={api} />;
}

interface UndoToast {
  orderId: string;
  text: string;
  until: number;
}

function Kitchen({ api }: { api: KdsClient }) {
  const [board, dispatch] = useReducer(boardReducer, emptyBoard);
  const [hostConnected, setHostConnected] = useState(true);
  const [localeOverride, setLocaleOverride] = useState<Locale | null>(() => localStorage.getItem(LOCALE_KEY) as Locale | null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [panel, setPanel] = useState<'allday' | 'history' | 'sim' | null>(null);
  const [undo, setUndo] = useState<UndoToast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [soundOn, setSoundOn] = useState(audioReady());
  const now = useNow(1000);

  const settings = board.snapshot?.settings;
  const locale: Locale = localeOverride ?? settings?.locale ?? 'es';
  const t = UI_STRINGS[locale];
  const undoMs = (settings?.undoSeconds ?? 5) * 1000;

  // Subscribe first, then read the snapshot, so nothing falls between the two.
  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .getSnapshot()
        .then((snapshot) => alive && dispatch({ type: 'snapshot', snapshot }))
        .catch((e: unknown) => alive && setError(messageOf(e)));
    const unsubscribe = api.subscribe((event) => dispatch({ type: 'event', event }));
    const offConnection = api.onConnection((connected) => {
      setHostConnected(connected);
      if (connected) void load();
    });
    void load();
    return () => {
      alive = false;
      unsubscribe();
      offConnection();
    };
  }, [api]);

  const orders = useMemo(() => [...board.orders.values()], [board.orders]);
  const open = useMemo(() => openOrders(orders), [orders]);
  const alarming = open.some((o) => o.status === 'new' && !o.acknowledged);

  // The new-order sound repeats until someone acknowledges every new card.
  useEffect(() => {
    if (!alarming || !soundOn) return;
    chime();
    const id = setInterval(chime, ALARM_EVERY_MS);
    return () => clearInterval(id);
  }, [alarming, soundOn]);

  useEffect(() => {
    if (!undo) return;
    const id = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(id);
  }, [undo]);

  useEffect(() => {
    if (!error) return;
    const id = setTimeout(() => setError(null), 5000);
    return () => clearTimeout(id);
  }, [error]);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  const move = useCallback(
    (order: Order, to: OrderStatus, extra: { etaMinutes?: number; reason?: string } = {}) =>
      run(async () => {
        await api.transition(order.id, { to, undoable: true, by: 'kds', ...extra });
        setUndo({ orderId: order.id, text: t.moved(order.number, t.status[to]), until: Date.now() + undoMs });
      }),
    [api, run, t, undoMs],
  );

  const actions: CardActions = useMemo(
    () => ({
      advance: (order) => {
        const next = nextStatus(order.status);
        if (order.status === 'new') setDialog({ type: 'accept', order });
        else if (next) void move(order, next);
      },
      accept: (order) => setDialog({ type: 'accept', order }),
      reject: (order) => setDialog({ type: 'reason', order, to: order.status === 'new' ? 'rejected' : 'cancelled' }),
      acknowledge: (order) => void run(() => api.acknowledge(order.id)),
      select: (order) => setSelectedId(order.id),
    }),
    [api, move, run],
  );

  const recall = useCallback((order: Order) => void move(order, 'ready'), [move]);

  // Bump bars and keyboards: 1–9 select, Enter advances, R recalls, Esc closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
        if (e.key === 'Escape') setDialog(null);
        return;
      }
      const action = keyAction(e.key);
      if (!action) return;
      if (action.type === 'escape') {
        setDialog(null);
        return;
      }
      if (dialog) return;
      e.preventDefault();
      const index = open.findIndex((o) => o.id === selectedId);
      if (action.type === 'select') {
        const order = open[action.index];
        if (order) {
          setSelectedId(order.id);
          if (order.status === 'new' && !order.acknowledged) actions.acknowledge(order);
        }
      } else if (action.type === 'move') {
        const order = open[Math.min(open.length - 1, Math.max(0, (index < 0 ? 0 : index) + action.by))];
        if (order) setSelectedId(order.id);
      } else if (action.type === 'advance') {
        const order = open[index];
        if (order) actions.advance(order);
      } else if (action.type === 'recall') {
        const order = lastCompleted(orders);
        if (order) recall(order);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, orders, selectedId, dialog, actions, recall]);

  const openChat = useCallback(
    (phone: string) => void api.simConversation(phone).then((messages) => dispatch({ type: 'sim-history', messages })).catch(() => undefined),
    [api],
  );

  const simulator = board.whatsapp?.engine === 'simulator';
  const amber = settings?.amberAfterMinutes ?? 5;
  const red = settings?.redAfterMinutes ?? 10;

  return (
    <div className="kds" data-locale={locale}>
      <Header
        restaurant={board.snapshot?.menu.restaurant ?? 'Comanda'}
        now={now}
        openCount={open.length}
        whatsapp={board.whatsapp}
        hostConnected={hostConnected}
        locale={locale}
        t={t}
        simulator={simulator}
        onToggleLocale={() => {
          const next: Locale = locale === 'es' ? 'en' : 'es';
          localStorage.setItem(LOCALE_KEY, next);
          setLocaleOverride(next);
        }}
        onTogglePanel={(p) => setPanel((current) => (current === p ? null : p))}
      />
      <WhatsAppBanner status={board.whatsapp} t={t} />
      <HandoffBar handoffs={board.handoffs} t={t} onRelease={(phone) => void run(() => api.releaseHandoff(phone))} />
      {alarming && !soundOn && (
        <button className="sound-prompt" onClick={() => void unlockAudio().then(setSoundOn)}>
          🔔 {t.enableSound}
        </button>
      )}
      <main className={`layout ${panel ? 'layout--panel' : ''}`}>
        <section className="board" data-testid="board">
          {open.length === 0 && board.snapshot && <p className="board__empty">{t.noOrders}</p>}
          {open.map((order, index) => (
            <OrderCard
              key={order.id}
              order={order}
              index={index}
              elapsedSeconds={Math.floor((now - Date.parse(order.createdAt)) / 1000)}
              selected={order.id === selectedId}
              amberAfterMinutes={amber}
              redAfterMinutes={red}
              locale={locale}
              t={t}
              actions={actions}
            />
          ))}
        </section>
        {panel === 'allday' && <AllDayPanel orders={open} t={t} />}
        {panel === 'history' && <HistoryPanel orders={orders} t={t} locale={locale} onRecall={recall} />}
        {panel === 'sim' && simulator && (
          <SimulatorPanel
            messages={board.simMessages}
            t={t}
            onOpenChat={openChat}
            onSend={(phone, name, body) => run(() => api.simSend({ from: phone, name, body }))}
          />
        )}
      </main>
      <footer className="hint">{t.keyboardHelp}</footer>
      {dialog?.type === 'accept' && (
        <AcceptDialog
          order={dialog.order}
          choices={settings?.etaChoices ?? [10, 20, 30]}
          t={t}
          onClose={() => setDialog(null)}
          onChoose={(eta) => {
            setDialog(null);
            void move(dialog.order, 'accepted', { etaMinutes: eta });
          }}
        />
      )}
      {dialog?.type === 'reason' && (
        <ReasonDialog
          order={dialog.order}
          to={dialog.to}
          t={t}
          onClose={() => setDialog(null)}
          onChoose={(reason) => {
            setDialog(null);
            void move(dialog.order, dialog.to, { reason });
          }}
        />
      )}
      {undo && (
        <div className="toast toast--undo" role="status">
          {undo.text}
          <button
            className="btn btn--small"
            data-testid="undo"
            onClick={() => {
              const id = undo.orderId;
              setUndo(null);
              void run(() => api.undo(id));
            }}
          >
            {t.undo}
          </button>
        </div>
      )}
      {error && (
        <div className="toast toast--error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

function messageOf(e: unknown): string {
  if (e instanceof KdsError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
