// What is wrong with WhatsApp beyond its state (never-ready, events-silent), owned by the host: the
// catch-up and the ready timeout raise and clear them, and everything that tells the owner (kitchen
// banner, desktop notification, tray, cloud e-mail) listens here. Each problem alerts once per
// episode: raised again before it cleared, nobody hears it twice.
import type { WhatsAppProblem, WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import type { Logger } from './logger.ts';
import { WHATSAPP_PROBLEM_TEXT } from '../../shared/i18n-whatsapp-problems.ts';

export interface ProblemAlert {
  problem: WhatsAppProblem;
  /** The owner's words, both languages. */
  message: { es: string; en: string };
}

/** The owner's words, body only, per language (shared/i18n-whatsapp-problems.ts has titles too). */
export const PROBLEM_TEXT: Record<WhatsAppProblem, { es: string; en: string }> = {
  'never-ready': { es: WHATSAPP_PROBLEM_TEXT['never-ready'].es.body, en: WHATSAPP_PROBLEM_TEXT['never-ready'].en.body },
  'events-silent': { es: WHATSAPP_PROBLEM_TEXT['events-silent'].es.body, en: WHATSAPP_PROBLEM_TEXT['events-silent'].en.body },
};

export class WhatsAppProblems {
  private readonly active = new Set<WhatsAppProblem>();
  private readonly changeListeners = new Set<(problems: WhatsAppProblem[]) => void>();
  private readonly alertListeners = new Set<(alert: ProblemAlert) => void>();
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  list(): WhatsAppProblem[] {
    return [...this.active].sort();
  }

  has(problem: WhatsAppProblem): boolean {
    return this.active.has(problem);
  }

  raise(problem: WhatsAppProblem, reason: string): void {
    if (this.active.has(problem)) return;
    this.active.add(problem);
    this.logger.error('whatsapp problem', { problem, reason });
    this.changed();
    const alert: ProblemAlert = { problem, message: PROBLEM_TEXT[problem] };
    for (const listener of [...this.alertListeners]) {
      try {
        listener(alert);
      } catch (error) {
        this.logger.warn('problem alert listener failed', { error: (error as Error).message });
      }
    }
  }

  clear(problem: WhatsAppProblem, reason: string): void {
    if (!this.active.delete(problem)) return;
    this.logger.info('whatsapp problem over', { problem, reason });
    this.changed();
  }

  onChange(listener: (problems: WhatsAppProblem[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Once per episode of each problem. */
  onAlert(listener: (alert: ProblemAlert) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  /** The status with the current problems on it (what screens, tray and cloud see). */
  decorate(status: WhatsAppStatus): WhatsAppStatus {
    const problems = this.list();
    if (problems.length === 0) {
      if (status.problems === undefined) return status;
      const { problems: _dropped, ...rest } = status;
      return rest;
    }
    return { ...status, problems };
  }

  private changed(): void {
    const problems = this.list();
    for (const listener of [...this.changeListeners]) {
      try {
        listener(problems);
      } catch (error) {
        this.logger.warn('problem listener failed', { error: (error as Error).message });
      }
    }
  }
}
