// Counters of the order path since start: messages in and out, send failures. Shown in
// /api/health and published by the cloud's device status; listeners hear every change.
export type StatName = 'messagesIn' | 'messagesOut' | 'sendFailures';

export class HostStats {
  readonly counts: Record<StatName, number> = { messagesIn: 0, messagesOut: 0, sendFailures: 0 };
  private readonly listeners = new Set<(name: StatName) => void>();

  count(name: StatName): void {
    this.counts[name]++;
    for (const listener of this.listeners) listener(name);
  }

  onCount(listener: (name: StatName) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
