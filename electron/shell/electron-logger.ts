// The host's Logger over electron-log: one file in DATA_DIR/logs (main.log), rotated to
// main.1.log … main.<keep>.log so months of running never fill the disk. Fields are structured
// JSON; callers already keep message bodies, tokens and keys out of them.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { LogFields, Logger } from '../host/logger.ts';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_KEEP = 5;

/** The slice of electron-log's main logger used here. */
export interface ElectronLogLike {
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
  debug(...params: unknown[]): void;
  transports: {
    file: {
      maxSize: number;
      resolvePathFn: (...args: never[]) => string;
      /** Method syntax: electron-log passes its richer LogFile. */
      archiveLogFn(file: { path: string }): void;
      format: unknown;
      level: unknown;
    };
    console: { level: unknown };
  };
}

/** main.log → main.1.log, main.1.log → main.2.log …; the oldest beyond `keep` is dropped. */
export function rotateLogFiles(path: string, keep: number): void {
  const dir = dirname(path);
  const ext = extname(path);
  const stem = basename(path, ext);
  const numbered = (n: number) => join(dir, `${stem}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(path, numbered(1));
}

export function configureElectronLog(log: ElectronLogLike, logDir: string, options: { keep?: number; maxBytes?: number; onError?: (error: Error) => void } = {}): void {
  const file = log.transports.file;
  file.resolvePathFn = () => join(logDir, LOG_FILE_NAME);
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.format = '{text}';
  file.level = 'info';
  file.archiveLogFn = (old) => {
    try {
      rotateLogFiles(old.path, options.keep ?? LOG_KEEP);
    } catch (error) {
      options.onError?.(error as Error);
    }
  };
}

/** JSON lines through electron-log (which adds nothing: format is '{text}'). */
export function electronLogger(log: ElectronLogLike, base: LogFields = {}, now: () => number = Date.now): Logger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: LogFields) => {
    log[level](JSON.stringify({ t: new Date(now()).toISOString(), level, msg: message, ...base, ...fields }));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => electronLogger(log, { ...base, ...fields }, now),
  };
}
