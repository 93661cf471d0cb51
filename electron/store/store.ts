// The local store: one SQLite database and its repositories, with one way to run a transaction.
import { openDatabase, withTransaction, type Database, type OpenDatabaseOptions } from './database.ts';
import { OrdersRepo } from './orders-repo.ts';
import { OutboxRepo } from './outbox-repo.ts';
import { ConversationsRepo } from './conversations-repo.ts';
import { SettingsRepo } from './settings-repo.ts';
import { MenuRepo } from './menu-repo.ts';
import { MediaRepo } from './media-repo.ts';
import { CatchUpRepo } from './catch-up-repo.ts';

export class Store {
  readonly db: Database;
  readonly orders: OrdersRepo;
  readonly outbox: OutboxRepo;
  readonly conversations: ConversationsRepo;
  /** Key/value documents: settings, pause, owner PIN, first run. */
  readonly settings: SettingsRepo;
  readonly menu: MenuRepo;
  readonly media: MediaRepo;
  readonly catchUp: CatchUpRepo;
  private afterCommitQueue: (() => void)[] = [];

  constructor(db: Database) {
    this.db = db;
    this.orders = new OrdersRepo(db);
    this.outbox = new OutboxRepo(db);
    this.conversations = new ConversationsRepo(db);
    this.settings = new SettingsRepo(db);
    this.menu = new MenuRepo(db);
    this.media = new MediaRepo(db);
    this.catchUp = new CatchUpRepo(db);
  }

  static open(path: string, options?: OpenDatabaseOptions): Store {
    return new Store(openDatabase(path, options));
  }

  /** Runs fn atomically; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.isTransaction;
    try {
      const result = withTransaction(this.db, fn);
      if (outermost) this.flushAfterCommit();
      return result;
    } catch (error) {
      if (outermost) this.afterCommitQueue = [];
      throw error;
    }
  }

  /** Defers fn until the current transaction commits (dropped on rollback); runs now outside one. */
  afterCommit(fn: () => void): void {
    if (this.db.isTransaction) this.afterCommitQueue.push(fn);
    else fn();
  }

  private flushAfterCommit(): void {
    const queue = this.afterCommitQueue;
    this.afterCommitQueue = [];
    for (const fn of queue) fn();
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
