// An uncaught error in the main process is logged and the app relaunches, but only a few times in
// a window: a crash at boot must not turn into an endless restart loop. The crash times are kept in
// a small file so the limit holds across the relaunches themselves.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface CrashRelaunchOptions {
  /** DATA_DIR/crash-history.json */
  historyPath: string;
  now: () => number;
  /** Relaunches allowed inside the window. */
  maxRelaunches?: number;
  windowMs?: number;
}

const historySchema = z.object({ crashes: z.array(z.number()).max(100) });

export const DEFAULT_MAX_RELAUNCHES = 3;
export const DEFAULT_CRASH_WINDOW_MS = 10 * 60_000;

export class CrashRelaunch {
  private readonly o: CrashRelaunchOptions;

  constructor(o: CrashRelaunchOptions) {
    this.o = o;
  }

  /** Records a crash; true when the app should relaunch, false when it should stay down. */
  recordCrash(): boolean {
    const now = this.o.now();
    const windowMs = this.o.windowMs ?? DEFAULT_CRASH_WINDOW_MS;
    const recent = this.read().filter((at) => at > now - windowMs && at <= now);
    const relaunch = recent.length < (this.o.maxRelaunches ?? DEFAULT_MAX_RELAUNCHES);
    recent.push(now);
    this.write(recent);
    return relaunch;
  }

  private read(): number[] {
    try {
      const parsed = historySchema.safeParse(JSON.parse(readFileSync(this.o.historyPath, 'utf8')));
      return parsed.success ? parsed.data.crashes : [];
    } catch {
      return [];
    }
  }

  private write(crashes: number[]): void {
    try {
      const temp = `${this.o.historyPath}.tmp`;
      writeFileSync(temp, JSON.stringify({ crashes: crashes.slice(-20) }));
      renameSync(temp, this.o.historyPath);
    } catch {
      // An unwritable data folder must not stop the relaunch decision itself.
    }
  }
}

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface CrashHandlerOptions {
  process: ProcessLike;
  guard: CrashRelaunch;
  log: (message: string, fields: Record<string, unknown>) => void;
  /** app.relaunch() then app.exit(1). */
  relaunch: () => void;
  /** app.exit(1) without relaunching. */
  exit: () => void;
}

/**
 * Uncaught exceptions end in a (rate-limited) relaunch; unhandled rejections are logged only: a
 * rejected promise leaves the process in a known state, an uncaught throw may not.
 */
export function installCrashHandlers(o: CrashHandlerOptions): void {
  let handling = false;
  o.process.on('uncaughtException', (error) => {
    o.log('uncaught exception in the main process', { error: error?.message, errorName: error?.name, stack: error?.stack?.slice(0, 2000) });
    if (handling) return;
    handling = true;
    if (o.guard.recordCrash()) o.relaunch();
    else {
      o.log('too many crashes in a short time; not relaunching', {});
      o.exit();
    }
  });
  o.process.on('unhandledRejection', (reason) => {
    o.log('unhandled promise rejection in the main process', reason instanceof Error ? { error: reason.message, errorName: reason.name } : { error: String(reason) });
  });
}
