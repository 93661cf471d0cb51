// Alerts to the owner: a mail/{id} document in the Firebase "Trigger Email" extension's shape
// ({ to, message: { subject, text, html } }) plus a desktop notification through an injected
// notifier. Derived from WhatsApp status changes (connected, disconnected, reconnected, unlinked)
// and raised directly for inactivity and a customer asking for a person. Rate-limited per kind,
// and the connection kinds share a budget, so a flapping connection does not flood anyone.
import { addDoc, collection, serverTimestamp, type Firestore } from 'firebase/firestore';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { CloudKv } from './cloud-schema.ts';
import { PROBLEM_TEXT } from '../host/whatsapp-problems.ts';

export const ALERT_KINDS = ['connected', 'disconnected', 'reconnected', 'unlinked', 'inactivity', 'handoff', 'never-ready', 'events-silent'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface DesktopNotifier {
  notify(title: string, body: string): void;
}

export interface AlertOptions {
  firestore: Firestore;
  restaurantId: string;
  restaurantName: () => string;
  /** The owner's address from settings; no address → notifications only. */
  ownerEmail: () => string | undefined;
  clock: Clock;
  logger: Logger;
  kv: CloudKv;
  notifier: DesktopNotifier;
  /** The owner's language, asked at each alert (the screen's if set, else the menu's); default Spanish. */
  language?: () => 'es' | 'en';
  /** Minimum gap between two alerts of one kind (inactivity: 24 h). */
  minGapMs?: Partial<Record<AlertKind, number>>;
  /** Connection alerts (connected/disconnected/reconnected) at most this many per hour. */
  connectionPerHour?: number;
}

const HOUR = 3600_000;
const DEFAULT_GAP: Record<AlertKind, number> = {
  connected: 10 * 60_000,
  disconnected: 10 * 60_000,
  reconnected: 10 * 60_000,
  unlinked: 60 * 60_000,
  inactivity: 24 * HOUR,
  handoff: 60_000,
  // Raised once per episode by the host (whatsapp-problems.ts); the gap only stops a flapping one.
  'never-ready': 6 * HOUR,
  'events-silent': 6 * HOUR,
};
const CONNECTION_KINDS: readonly AlertKind[] = ['connected', 'disconnected', 'reconnected'];

function texts(kind: AlertKind, restaurant: string, detail: string | undefined, language: 'es' | 'en'): { subject: string; text: string } {
  return language === 'en' ? textsEn(kind, restaurant, detail) : textsEs(kind, restaurant, detail);
}

function textsEs(kind: AlertKind, restaurant: string, detail?: string): { subject: string; text: string } {
  switch (kind) {
    case 'connected':
      return { subject: `${restaurant}: WhatsApp conectado`, text: 'WhatsApp está conectado y el bot recibe pedidos.' };
    case 'disconnected':
      return { subject: `${restaurant}: WhatsApp desconectado`, text: 'WhatsApp se ha desconectado. Los clientes no están siendo atendidos.' };
    case 'reconnected':
      return { subject: `${restaurant}: WhatsApp reconectado`, text: 'WhatsApp vuelve a estar conectado.' };
    case 'unlinked':
      return { subject: `${restaurant}: WhatsApp desvinculado`, text: 'La sesión de WhatsApp se cerró desde el teléfono. Hay que volver a vincular con el código QR.' };
    case 'inactivity':
      return { subject: `${restaurant}: sin actividad`, text: `No ha llegado ningún mensaje en mucho tiempo${detail ? ` (${detail})` : ''}. Compruebe la conexión.` };
    case 'handoff':
      return { subject: `${restaurant}: un cliente pide hablar con una persona`, text: `Un cliente quiere hablar con una persona${detail ? `: ${detail}` : ''}.` };
    case 'never-ready':
      return { subject: `${restaurant}: los pedidos por WhatsApp no están entrando`, text: PROBLEM_TEXT['never-ready'].es };
    case 'events-silent':
      return { subject: `${restaurant}: los mensajes de WhatsApp llegan con retraso`, text: PROBLEM_TEXT['events-silent'].es };
  }
}

function textsEn(kind: AlertKind, restaurant: string, detail?: string): { subject: string; text: string } {
  switch (kind) {
    case 'connected':
      return { subject: `${restaurant}: WhatsApp connected`, text: 'WhatsApp is connected and the bot is taking orders.' };
    case 'disconnected':
      return { subject: `${restaurant}: WhatsApp disconnected`, text: 'WhatsApp has disconnected. Customers are not being answered.' };
    case 'reconnected':
      return { subject: `${restaurant}: WhatsApp reconnected`, text: 'WhatsApp is connected again.' };
    case 'unlinked':
      return { subject: `${restaurant}: WhatsApp unlinked`, text: 'The WhatsApp session was closed from the phone. Link it again with the QR code.' };
    case 'inactivity':
      return { subject: `${restaurant}: no activity`, text: `No message has come in for a long time${detail ? ` (${detail})` : ''}. Check the connection.` };
    case 'handoff':
      return { subject: `${restaurant}: a customer asks to talk to a person`, text: `A customer wants to talk to a person${detail ? `: ${detail}` : ''}.` };
    case 'never-ready':
      return { subject: `${restaurant}: WhatsApp orders are not coming in`, text: PROBLEM_TEXT['never-ready'].en };
    case 'events-silent':
      return { subject: `${restaurant}: WhatsApp messages arrive late`, text: PROBLEM_TEXT['events-silent'].en };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class Alerts {
  private readonly options: AlertOptions;
  private previous: WhatsAppStatus['state'] | undefined;
  private wasConnected = false;
  readonly suppressed: AlertKind[] = [];

  constructor(options: AlertOptions) {
    this.options = options;
  }

  onWhatsAppStatus(status: WhatsAppStatus): void {
    const state = status.state;
    if (state === this.previous) return;
    const before = this.previous;
    this.previous = state;
    if (state === 'connected') {
      this.raise(this.wasConnected ? 'reconnected' : 'connected');
      this.wasConnected = true;
    } else if (state === 'logged-out') {
      this.raise('unlinked');
    } else if (before === 'connected' && (state === 'reconnecting' || state === 'offline' || state === 'failed' || state === 'needs-link')) {
      this.raise('disconnected');
    }
  }

  /** Returns whether the alert was sent (false: rate-limited). */
  raise(kind: AlertKind, detail?: string): boolean {
    const { clock, kv, logger, notifier } = this.options;
    const now = clock.now();
    const sentAt = kv.get<Record<string, number[]>>('alerts') ?? {};
    const gap = this.options.minGapMs?.[kind] ?? DEFAULT_GAP[kind];
    const last = sentAt[kind]?.at(-1);
    let limited = last !== undefined && now - last < gap;
    if (!limited && CONNECTION_KINDS.includes(kind)) {
      const recent = CONNECTION_KINDS.flatMap((k) => sentAt[k] ?? []).filter((t) => now - t < HOUR);
      limited = recent.length >= (this.options.connectionPerHour ?? 4);
    }
    if (limited) {
      this.suppressed.push(kind);
      logger.info('alert rate-limited', { kind });
      return false;
    }
    sentAt[kind] = [...(sentAt[kind] ?? []).filter((t) => now - t < 24 * HOUR), now];
    kv.set('alerts', sentAt);
    const { subject, text } = texts(kind, this.options.restaurantName(), detail, this.options.language?.() ?? 'es');
    notifier.notify(subject, text);
    const to = this.options.ownerEmail();
    if (to) {
      Promise.resolve()
        .then(() =>
          addDoc(collection(this.options.firestore, 'mail'), {
            to,
            message: { subject, text, html: `<p>${escapeHtml(text)}</p>` },
            restaurantId: this.options.restaurantId,
            kind,
            createdAt: serverTimestamp(),
          }),
        )
        .catch((error: unknown) => logger.warn('alert mail not queued', { kind, ...errorFields(error) }));
    }
    return true;
  }
}
