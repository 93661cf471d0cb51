// The per-restaurant backup key: 32 random bytes kept on the PC (Electron safeStorage behind the
// SecretStore interface; headless, a 0600 file), shown once to the owner as a recovery code.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  get(name: string): Buffer | undefined;
  set(name: string, value: Buffer): void;
}

/** Headless: one 0600 file per secret in a 0700 folder of the data dir. */
export function fileSecretStore(dir: string): SecretStore {
  const pathOf = (name: string) => join(dir, name.replace(/[^a-zA-Z0-9_.-]/g, '_'));
  return {
    get(name) {
      try {
        return Buffer.from(readFileSync(pathOf(name), 'utf8').trim(), 'base64');
      } catch {
        return undefined;
      }
    },
    set(name, value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = `${pathOf(name)}.tmp`;
      writeFileSync(temp, value.toString('base64'), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, pathOf(name));
    },
  };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/** 32 bytes → 52 characters in groups of 4 (plus a 4-character check), easy to type back. */
export function recoveryCode(key: Buffer): string {
  const check = createHash('sha256').update(key).digest().subarray(0, 2);
  const bytes = Buffer.concat([key, check]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

export function parseRecoveryCode(code: string): Buffer {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/I/g, '1');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('the recovery code has a character that does not belong in it');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  if (out.length < 34) throw new Error('the recovery code is too short');
  const key = Buffer.from(out.slice(0, 32));
  const check = createHash('sha256').update(key).digest().subarray(0, 2);
  if (!check.equals(Buffer.from(out.slice(32, 34)))) throw new Error('the recovery code is not right (a character is mistyped)');
  return key;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('comanda-backup-key').update(key).digest('hex').slice(0, 16);
}

/** iv (12) | ciphertext | tag (16), AES-256-GCM; aad binds the ciphertext to its backup id. */
export function encrypt(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 28) throw new Error('the backup is too short to be one');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
}

export interface BackupKeyResult {
  key: Buffer;
  /** Set only when the key was just created: show it to the owner once. */
  newRecoveryCode?: string;
}

export function loadOrCreateBackupKey(store: SecretStore, restaurantId: string): BackupKeyResult {
  const name = `backup-key-${restaurantId}`;
  const existing = store.get(name);
  if (existing && existing.length === 32) return { key: existing };
  const key = randomBytes(32);
  store.set(name, key);
  return { key, newRecoveryCode: recoveryCode(key) };
}

/** A new PC: the owner typed the recovery code. */
export function importRecoveryCode(store: SecretStore, restaurantId: string, code: string): Buffer {
  const key = parseRecoveryCode(code);
  store.set(`backup-key-${restaurantId}`, key);
  return key;
}
