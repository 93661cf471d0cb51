// The first-run (welcome) flow's progress, in the settings table. A fresh data directory starts
// not completed; an install that already ran before this existed (orders in the database, or a
// settings.json) counts as completed, so an upgrade never lands a working kitchen on the welcome.
import { SETUP_STEPS, type SetupState, type SetupUpdate } from '../../shared/owner-api.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';

export const SETUP_KEY = 'setup';

export class SetupStore {
  private readonly repo: SettingsRepo;
  private readonly listeners = new Set<(setup: SetupState) => void>();

  private constructor(repo: SettingsRepo) {
    this.repo = repo;
  }

  /** upgraded: this data directory was in use before (decided once, on the first start that keeps setup). */
  static open(repo: SettingsRepo, upgraded: () => boolean): SetupStore {
    if (!repo.has(SETUP_KEY)) repo.set(SETUP_KEY, { completed: upgraded(), done: [] } satisfies SetupState);
    return new SetupStore(repo);
  }

  current(): SetupState {
    const stored = this.repo.get<Partial<SetupState>>(SETUP_KEY) ?? {};
    const done = Array.isArray(stored.done) ? SETUP_STEPS.filter((step) => stored.done!.includes(step)) : [];
    return { completed: stored.completed === true, done };
  }

  /** `done` adds steps (done or skipped); `completed` sets the flag. */
  update(update: SetupUpdate): SetupState {
    const current = this.current();
    const done = new Set([...current.done, ...(update.done ?? [])]);
    const next: SetupState = {
      completed: update.completed ?? current.completed,
      done: SETUP_STEPS.filter((step) => done.has(step)),
    };
    this.repo.set(SETUP_KEY, next);
    for (const listener of [...this.listeners]) listener(next);
    return next;
  }

  onChange(listener: (setup: SetupState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
