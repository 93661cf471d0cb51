// restaurants/{rid}/config/menu and the local menu meet by `updatedAt`: the newer one wins (last
// writer wins). A cloud menu newer than the local one (or any, while the local one was never
// edited here) is validated with the shared schema, cached and put in use; a local edit newer than
// the cloud's copy is written to config/menu. An edit never echoes: our own write comes back with
// the stamp we already hold, and a menu we applied from the cloud is not newer than the cloud's.
// An invalid cloud menu is refused with a visible error and the last good one stays in use.
import { doc, onSnapshot, setDoc, type Firestore } from 'firebase/firestore';
import { parseMenu, type Menu } from '../../shared/menu.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { CloudKv } from './cloud-schema.ts';

export interface MenuSyncOptions {
  firestore: Firestore;
  restaurantId: string;
  kv: CloudKv;
  logger: Logger;
  /** Puts a cloud menu in use, keeping its stamp (MenuSource.replace(menu, 'cloud')). */
  apply: (menu: Menu) => void;
  /** A refused menu, in plain words (null when the last one was fine). */
  onError: (error: string | null) => void;
  /** The local menu (host.menu.current); without it the cloud's menu is simply taken (no upload). */
  local?: () => Menu;
}

const CACHE_KEY = 'menu';

type Decision = 'in-sync' | 'take-cloud' | 'send-local';

/** Last writer wins by updatedAt; an unstamped menu loses to a stamped one; equal stamps compare content. */
export function decide(local: Menu | undefined, cloud: Menu): Decision {
  if (!local) return 'take-cloud';
  const l = stampOf(local);
  const c = stampOf(cloud);
  if (l === c) {
    // Same stamp (or neither stamped): the same edit, unless someone changed the cloud's copy
    // without moving its stamp; then the cloud's content is the newer one.
    return sameMenu(local, cloud) ? 'in-sync' : 'take-cloud';
  }
  return c > l ? 'take-cloud' : 'send-local';
}

function stampOf(menu: Menu): number {
  const t = menu.updatedAt ? Date.parse(menu.updatedAt) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Key order does not matter (Firestore hands maps back sorted). */
export function sameMenu(a: Menu, b: Menu): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

export class MenuSync {
  private readonly options: MenuSyncOptions;
  private unsubscribe: (() => void) | undefined;
  /** The newest cloud menu seen or written: what config/menu holds as far as we know. */
  private cloudMenu: Menu | undefined;
  private uploading: Promise<void> = Promise.resolve();
  lastError: string | null = null;

  constructor(options: MenuSyncOptions) {
    this.options = options;
  }

  /** The cached cloud menu, if any (used at start before the network answers). */
  cached(): Menu | undefined {
    const raw = this.options.kv.get<unknown>(CACHE_KEY);
    if (raw === undefined) return undefined;
    const parsed = parseMenu(raw);
    return parsed.ok ? parsed.menu : undefined;
  }

  start(): void {
    const { firestore, restaurantId, logger } = this.options;
    const cached = this.cached();
    if (cached) {
      this.cloudMenu = cached;
      if (decide(this.options.local?.(), cached) === 'take-cloud') this.options.apply(cached);
    }
    this.unsubscribe = onSnapshot(
      doc(firestore, 'restaurants', restaurantId, 'config', 'menu'),
      (snapshot) => {
        if (!snapshot.exists()) {
          this.onLocalChange();
          return;
        }
        this.receive(snapshot.data());
      },
      (error) => logger.warn('menu listener stopped', errorFields(error)),
    );
  }

  receive(data: unknown): void {
    const parsed = parseMenu(data);
    if (!parsed.ok) {
      this.lastError = `The menu in the cloud was not used: ${parsed.error}. The previous menu is still in use.`;
      this.options.logger.warn('cloud menu refused', { error: parsed.error });
      this.options.onError(this.lastError);
      return;
    }
    const cloud = parsed.menu;
    this.cloudMenu = cloud;
    this.options.kv.set(CACHE_KEY, cloud);
    const decision = decide(this.options.local?.(), cloud);
    if (decision === 'take-cloud') this.options.apply(cloud);
    else if (decision === 'send-local') this.send(this.options.local!());
    if (this.lastError !== null) {
      this.lastError = null;
      this.options.onError(null);
    }
  }

  /** The local menu changed (editor, out of stock, or our own apply): send it when it is the newer one. */
  onLocalChange(): void {
    const local = this.options.local?.();
    if (!local || !this.unsubscribe) return;
    // Never edited here (the sample, an unstamped file): the cloud's copy, if any, is the restaurant's.
    if (!local.updatedAt) return;
    if (this.cloudMenu && decide(local, this.cloudMenu) !== 'send-local') return;
    this.send(local);
  }

  /** Resolves when the writes started so far have settled (tests). */
  idle(): Promise<void> {
    return this.uploading;
  }

  private send(menu: Menu): void {
    const { firestore, restaurantId, logger } = this.options;
    this.cloudMenu = menu;
    this.options.kv.set(CACHE_KEY, menu);
    // Plain JSON: Firestore takes no undefined values.
    const data = JSON.parse(JSON.stringify(menu)) as Record<string, unknown>;
    this.uploading = this.uploading
      .then(() => setDoc(doc(firestore, 'restaurants', restaurantId, 'config', 'menu'), data))
      .then(() => logger.info('menu sent to the cloud', { updatedAt: menu.updatedAt }))
      .catch((error: unknown) => logger.warn('menu not sent to the cloud; sent again at the next change or start', errorFields(error)));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
