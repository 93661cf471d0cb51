// Schema history. Append only: a shipped migration is never edited, a new one is added.

export const MIGRATIONS: readonly string[] = [
  // 1: the order path
  `
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL,
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    fulfilment TEXT NOT NULL,
    address TEXT,
    payment TEXT,
    items_json TEXT NOT NULL,
    total REAL NOT NULL,
    currency TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    eta_minutes INTEGER,
    acknowledged INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX orders_created ON orders (created_at);
  CREATE INDEX orders_status ON orders (status);
  CREATE INDEX orders_phone ON orders (customer_phone, created_at);

  CREATE TABLE order_events (
    order_id TEXT NOT NULL REFERENCES orders (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    by TEXT NOT NULL,
    reason TEXT,
    undo INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, seq)
  );

  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

  CREATE TABLE outbox (
    key TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    order_id TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX outbox_due ON outbox (state, due_at);
  CREATE INDEX outbox_order ON outbox (order_id);

  CREATE TABLE inbox (id TEXT PRIMARY KEY, phone TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX inbox_at ON inbox (at);

  CREATE TABLE conversations (
    phone TEXT PRIMARY KEY,
    state_json TEXT,
    updated_at INTEGER NOT NULL,
    handoff_since INTEGER,
    handoff_last TEXT,
    profile_name TEXT
  );

  CREATE TABLE customers (phone TEXT PRIMARY KEY, name TEXT NOT NULL, updated_at INTEGER NOT NULL);

  CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
  `,
  // 2: safe sending. not_before is the scheduled time (due_at becomes the next attempt's time, which
  // retries move); duplicate_of names the sent entry whose identical text made this one unnecessary;
  // outbox_sends remembers the last minute of sends for the rate limits across a restart;
  // outbox_pause holds every send while WhatsApp has asked us to slow down.
  `
  ALTER TABLE outbox ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
  UPDATE outbox SET not_before = CASE WHEN attempts > 0 THEN created_at ELSE due_at END;
  ALTER TABLE outbox ADD COLUMN duplicate_of TEXT;
  CREATE INDEX outbox_phone_sent ON outbox (phone, sent_at);

  CREATE TABLE outbox_sends (key TEXT NOT NULL, phone TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX outbox_sends_at ON outbox_sends (at);

  CREATE TABLE outbox_pause (scope TEXT PRIMARY KEY, until INTEGER NOT NULL);
  `,
  // 3: what the customer asked for the whole order: a time ("HH:MM", local) and a note. Both optional;
  // orders written before stay without them.
  `
  ALTER TABLE orders ADD COLUMN requested_time TEXT;
  ALTER TABLE orders ADD COLUMN order_note TEXT;
  `,
  // 4: the restaurant's terms on the order: the delivery fee (inside total) and a shared location pin.
  // Dish options travel inside items_json.
  `
  ALTER TABLE orders ADD COLUMN delivery_fee REAL;
  ALTER TABLE orders ADD COLUMN location_json TEXT;
  `,
  // 5: the menu lives in the database (one row: the document as the owner or the cloud last wrote
  // it). origin says who wrote it ('sample', 'file', 'editor', 'cloud'); updated_at copies the
  // document's updatedAt for the cloud's last-writer-wins. Settings, the pause, the owner PIN and the
  // first-run state use the key/value settings table of migration 1.
  `
  CREATE TABLE menu (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document_json TEXT NOT NULL,
    updated_at TEXT,
    origin TEXT NOT NULL,
    stored_at INTEGER NOT NULL
  );
  `,
  // 6: files customers sent (voice notes, photos), kept in DATA_DIR/media/<id> for staff; a row per
  // message whether or not the file was kept (`missing` says why not). released_at: staff handed the
  // chat back, so the next handoff starts without them. inbox_phone finds a customer's last message.
  `
  CREATE TABLE media (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    phone TEXT NOT NULL,
    kind TEXT NOT NULL,
    mimetype TEXT,
    bytes INTEGER,
    missing TEXT,
    captioned INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL,
    released_at INTEGER
  );
  CREATE INDEX media_phone ON media (phone, at);
  CREATE INDEX media_at ON media (at);
  CREATE INDEX inbox_phone ON inbox (phone, at);
  `,
  // 7: the print queue. One row per ticket and printer; key = idempotency key (order id + copy +
  // reprint number + printer). document_json is the ticket as laid out when queued.
  `
  CREATE TABLE print_jobs (
    key TEXT PRIMARY KEY,
    order_id TEXT,
    copy TEXT NOT NULL,
    reprint INTEGER NOT NULL DEFAULT 0,
    printer_id TEXT NOT NULL,
    document_json TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    printed_at INTEGER,
    problem TEXT,
    last_error TEXT
  );
  CREATE INDEX print_jobs_due ON print_jobs (state, due_at);
  CREATE INDEX print_jobs_order ON print_jobs (order_id);
  `,
  // 8: the catch-up (messages no event delivered). chat_cursors: per WhatsApp chat, the time up to
  // which the host has handled it (advanced in the same transaction as the messages); catch_up: the
  // floor for chats never handled (the start of the last complete sweep) and counters.
  `
  CREATE TABLE chat_cursors (chat_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
  CREATE TABLE catch_up (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
];
