// The cloud's SecretStore over Electron safeStorage (the OS keychain / DPAPI / libsecret): each
// secret is encrypted and kept as a 0600 file. Where the OS offers no real encryption (Linux without
// a keyring: the 'basic_text' backend) it says so once and falls back to the plain 0600 files the
// headless host uses, rather than pretending.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { fileSecretStore, type SecretStore } from '../cloud/backup/backup-key.ts';
import type { Logger } from '../host/logger.ts';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export function safeStorageSecrets(safeStorage: SafeStorageLike, dir: string, logger: Logger, platform: NodeJS.Platform = process.platform): SecretStore {
  const weak = platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) {
    logger.warn('OS secret storage unavailable; secrets kept in 0600 files', { platform });
    return fileSecretStore(dir);
  }
  const pathOf = (name: string) => join(dir, `${name.replace(/[^a-zA-Z0-9_.-]/g, '_')}.safe`);
  return {
    get(name) {
      let sealed: Buffer;
      try {
        sealed = readFileSync(pathOf(name));
      } catch {
        return undefined;
      }
      try {
        return Buffer.from(safeStorage.decryptString(sealed), 'base64');
      } catch (error) {
        // A keychain reset makes the secret unreadable: treat it as absent, and say why.
        logger.error('secret could not be decrypted', { name, error: (error as Error).message });
        return undefined;
      }
    },
    set(name, value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = `${pathOf(name)}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(value.toString('base64')), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, pathOf(name));
    },
  };
}
