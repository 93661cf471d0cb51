// Hand-written mutants of the SQL in the repositories (Stryker does not mutate inside SQL strings,
// and that is where the repositories' logic is). Each one replaces one exact piece of a statement;
// `find` must occur exactly once in its file, so a mutant that no longer matches the code is
// reported rather than silently skipped. A mutant that cannot change behaviour says why in
// `equivalent` and is not run; every other one must be killed by a test.

export interface SqlMutant {
  id: string;
  file: string;
  find: string;
  replace: string;
  /** Why it cannot change what a restaurant sees; such mutants are listed, not run. */
  equivalent?: string;
}

const OUTBOX = 'electron/store/outbox-repo.ts';
const ORDERS = 'electron/store/orders-repo.ts';
const CONVERSATIONS = 'electron/store/conversations-repo.ts';
const SETTINGS = 'electron/store/settings-repo.ts';
const MENU = 'electron/store/menu-repo.ts';
const MEDIA = 'electron/store/media-repo.ts';

export const SQL_MUTANTS: SqlMutant[] = [
  // outbox-repo.ts
  { id: 'outbox.enqueue.conflict-overwrites', file: OUTBOX, find: 'ON CONFLICT (key) DO NOTHING', replace: "ON CONFLICT (key) DO UPDATE SET body = excluded.body, state = 'pending'" },
  { id: 'outbox.enqueue.attempts-start-at-1', file: OUTBOX, find: "'pending', 0, ?, ?, ?)", replace: "'pending', 1, ?, ?, ?)" },
  { id: 'outbox.active.in-doubt-dropped', file: OUTBOX, find: "WHERE state IN ('pending', 'sending')", replace: "WHERE state IN ('pending')" },
  { id: 'outbox.active.in-doubt-not-first', file: OUTBOX, find: "ORDER BY state = 'sending' DESC, priority DESC", replace: 'ORDER BY priority DESC' },
  { id: 'outbox.active.in-doubt-last', file: OUTBOX, find: "state = 'sending' DESC, priority", replace: "state = 'sending' ASC, priority" },
  { id: 'outbox.active.priority-asc', file: OUTBOX, find: 'priority DESC, created_at', replace: 'priority ASC, created_at' },
  { id: 'outbox.active.newest-first', file: OUTBOX, find: 'created_at ASC, rowid ASC', replace: 'created_at DESC, rowid ASC' },
  { id: 'outbox.active.same-instant-reversed', file: OUTBOX, find: 'created_at ASC, rowid ASC', replace: 'created_at ASC, rowid DESC' },
  { id: 'outbox.mark-sending.attempt-not-counted', file: OUTBOX, find: "state = 'sending', attempts = attempts + 1", replace: "state = 'sending', attempts = attempts" },
  { id: 'outbox.mark-sent.error-kept', file: OUTBOX, find: "SET state = 'sent', sent_at = ?, last_error = NULL WHERE", replace: "SET state = 'sent', sent_at = ? WHERE" },
  { id: 'outbox.mark-duplicate.original-forgotten', file: OUTBOX, find: 'sent_at = ?, duplicate_of = ?, last_error = NULL', replace: 'sent_at = ?, duplicate_of = NULL AND ? IS NULL, last_error = NULL' },
  { id: 'outbox.mark-retry.not-delayed', file: OUTBOX, find: "SET state = 'pending', due_at = ?, last_error = ? WHERE", replace: "SET state = 'pending', due_at = due_at + 0 * ?, last_error = ? WHERE" },
  { id: 'outbox.mark-deferred.attempt-spent', file: OUTBOX, find: 'attempts = MAX(attempts - 1, 0)', replace: 'attempts = attempts' },
  {
    id: 'outbox.mark-deferred.no-floor',
    file: OUTBOX,
    find: 'attempts = MAX(attempts - 1, 0)',
    replace: 'attempts = attempts - 1',
    equivalent: 'markDeferred only follows markSending, which counted the attempt: attempts - 1 is never below 0',
  },
  { id: 'outbox.mark-deferred.error-erased', file: OUTBOX, find: 'last_error = COALESCE(?, last_error)', replace: 'last_error = ?' },
  { id: 'outbox.mark-deferred.new-error-ignored', file: OUTBOX, find: 'last_error = COALESCE(?, last_error)', replace: 'last_error = COALESCE(last_error, ?)' },
  { id: 'outbox.same-body.window-inclusive', file: OUTBOX, find: 'phone = ? AND sent_at > ? AND', replace: 'phone = ? AND sent_at >= ? AND' },
  {
    id: 'outbox.same-body.state-dropped',
    file: OUTBOX,
    find: "sent_at > ? AND state = 'sent' AND",
    replace: 'sent_at > ? AND',
    equivalent: "only markSent and markDuplicate set sent_at, and both set state = 'sent'",
  },
  { id: 'outbox.same-body.duplicates-count', file: OUTBOX, find: "state = 'sent' AND duplicate_of IS NULL", replace: "state = 'sent'" },
  { id: 'outbox.same-body.any-body', file: OUTBOX, find: 'AND body = ? AND key <> ?', replace: 'AND body = body AND ? IS NOT NULL AND key <> ?' },
  {
    id: 'outbox.same-body.self-included',
    file: OUTBOX,
    find: 'AND body = ? AND key <> ?',
    replace: 'AND body = ? AND ? IS NOT NULL',
    equivalent: "the entry being sent is pending or sending, never 'sent', so it cannot match itself",
  },
  {
    id: 'outbox.same-body.oldest-first',
    file: OUTBOX,
    find: 'ORDER BY sent_at DESC LIMIT 1',
    replace: 'ORDER BY sent_at ASC LIMIT 1',
    equivalent: 'at most one real send of a text to a number lies inside the window: a second one would itself have been suppressed',
  },
  {
    id: 'outbox.same-body.no-limit',
    file: OUTBOX,
    find: 'ORDER BY sent_at DESC LIMIT 1',
    replace: 'ORDER BY sent_at DESC',
    equivalent: 'get() reads the first row only',
  },
  { id: 'outbox.forget-send.every-attempt', file: OUTBOX, find: 'DELETE FROM outbox_sends WHERE key = ? AND at = ?', replace: 'DELETE FROM outbox_sends WHERE key = ? AND ? IS NOT NULL' },
  { id: 'outbox.forget-send.every-key', file: OUTBOX, find: 'DELETE FROM outbox_sends WHERE key = ? AND at = ?', replace: 'DELETE FROM outbox_sends WHERE ? IS NOT NULL AND at = ?' },
  { id: 'outbox.sends-since.inclusive', file: OUTBOX, find: 'FROM outbox_sends WHERE at > ? ORDER BY at, rowid', replace: 'FROM outbox_sends WHERE at >= ? ORDER BY at, rowid' },
  { id: 'outbox.sends-since.newest-first', file: OUTBOX, find: 'WHERE at > ? ORDER BY at, rowid', replace: 'WHERE at > ? ORDER BY at DESC, rowid' },
  { id: 'outbox.prune-sends.emptied', file: OUTBOX, find: 'DELETE FROM outbox_sends WHERE at <= ?', replace: 'DELETE FROM outbox_sends WHERE at <= ? AND 0' },
  { id: 'outbox.prune-sends.boundary', file: OUTBOX, find: 'DELETE FROM outbox_sends WHERE at <= ?', replace: 'DELETE FROM outbox_sends WHERE at < ?' },
  { id: 'outbox.prune-sends.recent', file: OUTBOX, find: 'DELETE FROM outbox_sends WHERE at <= ?', replace: 'DELETE FROM outbox_sends WHERE at >= ?' },
  { id: 'outbox.pause.latest-wins', file: OUTBOX, find: 'MAX(until, excluded.until)', replace: 'excluded.until' },
  { id: 'outbox.pause.shortest-wins', file: OUTBOX, find: 'MAX(until, excluded.until)', replace: 'MIN(until, excluded.until)' },
  { id: 'outbox.pause.first-wins', file: OUTBOX, find: 'ON CONFLICT (scope) DO UPDATE SET until = MAX(until, excluded.until)', replace: 'ON CONFLICT (scope) DO NOTHING' },
  {
    id: 'outbox.paused-until.any-scope',
    file: OUTBOX,
    find: "'SELECT until FROM outbox_pause WHERE scope = ?'",
    replace: "'SELECT until FROM outbox_pause WHERE ? IS NOT NULL'",
    equivalent: "'session' is the only scope ever written",
  },
  { id: 'outbox.mark-failed.retried', file: OUTBOX, find: "SET state = 'failed', last_error = ? WHERE", replace: "SET state = 'pending', last_error = ? WHERE" },
  { id: 'outbox.cancel.sent-too', file: OUTBOX, find: "SET state = 'cancelled' WHERE key = ? AND state = 'pending'", replace: "SET state = 'cancelled' WHERE key = ?" },
  { id: 'outbox.prefix.no-upper-bound', file: OUTBOX, find: 'WHERE key >= ? AND key < ? ORDER BY key', replace: 'WHERE key >= ? AND ? IS NOT NULL ORDER BY key' },
  {
    id: 'outbox.prefix.upper-inclusive',
    file: OUTBOX,
    find: 'WHERE key >= ? AND key < ? ORDER BY key',
    replace: 'WHERE key >= ? AND key <= ? ORDER BY key',
    equivalent: 'no key ends in U+FFFF, so none equals the upper bound',
  },

  // orders-repo.ts
  { id: 'orders.number.never-advances', file: ORDERS, find: 'DO UPDATE SET value = value + 1 RETURNING value', replace: 'DO UPDATE SET value = value RETURNING value' },
  { id: 'orders.number.starts-at-0', file: ORDERS, find: 'VALUES (?, 1)', replace: 'VALUES (?, 0)' },
  { id: 'orders.status.eta-kept', file: ORDERS, find: "'UPDATE orders SET status = ?, updated_at = ?, eta_minutes = ? WHERE id = ?'", replace: "'UPDATE orders SET status = ?, updated_at = ?, eta_minutes = COALESCE(eta_minutes, ?) WHERE id = ?'" },
  { id: 'orders.status.not-stamped', file: ORDERS, find: "'UPDATE orders SET status = ?, updated_at = ? WHERE id = ?'", replace: "'UPDATE orders SET status = ?, updated_at = updated_at + 0 * ? WHERE id = ?'" },
  { id: 'orders.acknowledged.not-set', file: ORDERS, find: 'SET acknowledged = 1, updated_at = ?', replace: 'SET acknowledged = 0, updated_at = ?' },
  {
    id: 'orders.event-seq.count',
    file: ORDERS,
    find: 'COALESCE(MAX(seq), 0) + 1',
    replace: 'COUNT(*) + 1',
    equivalent: 'events are never deleted and seq counts up from 1, so MAX(seq) = COUNT(*)',
  },
  { id: 'orders.last-event.first', file: ORDERS, find: 'WHERE order_id = ? ORDER BY seq DESC LIMIT 1', replace: 'WHERE order_id = ? ORDER BY seq ASC LIMIT 1' },
  { id: 'orders.list.since-exclusive', file: ORDERS, find: "where.push('created_at >= ?')", replace: "where.push('created_at > ?')" },
  { id: 'orders.list.phone-ignored', file: ORDERS, find: "where.push('customer_phone = ?')", replace: "where.push('customer_phone = customer_phone AND ? IS NOT NULL')" },
  { id: 'orders.board.open-only-today', file: ORDERS, find: 'WHERE created_at >= ? OR status IN', replace: 'WHERE created_at >= ? AND status IN' },
  { id: 'orders.board.today-only', file: ORDERS, find: 'WHERE created_at >= ? OR status IN', replace: 'WHERE created_at >= ? OR 0 AND status IN' },
  { id: 'orders.board.newest-first', file: ORDERS, find: `ORDER BY created_at ASC, rowid ASC\`,`, replace: `ORDER BY created_at DESC, rowid ASC\`,` },
  { id: 'orders.events.reversed', file: ORDERS, find: 'ORDER BY order_id, seq`', replace: 'ORDER BY order_id, seq DESC`' },
  { id: 'orders.notices.reversed', file: ORDERS, find: 'ORDER BY created_at, key`', replace: 'ORDER BY created_at DESC, key`' },

  // conversations-repo.ts
  { id: 'conversations.save.name-forgotten', file: CONVERSATIONS, find: `profile_name = COALESCE(excluded.profile_name, conversations.profile_name)\`,
      )
      .run(phone, stateJson, at, profileName);`, replace: `profile_name = excluded.profile_name\`,
      )
      .run(phone, stateJson, at, profileName);` },
  {
    id: 'conversations.handoff.since-moves',
    file: CONVERSATIONS,
    find: 'handoff_since = COALESCE(conversations.handoff_since, excluded.handoff_since)',
    replace: 'handoff_since = excluded.handoff_since',
    equivalent: 'only the bot starts a handoff, and the bot is not called while one is open',
  },
  { id: 'conversations.handoff.last-kept', file: CONVERSATIONS, find: `handoff_last = excluded.handoff_last, updated_at`, replace: `handoff_last = conversations.handoff_last, updated_at` },
  {
    id: 'conversations.note.without-handoff',
    file: CONVERSATIONS,
    find: "'UPDATE conversations SET handoff_last = ?, updated_at = ? WHERE phone = ? AND handoff_since IS NOT NULL'",
    replace: "'UPDATE conversations SET handoff_last = ?, updated_at = ? WHERE phone = ?'",
    equivalent: 'called only for a chat whose handoff is open',
  },
  { id: 'conversations.release.conversation-kept', file: CONVERSATIONS, find: 'handoff_last = NULL, state_json = NULL, updated_at = ?', replace: 'handoff_last = NULL, updated_at = ?' },
  { id: 'conversations.release.not-in-handoff', file: CONVERSATIONS, find: "updated_at = ? WHERE phone = ? AND handoff_since IS NOT NULL',", replace: "updated_at = ? WHERE phone = ?'," },
  { id: 'conversations.handoffs.newest-first', file: CONVERSATIONS, find: 'WHERE handoff_since IS NOT NULL ORDER BY handoff_since', replace: 'WHERE handoff_since IS NOT NULL ORDER BY handoff_since DESC' },
  { id: 'conversations.inbox.redelivery-accepted', file: CONVERSATIONS, find: 'ON CONFLICT (id) DO NOTHING', replace: 'ON CONFLICT (id) DO UPDATE SET at = excluded.at' },
  { id: 'conversations.inbox.prune-recent', file: CONVERSATIONS, find: 'DELETE FROM inbox WHERE at < ?', replace: 'DELETE FROM inbox WHERE at > ?' },
  { id: 'conversations.inbox.prune-emptied', file: CONVERSATIONS, find: 'DELETE FROM inbox WHERE at < ?', replace: 'DELETE FROM inbox WHERE at < ? AND 0' },
  { id: 'conversations.name.not-updated', file: CONVERSATIONS, find: 'DO UPDATE SET name = excluded.name, updated_at', replace: 'DO UPDATE SET name = customers.name, updated_at' },

  // settings-repo.ts
  { id: 'settings.set.first-value-kept', file: SETTINGS, find: 'ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json', replace: 'ON CONFLICT (key) DO NOTHING' },
  { id: 'settings.get.any-key', file: SETTINGS, find: "'SELECT value_json FROM settings WHERE key = ?'", replace: "'SELECT value_json FROM settings WHERE ? IS NOT NULL ORDER BY key'" },
  { id: 'settings.has.any-key', file: SETTINGS, find: "'SELECT 1 AS present FROM settings WHERE key = ?'", replace: "'SELECT 1 AS present FROM settings WHERE ? IS NOT NULL'" },
  { id: 'settings.delete.kept', file: SETTINGS, find: "'DELETE FROM settings WHERE key = ?'", replace: "'DELETE FROM settings WHERE key = ? AND 0'" },

  // menu-repo.ts
  { id: 'menu.put.first-menu-kept', file: MENU, find: `ON CONFLICT (id) DO UPDATE SET document_json = excluded.document_json, updated_at = excluded.updated_at,
         origin = excluded.origin, stored_at = excluded.stored_at`, replace: 'ON CONFLICT (id) DO NOTHING' },
  { id: 'menu.put.origin-kept', file: MENU, find: 'origin = excluded.origin, stored_at', replace: 'origin = menu.origin, stored_at' },

  // media-repo.ts
  { id: 'media.handoff.instant-excluded', file: MEDIA, find: 'WHERE phone = ? AND at >= ? AND released_at IS NULL', replace: 'WHERE phone = ? AND at > ? AND released_at IS NULL' },
  { id: 'media.handoff.released-shown', file: MEDIA, find: 'AND at >= ? AND released_at IS NULL ORDER BY at, rowid', replace: 'AND at >= ? ORDER BY at, rowid' },
  { id: 'media.handoff.newest-first', file: MEDIA, find: 'released_at IS NULL ORDER BY at, rowid', replace: 'released_at IS NULL ORDER BY at DESC, rowid' },
  { id: 'media.release.every-chat', file: MEDIA, find: "'UPDATE media SET released_at = ? WHERE phone = ? AND released_at IS NULL'", replace: "'UPDATE media SET released_at = ? WHERE ? IS NOT NULL AND released_at IS NULL'" },
  {
    id: 'media.release.restamped',
    file: MEDIA,
    find: "'UPDATE media SET released_at = ? WHERE phone = ? AND released_at IS NULL'",
    replace: "'UPDATE media SET released_at = ? WHERE phone = ?'",
    equivalent: 'released_at is only ever compared with NULL, so moving an earlier release time changes nothing',
  },
  { id: 'media.last.edits-counted', file: MEDIA, find: "AND i.id NOT LIKE '%#edit#%' ORDER BY", replace: 'ORDER BY' },
  { id: 'media.last.oldest-first', file: MEDIA, find: 'ORDER BY i.at DESC, i.rowid DESC LIMIT ?', replace: 'ORDER BY i.at ASC, i.rowid ASC LIMIT ?' },
  { id: 'media.prune.recent', file: MEDIA, find: "'SELECT id FROM media WHERE at < ? ORDER BY at LIMIT ?'", replace: "'SELECT id FROM media WHERE at > ? ORDER BY at LIMIT ?'" },
  {
    id: 'media.prune.newest-first',
    file: MEDIA,
    find: "'SELECT id FROM media WHERE at < ? ORDER BY at LIMIT ?'",
    replace: "'SELECT id FROM media WHERE at < ? ORDER BY at DESC LIMIT ?'",
    equivalent: 'the media store prunes batch after batch until none is left, so the batch order does not matter',
  },
];
