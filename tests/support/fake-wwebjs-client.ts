// A faithful fake of whatsapp-web.js's Client (1.34): the same event names and payloads, the same
// methods and WAState values, and the same side effects where the engine depends on them —
// initialize() leaves its browser open when it fails, a non-accepted socket state emits
// change_state, then disconnected, then destroy(), logout() closes the browser, and
// requestPairingCode() emits 'code'. Tests script it: emitQr(), becomeReady(), changeState(),
// failInitialize(), hangGetState(), killBrowser(), receive()… (read node_modules/whatsapp-web.js/src/Client.js).
import { EventEmitter } from 'node:events';
import type { WwebjsBrowserLike, WwebjsChatLike, WwebjsClientLike, WwebjsPageLike } from '../../electron/whatsapp/worker-core.ts';

/** whatsapp-web.js's WAState (src/util/Constants.js). */
export const WAState = {
  CONFLICT: 'CONFLICT',
  CONNECTED: 'CONNECTED',
  DEPRECATED_VERSION: 'DEPRECATED_VERSION',
  OPENING: 'OPENING',
  PAIRING: 'PAIRING',
  PROXYBLOCK: 'PROXYBLOCK',
  SMB_TOS_BLOCK: 'SMB_TOS_BLOCK',
  TIMEOUT: 'TIMEOUT',
  TOS_BLOCK: 'TOS_BLOCK',
  UNLAUNCHED: 'UNLAUNCHED',
  UNPAIRED: 'UNPAIRED',
  UNPAIRED_IDLE: 'UNPAIRED_IDLE',
} as const;

/** What a scripted customer sends: text, a file (voice note, photo, document, sticker), a pin, a contact. */
export interface FakeIncoming {
  from: string;
  body?: string;
  id?: string;
  notifyName?: string;
  type?: string;
  author?: string;
  timestamp?: number;
  caption?: string;
  /** The file; `announcedSize` is what WhatsApp says before downloading, `expired` makes downloadMedia() give undefined. */
  media?: { mimetype: string; dataBase64: string; filename?: string; announcedSize?: number; expired?: boolean };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** A location's comment (newer WhatsApp versions). */
  comment?: string;
}

/** The part of whatsapp-web.js's Message the fake hands out. */
export interface FakeMessage {
  id: { _serialized: string; fromMe: boolean; remote: string };
  from: string;
  to: string;
  author?: string;
  body: string;
  type: string;
  hasMedia: boolean;
  fromMe: boolean;
  timestamp: number;
  isStatus: boolean;
  broadcast: boolean;
  latestEditSenderTimestampMs?: number;
  location?: { latitude: number; longitude: number; name?: string | undefined; address?: string | undefined };
  _data: {
    notifyName?: string | undefined;
    mimetype?: string;
    size?: number;
    filename?: string;
    caption?: string;
    lat?: number;
    lng?: number;
    loc?: string;
    comment?: string;
  };
  downloadMedia(): Promise<{ mimetype: string; data: string; filename: string | null; filesize: number | null } | undefined>;
}

export interface FakeClientOptions {
  takeoverOnConflict?: boolean;
  pairWithPhoneNumber?: { phoneNumber: string; showNotification?: boolean; intervalMs?: number };
}

let nextPid = 50_000;

export class FakeBrowser extends EventEmitter implements WwebjsBrowserLike {
  readonly pid = nextPid++;
  connected = true;
  closed = false;
  process() {
    return { pid: this.pid };
  }
  isConnected(): boolean {
    return this.connected;
  }
  async close(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    this.closed = true;
    this.emit('disconnected');
  }
  /** The browser process died (SIGKILL, crash): puppeteer emits 'disconnected'. */
  crash(): void {
    if (!this.connected) return;
    this.connected = false;
    this.emit('disconnected');
  }
}

export interface FakeSentMessage {
  chatId: string;
  body: string;
  options: Record<string, unknown> | undefined;
  id: string;
  timestamp: number;
}

/** A message as the phone holds it (whatsapp-web.js's Message fields the engine reads). */
export type FakeStoredMessage = Omit<FakeMessage, 'hasMedia' | 'downloadMedia'> & {
  hasMedia?: boolean;
  downloadMedia?: FakeMessage['downloadMedia'];
  /** System lines (security code changed, …): fetchMessages leaves them out. */
  isNotification?: boolean;
};

