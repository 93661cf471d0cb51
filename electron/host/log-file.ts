// The host's log on disk, for the diagnostics export: JSON lines in DATA_DIR/logs/comanda.log,
// rotated to comanda.1.log … comanda.<keep>.log when a file reaches maxBytes, so a PC that runs for
// months never fills its disk. Writing is synchronous and never throws: a full or read-only disk
// must not take the kitchen down, so the first failure is reported once and the file is left alone.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFileOptions {
  /** The folder the files live in (created if missing). */
  dir: string;
  /** File name stem: <baseName>.log, <baseName>.1.log … */
  baseName?: string;
  /** A file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Told once when the file cannot be written (default: stderr). */
  onError?: (error: Error) => void;
}

export const DEFAULT_LOG_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

export class RotatingLogFile {
  readonly dir: string;
  private readonly baseName: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly onError: (error: Error) => void;
  private fd: number | undefined;
  private size = 0;
  private broken = false;

  constructor(options: LogFileOptions) {
    this.dir = options.dir;
    this.baseName = options.baseName ?? 'comanda';
    this.maxBytes = Math.max(1024, options.maxBytes ?? DEFAULT_LOG_MAX_BYTES);
    this.keep = Math.max(1, options.keep ?? DEFAULT_LOG_KEEP);
    this.onError = options.onError ?? ((error) => process.stderr.write(`comanda: log file disabled: ${error.message}\n`));
  }

  /** The file being written now. */
  get currentPath(): string {
    return this.pathOf(0);
  }

  /** Appends one line (a newline is added). */
  write(line: string): void {
    if (this.broken) return;
    try {
      const data = Buffer.from(line + '\n', 'utf8');
      if (this.fd === undefined) this.open();
      if (this.size > 0 && this.size + data.length > this.maxBytes) {
        this.rotate();
        this.open();
      }
      writeSync(this.fd!, data);
      this.size += data.length;
    } catch (error) {
      this.broken = true;
      this.closeQuietly();
      this.onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): void {
    this.closeQuietly();
  }

  private pathOf(index: number): string {
    return join(this.dir, index === 0 ? `${this.baseName}.log` : `${this.baseName}.${index}.log`);
  }

  private open(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.fd = openSync(this.currentPath, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** comanda.log → comanda.1.log → … ; the oldest beyond `keep` is deleted. */
  private rotate(): void {
    this.closeQuietly();
    rmSync(this.pathOf(this.keep), { force: true });
    for (let i = this.keep - 1; i >= 0; i--) {
      try {
        renameSync(this.pathOf(i), this.pathOf(i + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  private closeQuietly(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // already closed or the disk went away: nothing left to do
    }
    this.fd = undefined;
  }
}
