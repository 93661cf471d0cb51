// An engine for outbox tests: its next sends fail as scripted, and every real delivery is recorded
// with the (fake) time it happened.
import type { SendRequest, SendResult } from '../../electron/whatsapp/engine.ts';
import type { WhatsAppStatus } from '../../shared/whatsapp-status.ts';

export interface Delivery extends SendRequest {
  at: number;
}

export class ScriptedSendEngine {
  delivered: Delivery[] = [];
  /** Thrown by the next sends, in order; an undefined hole lets that send through. */
  failures: (Error | undefined)[] = [];
  /** Every call to send(), failed or not. */
  calls = 0;
  state: WhatsAppStatus['state'] = 'connected';
  private readonly now: () => number;

  constructor(now: () => number = () => 0) {
    this.now = now;
  }

  getStatus(): WhatsAppStatus {
    return { state: this.state, since: '', engine: 'simulator' };
  }

  async send(request: SendRequest): Promise<SendResult> {
    this.calls++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.delivered.push({ ...request, at: this.now() });
    return { messageId: `m${this.delivered.length}`, duplicate: false };
  }

  keys(): string[] {
    return this.delivered.map((d) => d.idempotencyKey);
  }
}