/** One chat on the phone: every message both ways and WhatsApp's unread counter. */
export interface FakePhoneChat {
  messages: FakeStoredMessage[];
  /** Incoming messages since the last sendSeen; -1 when "marked unread". */
  unreadCount: number;
  /** fetchMessages on this chat rejects with it (a chat that throws when opened). */
  failOpen?: Error;
}

/**
 * Chat.js as getChats()/getChatById() build it: a snapshot of the page's Chat model (id,
 * unreadCount, timestamp = last activity in seconds, isGroup), whose fetchMessages reads the page.
 */
export class FakeChat implements WwebjsChatLike {
  readonly calls: string[];
  private readonly client: FakeWwebjsClient;
  readonly chatId: string;
  readonly id: { _serialized: string; server: string; user: string };
  readonly unreadCount: number;
  readonly timestamp: number;
  readonly isGroup: boolean;
  constructor(client: FakeWwebjsClient, chatId: string) {
    this.client = client;
    this.chatId = chatId;
    this.calls = client.calls;
    const [user = '', server = ''] = chatId.split('@');
    this.id = { _serialized: chatId, server, user };
    const chat = client.phone.get(chatId);
    this.unreadCount = chat?.unreadCount ?? 0;
    this.timestamp = chat?.messages.at(-1)?.timestamp ?? 0;
    this.isGroup = server === 'g.us';
  }
  async sendSeen() {
    this.calls.push(`sendSeen:${this.chatId}`);
    const chat = this.client.phone.get(this.chatId);
    if (chat) chat.unreadCount = 0;
    return true;
  }
  async sendStateTyping() {
    this.calls.push(`sendStateTyping:${this.chatId}`);
  }
  async clearState() {
    this.calls.push(`clearState:${this.chatId}`);
    return true;
  }
  /**
   * Chat.fetchMessages: notifications left out, `fromMe` compared with the id's fromMe, and with a
   * positive limit the newest `limit` sorted by time, oldest first (the library loads earlier
   * messages from the phone until it has that many; here every message is loaded already).
   */
  async fetchMessages(options: { limit: number; fromMe?: boolean }) {
    this.calls.push(`fetchMessages:${this.chatId}:${options.limit}:${options.fromMe}`);
    this.client.assertPage();
    const chat = this.client.phone.get(this.chatId);
    if (chat?.failOpen) throw chat.failOpen;
    const held = chat?.messages ?? [];
    // Tests that give a new client an old history push to `sent` (what that browser's page loaded).
    const ids = new Set(held.map((m) => m.id._serialized));
    const pushed = this.client.sent
      .filter((m) => m.chatId === this.chatId && !ids.has(m.id))
      .map((m): FakeStoredMessage => ({
        id: { _serialized: m.id, fromMe: true, remote: m.chatId },
        from: '34600000001@c.us',
        to: m.chatId,
        body: m.body,
        type: 'chat',
        fromMe: true,
        timestamp: m.timestamp,
        isStatus: false,
        broadcast: false,
        _data: {},
      }));
    let messages = [...pushed, ...held].filter(
      (m) => !m.isNotification && (options.fromMe === undefined || m.id.fromMe === options.fromMe),
    );
    if (options.limit > 0 && messages.length > options.limit) {
      messages = [...messages].sort((a, b) => (a.timestamp > b.timestamp ? 1 : -1));
      messages = messages.slice(messages.length - options.limit);
    }
    return messages;
  }
}

export class FakePage implements WwebjsPageLike {
  hang = false;
  closed = false;
  readonly evaluated: string[] = [];
  async evaluate<T>(fn: (() => T | Promise<T>) | string): Promise<T> {
    if (this.closed) throw new Error('Protocol error (Runtime.callFunctionOn): Target closed');
    if (this.hang) return new Promise<T>(() => undefined);
    const text = typeof fn === 'string' ? fn : fn.name || 'function';
    this.evaluated.push(text);
    if (text === '1 + 1') return 2 as T;
    return { dispatched: ['mousemove'], wakeLock: 'unsupported' } as T;
  }
  async metrics() {
    return { JSHeapUsedSize: 42_000_000 };
  }
}

