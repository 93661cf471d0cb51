// Keepalive (opt-in, off by default): a short plain message to the owner's own number about once an
// hour, so a session that has no customer traffic for days still sends something real. Only
// settings.ownerPhone is ever written to; with keepalive off or no owner number the layer queues
// nothing at all. Timing is jittered (first 1–10 min after the session connects, then every
// 55–65 min) so the traffic does not look machine-made.
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { isConnected } from '../../shared/whatsapp-status.ts';
import { LayerLoop } from './layer-loop.ts';
import type { SessionControl } from './session-control.ts';
import { ownerAlertTexts, type OwnerLanguage } from './owner-alert-texts.ts';

export const KEEPALIVE_TEXTS: readonly string[] = [
  'Comanda: conexión activa ✅',
  'Comanda: todo en orden, seguimos recibiendo pedidos.',
  'Comanda: la cocina sigue conectada.',
  'Comanda: WhatsApp funcionando con normalidad.',
  'Comanda: comprobación de conexión correcta.',
  'Comanda: sesión activa y escuchando pedidos.',
  'Comanda: aviso automático, la conexión está bien.',
  'Comanda: seguimos en línea 👍',
  'Comanda: el equipo de la cocina sigue conectado.',
  'Comanda: conexión verificada.',
  'Comanda: todo listo para recibir pedidos.',
  'Comanda: mensaje de control, sin novedades.',
  'Comanda: la sesión de WhatsApp sigue abierta.',
  'Comanda: revisión periódica completada ✅',
  'Comanda: funcionando, no hace falta hacer nada.',
];

export const KEEPALIVE_DEFAULTS = {
  firstMinMs: 60_000,
  firstMaxMs: 10 * 60_000,
  nextMinMs: 55 * 60_000,
  nextMaxMs: 65 * 60_000,
  /** How often the layer looks for a connected session while it waits for one. */
  waitPollMs: 30_000,
  sendTimeoutMs: 60_000,
};

export interface KeepaliveOptions {
  /** The owner's language for alert texts (the host's menu language); default English. */
  language?: () => OwnerLanguage;
  control: SessionControl;
  clock: Clock;
  logger: Logger;
  enabled: boolean;
  /** The owner's own number (digits, optional leading +); the only recipient this layer knows. */
  ownerPhone: string | undefined;
  /** [0, 1), like Math.random; injected so tests pin the jitter and the text. */
  random?: () => number;
  waitPollMs?: number;
  sendTimeoutMs?: number;
}

/** Digits only: "+34 600…" style input is accepted by settings as "+34600…". */
export function ownerDigits(phone: string): string {
  const digits = phone.replace(/^\+/, '');
  if (!/^\d{8,15}$/.test(digits)) throw new Error(`keepalive: owner phone must be 8–15 digits with the country code, got ${digits.length} characters`);
  return digits;
}

export class Keepalive extends LayerLoop {
  private readonly control: SessionControl;
  private readonly language: (() => OwnerLanguage) | undefined;
  private readonly phone: string | undefined;
  private readonly random: () => number;
  private readonly waitPollMs: number;
  private readonly sendTimeoutMs: number;
  /** waiting: for a connected session; scheduled: a send is due at dueAt. */
  private phase: 'waiting' | 'scheduled' = 'waiting';
  private dueAt = 0;
  private lastText: string | undefined;
  private failing = false;
  sent = 0;
  skipped = 0;
  failures = 0;

  constructor(options: KeepaliveOptions) {
    super(options.clock, options.logger.child({ layer: 'keepalive' }));
    this.control = options.control;
    this.language = options.language;
    this.phone = options.enabled && options.ownerPhone ? ownerDigits(options.ownerPhone) : undefined;
    this.random = options.random ?? Math.random;
    this.waitPollMs = options.waitPollMs ?? KEEPALIVE_DEFAULTS.waitPollMs;
    this.sendTimeoutMs = options.sendTimeoutMs ?? KEEPALIVE_DEFAULTS.sendTimeoutMs;
  }

  get enabled(): boolean {
    return this.phone !== undefined;
  }

  protected override onStart(): void {
    this.phase = 'waiting';
  }

  protected override firstDelayMs(): number | null {
    return this.enabled ? 0 : null;
  }

  protected override retryAfterErrorMs(): number {
    return this.waitPollMs;
  }

  protected override async tick(live: () => boolean): Promise<number> {
    const status = this.control.status();
    const now = this.clock.now();
    if (this.phase === 'waiting') {
      if (!isConnected(status)) return this.waitPollMs;
      // Counted from when the session connected, not from when this poll happened to notice it.
      const since = Date.parse(status.since);
      const connectedAt = Number.isFinite(since) && since <= now ? since : now;
      return this.scheduleAt(connectedAt + this.jitter(KEEPALIVE_DEFAULTS.firstMinMs, KEEPALIVE_DEFAULTS.firstMaxMs), now);
    }
    if (now < this.dueAt) return this.dueAt - now; // woken early (a clock that fires early): wait the rest
    if (!isConnected(status)) {
      this.skipped++;
      this.logger.info('keepalive skipped: session not connected; waiting for it to connect again');
      this.phase = 'waiting';
      return this.waitPollMs;
    }
    await this.send(live);
    return this.scheduleAt(this.clock.now() + this.jitter(KEEPALIVE_DEFAULTS.nextMinMs, KEEPALIVE_DEFAULTS.nextMaxMs), this.clock.now());
  }

  private scheduleAt(at: number, now: number): number {
    this.phase = 'scheduled';
    this.dueAt = at;
    return Math.max(0, at - now);
  }

  private jitter(min: number, max: number): number {
    return min + Math.floor(this.pick() * (max - min + 1));
  }

  private pick(): number {
    const r = this.random();
    return r >= 0 && r < 1 ? r : 0;
  }

  /** A random text, never the same one twice in a row. */
  private text(): string {
    let index = Math.floor(this.pick() * KEEPALIVE_TEXTS.length);
    if (KEEPALIVE_TEXTS[index] === this.lastText) index = (index + 1) % KEEPALIVE_TEXTS.length;
    const text = KEEPALIVE_TEXTS[index]!;
    this.lastText = text;
    return text;
  }

  private async send(live: () => boolean): Promise<void> {
    const phone = this.phone!;
    const body = this.text();
    try {
      await this.timers.deadline(() => this.control.sendText(phone, body), this.sendTimeoutMs, 'sendText');
      if (!live()) return;
      this.sent++;
      if (this.failing) this.logger.info('keepalive sends again');
      this.failing = false;
    } catch (error) {
      if (!live()) return;
      this.failures++;
      this.logger.warn('keepalive send failed', errorFields(error));
      if (this.failing) return; // one alert per run of failures, not one an hour
      this.failing = true;
      this.control.alert({
        kind: 'keepalive-failed',
        message: ownerAlertTexts(this.language).keepaliveFailed(String(errorFields(error).error)),
      });
    }
  }
}
