// The diagnostics export: one zip a restaurant can send to support, with the health report and the
// last days of logs. Nothing in it may let the reader take over the restaurant or read its
// customers' chats: fields that can hold a message, a token, a key, a password or a link code are
// blanked, and so is anything in free text that looks like a bearer token or a key.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { KdsError, type DiagnosticsExport } from '../../shared/kds-api.ts';
import type { Clock } from './clock.ts';
import { zipFiles } from './zip.ts';

export interface DiagnosticsOptions {
  /** Where the zips are written: DATA_DIR/diagnostics. */
  outDir: string;
  /** The log folder: DATA_DIR/logs headless, electron-log's folder in the desktop app. */
  logDir: string;
  clock: Clock;
  /** Exact strings to blank wherever they appear (the access token). */
  secrets?: () => readonly string[];
  /** Log lines older than this are left out (default 7 days). */
  maxAgeMs?: number;
  /** At most this many bytes of logs, newest first (default 8 MB). */
  maxLogBytes?: number;
  /** Older zips beyond this many are deleted when a new one is written (default 10). */
  keepExports?: number;
}

export const REDACTED = '[redacted]';
const DAY_MS = 24 * 3600_000;
const EXPORT_NAME = /^comanda-diagnostics-\d{8}-\d{6}(-\d+)?\.zip$/;
const LOG_NAME = /\.(log|jsonl|txt)$|\.log\.\d+$/;

/**
 * Words that, in a field name, mean the value must not leave the PC. Field names are split into
 * words (camelCase, snake_case, kebab-case): `apiKey`, `access_token`, `pairingCode` all match.
 */
const SECRET_WORDS = new Set(['body', 'text', 'caption', 'token', 'key', 'secret', 'password', 'passphrase', 'passwd', 'qr', 'pairing', 'authorization', 'cookie', 'credential', 'credentials']);
const SECRET_NAMES = new Set(['lastmessage', 'pairingcode', 'apikey', 'idtoken', 'refreshtoken', 'accesstoken']);

export function isSecretField(name: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_NAMES.has(lower)) return true;
  return name
    .split(/(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word.toLowerCase()));
}

/** Long runs of mixed-case letters and digits: keys, tokens, session blobs. Paths and hex hashes are left alone. */
const OPAQUE_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const looksOpaque = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_SECRET = /([?#&;](?:token|key|secret|password|code)=)[^&#\s"']+/gi;
const FIELD_IN_TEXT = /(["']?)([A-Za-z_-]*(?:body|text|token|key|secret|password|qr|pairingCode|authorization)[A-Za-z_-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;}\])]+)/gi;

/** Blanks what looks like a secret inside free text. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_SECRET, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(OPAQUE_RUN, (run) => (looksOpaque(run) ? REDACTED : run));
}

/** A copy of a JSON value with secret fields blanked and free text cleaned. */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretField(k) && v !== null && v !== undefined ? REDACTED : redactValue(v, secrets);
    return out;
  }
  return value;
}

/** One log line, JSON or plain text (electron-log's "[time] [level] message"), made safe to share. */
export function redactLogLine(line: string, secrets: readonly string[] = []): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.stringify(redactValue(JSON.parse(trimmed), secrets));
    } catch {
      // not JSON after all (a cut line): treated as text
    }
  }
  const fieldsBlanked = line.replace(FIELD_IN_TEXT, (_m, quote: string, name: string, sep: string) => `${quote}${name}${quote}${sep}"${REDACTED}"`);
  return redactText(fieldsBlanked, secrets);
}

/** When a log line was written, if it says: JSON lines carry `t`, electron-log starts with [YYYY-MM-DD HH:MM:SS]. */
export function lineTime(line: string): number | undefined {
  const json = /^\s*\{.*?"t"\s*:\s*"([^"]+)"/.exec(line);
  if (json) {
    const at = Date.parse(json[1]!);
    return Number.isNaN(at) ? undefined : at;
  }
  const text = /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)\]/.exec(line);
  if (text) {
    const at = Date.parse(`${text[1]}T${text[2]}`);
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}

function exportFileName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-11-26T08:20:00.000Z
  return `comanda-diagnostics-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.zip`;
}

/** The last `bytes` of a file, starting at a whole line. */
function readTail(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    closeSync(fd);
  }
}

export class Diagnostics {
  private readonly o: DiagnosticsOptions;