export class FakeWwebjsClient extends EventEmitter implements WwebjsClientLike {
  /** Every client constructed (one per worker life), newest last. */
  static readonly instances: FakeWwebjsClient[] = [];
  /** The phone's chats (see `phone`): reset() gives each test a fresh phone. */
  static sharedPhone = new Map<string, FakePhoneChat>();
  /** The phone's clock (message timestamps); tests point it at their FakeClock. */
  static now: () => number = () => Date.now();
  static reset(): void {
    FakeWwebjsClient.instances.length = 0;
    FakeWwebjsClient.now = () => Date.now();
    FakeWwebjsClient.sharedPhone = new Map();
  }

  readonly options: FakeClientOptions;
  pupBrowser: FakeBrowser | null = null;
  pupPage: FakePage | null = null;
  info: { wid: { user: string; _serialized: string } } | undefined;
  /** The socket state getState() reports. */
  state: string | null = WAState.UNLAUNCHED;
  readonly calls: string[] = [];
  readonly sent: FakeSentMessage[] = [];
  /** Numbers on WhatsApp (digits); a number not here is "not on WhatsApp". */
  readonly registered = new Set<string>();
  /** Customer messages received, by id (for edit/react/revoke). */
  readonly received = new Map<string, FakeMessage>();
  /**
   * The phone's chats by chat id, shared by every client of a test (the phone outlives the
   * browser): what getChats() and fetchMessages() read. receive() and sendMessage() write here.
   */
  phone: Map<string, FakePhoneChat> = FakeWwebjsClient.sharedPhone;
  /** Incoming messages reach the phone without a 'message' event (WhatsApp Web changed under the library). */
  eventsStopped = false;
  private initError: Error | undefined;
  private getStateHangs = false;
  /** Runs inside sendMessage after the message is recorded (e.g. to kill the worker mid-send). */
  afterSend: ((message: FakeSentMessage) => void) | undefined;
  sendError: Error | undefined;
  destroyHangs = false;
  private sentCount = 0;

  constructor(options: FakeClientOptions = {}) {
    super();
    this.options = options;
    FakeWwebjsClient.instances.push(this);
  }

  // ---- scripting --------------------------------------------------------------------------------

  /** The next initialize() rejects with this error after launching the browser, as page.goto does offline. */
  failInitialize(error: Error): this {
    this.initError = error;
    return this;
  }

  emitQr(qr = `2@fake-ref-${Math.random().toString(36).slice(2)},key,identity,secret,1`): void {
    this.state = WAState.UNPAIRED;
    this.emit('qr', qr);
  }

  authenticate(): void {
    this.emit('authenticated', undefined);
  }

  loading(percent: number): void {
    this.emit('loading_screen', percent, 'WhatsApp');
  }

  becomeReady(phone = '34600000001'): void {
    this.state = WAState.CONNECTED;
    this.info = { wid: { user: phone, _serialized: `${phone}@c.us` } };
    this.emit('ready');
  }

  /** What onAppStateChangedEvent does: change_state, then for a non-accepted state disconnected + destroy(). */
  changeState(state: string): void {
    this.state = state;
    this.emit('change_state', state);
    const accepted: string[] = [WAState.CONNECTED, WAState.OPENING, WAState.PAIRING, WAState.TIMEOUT];
    if (this.options.takeoverOnConflict) accepted.push(WAState.CONFLICT);
    if (!accepted.includes(state)) {
      this.emit('disconnected', state);
      void this.destroy();
    }
  }

  /** The phone unlinked this computer: the page navigates to post_logout and the client emits LOGOUT. */
  logoutFromPhone(): void {
    this.state = WAState.UNPAIRED;
    this.emit('disconnected', 'LOGOUT');
  }

  hangGetState(hang = true): void {
    this.getStateHangs = hang;
  }

  killBrowser(): void {
    this.pupBrowser?.crash();
    if (this.pupPage) this.pupPage.closed = true;
  }

