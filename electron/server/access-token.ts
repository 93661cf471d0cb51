// The bearer token every kitchen screen presents. Kept in DATA_DIR/access-token (0600) so screens
// keep their bookmark across restarts, until the owner rotates it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ACCESS_TOKEN_FILE = 'access-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export function loadOrCreateAccessToken(dataDir: string): string {
  const path = join(dataDir, ACCESS_TOKEN_FILE);
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (TOKEN_PATTERN.test(existing)) {
      chmodSync(path, 0o600);
      return existing;
    }
  } catch {
    // missing: make one
  }
  return rotateAccessToken(dataDir);
}

export function rotateAccessToken(dataDir: string): string {
  const path = join(dataDir, ACCESS_TOKEN_FILE);
  const token = randomBytes(32).toString('base64url');
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, token + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  return token;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, presented: string | undefined | null): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