  constructor(options: DiagnosticsOptions) {
    this.o = options;
  }

  /** Writes a zip with health.json (the given report, redacted) and the recent logs. */
  async export(report: Record<string, unknown>): Promise<DiagnosticsExport> {
    const { outDir, clock } = this.o;
    const secrets = this.o.secrets?.() ?? [];
    const now = clock.now();
    const health = {
      generatedAt: new Date(now).toISOString(),
      system: { platform: platform(), release: release(), arch: arch(), node: process.versions.node, ...(process.versions.electron ? { electron: process.versions.electron } : {}) },
      ...report,
    };
    const files = [{ name: 'health.json', data: Buffer.from(JSON.stringify(redactValue(health, secrets), null, 2) + '\n') }];
    for (const log of await this.recentLogs(now, secrets)) files.push({ name: `logs/${log.name}`, data: Buffer.from(log.text) });

    await mkdir(outDir, { recursive: true, mode: 0o700 });
    let fileName = exportFileName(now);
    for (let n = 2; await exists(join(outDir, fileName)); n++) fileName = exportFileName(now).replace(/\.zip$/, `-${n}.zip`);
    const path = join(outDir, fileName);
    const zip = zipFiles(files);
    // Written aside and renamed: a download never sees half a zip.
    const partial = `${path}.partial`;
    await writeFile(partial, zip, { mode: 0o600 });
    await rename(partial, path);
    await this.pruneOld();
    return { path, fileName, bytes: zip.length };
  }

  /** A zip this host wrote, by its file name only; anything else is not found. */
  async read(fileName: string): Promise<Buffer> {
    if (!EXPORT_NAME.test(fileName)) throw new KdsError('not_found', 'no such diagnostics file');
    try {
      return await readFile(join(this.o.outDir, fileName));
    } catch {
      throw new KdsError('not_found', 'no such diagnostics file');
    }
  }

  private async recentLogs(now: number, secrets: readonly string[]): Promise<{ name: string; text: string }[]> {
    const cutoff = now - (this.o.maxAgeMs ?? 7 * DAY_MS);
    let budget = this.o.maxLogBytes ?? 8 * 1024 * 1024;
    let names: string[];
    try {
      names = await readdir(this.o.logDir);
    } catch {
      return []; // no log folder yet
    }
    const candidates: { name: string; path: string; mtime: number }[] = [];
    for (const name of names) {
      if (!LOG_NAME.test(name)) continue;
      const path = join(this.o.logDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs >= cutoff) candidates.push({ name, path, mtime: info.mtimeMs });
    }
    candidates.sort((a, b) => b.mtime - a.mtime);
    const out: { name: string; text: string }[] = [];
    for (const file of candidates) {
      if (budget <= 0) break;
      // Redaction can only shorten a line a little or lengthen it by a few bytes: read a margin more.
      const raw = readTail(file.path, budget * 2);
      const kept: string[] = [];
      let bytes = 0;
      const lines = raw.split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i]!;
        if (line.trim() === '') continue;
        const at = lineTime(line);
        if (at !== undefined && at < cutoff) break; // older lines only come before it
        const safe = redactLogLine(line, secrets);
        const size = Buffer.byteLength(safe) + 1;
        if (bytes + size > budget) break;
        kept.push(safe);
        bytes += size;
      }
      if (kept.length === 0) continue;
      budget -= bytes;
      out.push({ name: file.name, text: kept.reverse().join('\n') + '\n' });
    }
    return out;
  }

  private async pruneOld(): Promise<void> {
    const keep = this.o.keepExports ?? 10;
    const names = (await readdir(this.o.outDir)).filter((n) => EXPORT_NAME.test(n)).sort(byExportOrder);
    for (const name of names.slice(0, Math.max(0, names.length - keep))) await rm(join(this.o.outDir, name), { force: true });
  }
}

/** Oldest first: by the time in the name, then by the -N suffix of exports made in the same second. */
function byExportOrder(a: string, b: string): number {
  const key = (name: string) => {
    const m = /^comanda-diagnostics-(\d{8}-\d{6})(?:-(\d+))?\.zip$/.exec(name)!;
    return { time: m[1]!, n: Number(m[2] ?? 1) };
  };
  const ka = key(a);
  const kb = key(b);
  return ka.time.localeCompare(kb.time) || ka.n - kb.n;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