  /**
   * A customer message as whatsapp-web.js's Message carries it (text, or see receiveMedia/receiveLocation).
   * It lands on the phone (the chat's unread counter goes up) and, unless `deliver` is false (the PC
   * was off) or events stopped, the client emits 'message'.
   */
  receive(message: FakeIncoming, options: { deliver?: boolean } = {}): FakeMessage {
    const id = message.id ?? `false_${message.from}_${Math.random().toString(36).slice(2, 10)}`;
    const type = message.type ?? 'chat';
    const file = message.media;
    // Message.js: hasMedia = Boolean(data.directPath); body = hasMedia ? caption || '' : data.body.
    const hasMedia = file !== undefined;
    const data: FakeMessage['_data'] = { notifyName: message.notifyName };
    if (file) {
      data.mimetype = file.mimetype;
      data.size = file.announcedSize ?? Buffer.byteLength(file.dataBase64, 'base64');
      if (file.filename !== undefined) data.filename = file.filename;
      if (message.caption !== undefined) data.caption = message.caption;
    }
    let location: FakeMessage['location'];
    if (type === 'location' && message.location) {
      const { latitude, longitude, name, address } = message.location;
      // WA Web keeps the description as "name\naddress" in `loc`; Location.js splits it back.
      data.lat = latitude;
      data.lng = longitude;
      if (name !== undefined || address !== undefined) data.loc = [name ?? '', address ?? ''].join('\n');
      const parts = data.loc?.split('\n');
      location = { latitude, longitude, ...(parts ? { name: parts[0], address: parts[1] } : {}) };
      if (message.comment !== undefined) data.comment = message.comment;
    }
    const msg: FakeMessage = {
      id: { _serialized: id, fromMe: false, remote: message.from },
      from: message.from,
      to: this.info?.wid._serialized ?? '34600000001@c.us',
      ...(message.author !== undefined ? { author: message.author } : {}),
      // A location's body is WA Web's map thumbnail (base64 JPEG).
      body: hasMedia ? (message.caption ?? '') : type === 'location' ? '/9j/4AAQSkZJRgABAQAAAQABAAD' : (message.body ?? ''),
      type,
      hasMedia,
      fromMe: false,
      timestamp: message.timestamp ?? Math.floor(FakeWwebjsClient.now() / 1000),
      isStatus: message.from === 'status@broadcast',
      broadcast: message.from.endsWith('@broadcast'),
      ...(location ? { location } : {}),
      _data: data,
      downloadMedia: async () => {
        this.calls.push(`downloadMedia:${id}`);
        this.assertPage();
        // Message.downloadMedia(): undefined without media or when WhatsApp no longer has the file.
        if (!file || file.expired) return undefined;
        return { mimetype: file.mimetype, data: file.dataBase64, filename: file.filename ?? null, filesize: data.size ?? null };
      },
    };
    this.received.set(id, msg);
    this.store(message.from, msg, true);
    if (options.deliver !== false && !this.eventsStopped) {
      // Client.js: every new message is a message_create; one from someone else is also a message.
      this.emit('message_create', msg);
      this.emit('message', msg);
    }
    return msg;
  }

  /** Puts a message on the phone as it is (tests build odd ones: unreadable bodies, notifications). */
  store(chatId: string, message: FakeStoredMessage, unread: boolean): void {
    let chat = this.phone.get(chatId);
    if (!chat) {
      chat = { messages: [], unreadCount: 0 };
      this.phone.set(chatId, chat);
    }
    chat.messages.push(message);
    if (unread && chat.unreadCount >= 0) chat.unreadCount++;
  }

  /**
   * The customer edits a message (Client.js onEditMessageEvent on 'change:body change:caption'):
   * the model's body or caption becomes the new text and message_edit carries (message, newBody, prevBody).
   */
  edit(id: string, newBody: string): void {
    const msg = this.received.get(id);
    if (!msg) throw new Error(`no received message ${id}`);
    const prevBody = msg.body;
    msg.body = newBody;
    if (msg.hasMedia) msg._data.caption = newBody;
    msg.latestEditSenderTimestampMs = FakeWwebjsClient.now();
    this.emit('message_edit', msg, newBody, prevBody);
  }

  /** A reaction: whatsapp-web.js emits message_reaction (a Reaction), never 'message'. */
  react(id: string, emoji: string): void {
    const msg = this.received.get(id);
    this.emit('message_reaction', { id: { _serialized: `${id}_reaction` }, msgId: msg?.id, reaction: emoji, senderId: msg?.from, ack: 1 });
  }

