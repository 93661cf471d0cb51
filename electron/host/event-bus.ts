// Fan-out of KDS events to every connected screen (WebSocket clients, the Electron window).
import type { KdsEvent } from '../../shared/kds-api.ts';
import type { Logger } from './logger.ts';

export class EventBus {
  private readonly listeners = new Set<(event: KdsEvent) => void>();
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  subscribe(listener: (event: KdsEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: KdsEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken screen must not stop the others from hearing about an order.
        this.logger.warn('event listener failed', { type: event.type, error: (error as Error).message });
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
