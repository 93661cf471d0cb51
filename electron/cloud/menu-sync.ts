// restaurants/{rid}/config/menu: listened to, validated with the shared menu schema, cached in
// SQLite and applied through a callback at once. An invalid menu is refused with a visible error
// and the last good one stays in use.
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import { parseMenu, type Menu } from '../../shared/menu.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { CloudKv } from './cloud-schema.ts';

export interface MenuSyncOptions {
  firestore: Firestore;
  restaurantId: string;
  kv: CloudKv;
  logger: Logger;
  /** Puts the menu in use (MenuSource.replace). */
  apply: (menu: Menu) => void;
  /** A refused menu, in plain words (null when the last one was fine). */
  onError: (error: string | null) => void;
}

const CACHE_KEY = 'menu';

export class MenuSync {
  private readonly options: MenuSyncOptions;
  private unsubscribe: (() => void) | undefined;
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
    if (cached) this.options.apply(cached);
    this.unsubscribe = onSnapshot(
      doc(firestore, 'restaurants', restaurantId, 'config', 'menu'),
      (snapshot) => {
        if (!snapshot.exists()) return;
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
    this.options.kv.set(CACHE_KEY, parsed.menu);
    this.options.apply(parsed.menu);
    if (this.lastError !== null) {
      this.lastError = null;
      this.options.onError(null);
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