  /** Deleted for everyone: message_revoke_everyone with the revoked message and the original. */
  revoke(id: string): void {
    const msg = this.received.get(id);
    if (!msg) throw new Error(`no received message ${id}`);
    this.emit('message_revoke_everyone', { ...msg, type: 'revoked', body: '' }, msg);
  }

  // ---- the Client's API -------------------------------------------------------------------------

  assertPage(): FakePage {
    if (!this.pupPage || this.pupPage.closed) throw new Error('Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.');
    return this.pupPage;
  }

  async initialize(): Promise<void> {
    this.calls.push('initialize');
    this.pupBrowser = new FakeBrowser();
    this.pupPage = new FakePage();
    await Promise.resolve();
    if (this.initError) throw this.initError;
    this.state = WAState.OPENING;
  }

  async destroy(): Promise<void> {
    this.calls.push('destroy');
    if (this.destroyHangs) return new Promise<void>(() => undefined);
    if (this.pupBrowser?.isConnected()) await this.pupBrowser.close();
    if (this.pupPage) this.pupPage.closed = true;
  }

  async logout(): Promise<void> {
    this.calls.push('logout');
    this.assertPage();
    this.state = WAState.UNPAIRED;
    await this.pupBrowser?.close();
    if (this.pupPage) this.pupPage.closed = true;
  }

  async getState(): Promise<string | null> {
    this.calls.push('getState');
    this.assertPage();
    if (this.getStateHangs) return new Promise<string | null>(() => undefined);
    return this.state;
  }

  async resetState(): Promise<void> {
    this.calls.push('resetState');
    this.assertPage();
  }

  async sendPresenceAvailable(): Promise<void> {
    this.calls.push('sendPresenceAvailable');
    this.assertPage();
  }

  async getNumberId(number: string): Promise<{ server: string; user: string; _serialized: string } | null> {
    this.calls.push(`getNumberId:${number}`);
    this.assertPage();
    const user = number.replace(/@c\.us$/, '');
    return this.registered.has(user) ? { server: 'c.us', user, _serialized: `${user}@c.us` } : null;
  }

  async getChatById(chatId: string): Promise<FakeChat> {
    this.assertPage();
    return new FakeChat(this, chatId);
  }

  /** Client.getChats: one page call serialising every chat the page has (WAWebCollections.Chat). */
  async getChats(): Promise<FakeChat[]> {
    this.calls.push('getChats');
    this.assertPage();
    return [...this.phone.keys()].map((chatId) => new FakeChat(this, chatId));
  }

  async sendMessage(chatId: string, content: string, options?: Record<string, unknown>): Promise<{ id: { _serialized: string }; body: string }> {
    this.calls.push(`sendMessage:${chatId}`);
    this.assertPage();
    if (this.sendError) throw this.sendError;
    const message: FakeSentMessage = {
      chatId,
      body: content,
      options,
      id: `true_${chatId}_MSG${++this.sentCount}`,
      timestamp: Math.floor(FakeWwebjsClient.now() / 1000),
    };
    this.sent.push(message);
    this.store(
      chatId,
      {
        id: { _serialized: message.id, fromMe: true, remote: chatId },
        from: this.info?.wid._serialized ?? '34600000001@c.us',
        to: chatId,
        body: content,
        type: 'chat',
        fromMe: true,
        timestamp: message.timestamp,
        isStatus: false,
        broadcast: false,
        _data: {},
      },
      false,
    );
    // Our own message comes back as message_create while it is being sent (unless events stopped).
    if (!this.eventsStopped) this.emit('message_create', { ...this.phone.get(chatId)!.messages.at(-1)! });
    this.afterSend?.(message);
    return { id: { _serialized: message.id }, body: content };
  }

  async requestPairingCode(phoneNumber: string, showNotification = true, intervalMs = 180_000): Promise<string> {
    this.calls.push(`requestPairingCode:${phoneNumber}:${showNotification}:${intervalMs}`);
    this.assertPage();
    const code = 'ABCD1234';
    this.emit('code', code);
    return code;
  }

  async getWWebVersion(): Promise<string> {
    this.assertPage();
    return '2.3000.1017054665';
  }
}
