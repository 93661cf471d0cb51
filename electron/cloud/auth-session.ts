// Sign-in with Firebase Auth (email and password). The restaurant id is the account's
// `restaurantId` custom claim, else its uid. The session survives a restart through a file
// persistence in the data directory (mode 0600), or in the desktop app a secret sealed by the OS
// keychain: it holds the SDK's user record (tokens), never the password. Sign-in errors come back
// in plain words.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FirebaseApp } from 'firebase/app';
import {
  connectAuthEmulator,
  initializeAuth,
  signInWithEmailAndPassword,
  signOut,
  type Auth,
  type Persistence,
  type User,
} from 'firebase/auth';
import type { SecretStore } from './backup/backup-key.ts';

type PersistenceValue = Record<string, unknown> | string;

/** The SDK's signed-in user record (tokens, never the password), in the data directory. */
const SESSION_FILE = 'cloud-session.json';

/** The same record as a secret (desktop: safeStorage), under this name. */
const SESSION_SECRET = 'cloud-session';

type Records = Record<string, PersistenceValue>;

/** Builds a Persistence class (the SDK instantiates it) over one JSON file. */
export function filePersistence(path: string): Persistence {
  return jsonPersistence(
    () => JSON.parse(readFileSync(path, 'utf8')) as Records,
    (data) => {
      if (!data) {
        rmSync(path, { force: true });
        return;
      }
      const temp = `${path}.tmp`;
      writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, path);
    },
  );
}

/** The desktop app: the record sealed by the OS keychain (safe-storage-secrets.ts). */
export function secretPersistence(store: SecretStore): Persistence {
  return jsonPersistence(() => readSecretRecords(store), (data) => store.set(SESSION_SECRET, Buffer.from(JSON.stringify(data ?? {}), 'utf8')));
}

function readSecretRecords(store: SecretStore): Records {
  const sealed = store.get(SESSION_SECRET);
  return sealed ? (JSON.parse(sealed.toString('utf8')) as Records) : {};
}

/** read() may throw (missing, unreadable): that is an empty record. write(undefined): nothing left. */
function jsonPersistence(readRaw: () => Records, writeRaw: (data: Records | undefined) => void): Persistence {
  const read = (): Records => {
    try {
      return readRaw();
    } catch {
      return {};
    }
  };
  const write = (data: Records) => writeRaw(data);
  class JsonPersistence {
    static type = 'LOCAL' as const;
    readonly type = 'LOCAL' as const;
    async _isAvailable(): Promise<boolean> {
      return true;
    }
    async _set(key: string, value: PersistenceValue): Promise<void> {
      write({ ...read(), [key]: value });
    }
    async _get(key: string): Promise<PersistenceValue | null> {
      return read()[key] ?? null;
    }
    async _remove(key: string): Promise<void> {
      const data = read();
      delete data[key];
      writeRaw(Object.keys(data).length === 0 ? undefined : data);
    }
    _addListener(): void {}
    _removeListener(): void {}
  }
  return JsonPersistence as unknown as Persistence;
}

export function signInErrorText(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-login-credentials':
      return 'The e-mail or the password is not right.';
    case 'auth/invalid-email':
      return 'That e-mail address is not valid.';
    case 'auth/user-disabled':
      return 'This account has been disabled. Contact whoever manages your Comanda account.';
    case 'auth/too-many-requests':
      return 'Too many attempts. Wait a few minutes and try again.';
    case 'auth/network-request-failed':
      return 'No connection to the internet. The kitchen keeps working; sign-in will be retried.';
    case 'auth/invalid-api-key':
    case 'auth/api-key-not-valid.-please-pass-a-valid-api-key.':
      return 'The Firebase settings are not right (API key). Check the configuration.';
    default:
      return 'Could not sign in. Check the settings and the connection, and try again.';
  }
}

export interface CloudIdentity {
  uid: string;
  restaurantId: string;
  email: string | null;
}

export class SignInError extends Error {
  readonly code: string;
  constructor(error: unknown) {
    super(signInErrorText(error));
    this.name = 'SignInError';
    this.code = (error as { code?: string }).code ?? 'unknown';
  }
}

export interface AuthSessionOptions {
  app: FirebaseApp;
  dataDir: string;
  /** host:port of the Auth emulator (FIREBASE_AUTH_EMULATOR_HOST). */
  emulatorHost?: string;
  /** Desktop: keep the session in the OS keychain instead of DATA_DIR/cloud-session.json. */
  sessionStore?: SecretStore;
}

export class AuthSession {
  readonly auth: Auth;

  constructor(options: AuthSessionOptions) {
    const persistence = options.sessionStore ? secretPersistence(options.sessionStore) : filePersistence(join(options.dataDir, SESSION_FILE));
    this.auth = initializeAuth(options.app, { persistence });
    if (options.emulatorHost) connectAuthEmulator(this.auth, `http://${options.emulatorHost}`, { disableWarnings: true });
  }

  static hasSavedSession(dataDir: string, sessionStore?: SecretStore): boolean {
    if (!sessionStore) return existsSync(join(dataDir, SESSION_FILE));
    try {
      return Object.keys(readSecretRecords(sessionStore)).length > 0;
    } catch {
      return false;
    }
  }

  /** Signing out on this PC: the saved session is deleted (call with the cloud stopped). */
  static forgetSavedSession(dataDir: string, sessionStore?: SecretStore): void {
    sessionStore?.set(SESSION_SECRET, Buffer.from('{}', 'utf8'));
    rmSync(join(dataDir, SESSION_FILE), { force: true });
    rmSync(join(dataDir, `${SESSION_FILE}.tmp`), { force: true });
  }

  /** The restored session, if one was saved. */
  async restored(): Promise<CloudIdentity | undefined> {
    await this.auth.authStateReady();
    const user = this.auth.currentUser;
    return user ? identityOf(user) : undefined;
  }

  /** Signs in; throws a SignInError whose message is plain words. */
  async signIn(email: string, password: string): Promise<CloudIdentity> {
    try {
      const { user } = await signInWithEmailAndPassword(this.auth, email, password);
      return await identityOf(user);
    } catch (error) {
      throw new SignInError(error);
    }
  }

  /** Uses the saved session, or signs in with the given credentials. */
  async ensure(credentials?: { email: string; password: string }): Promise<CloudIdentity> {
    const existing = await this.restored();
    if (existing && (!credentials || existing.email === credentials.email.toLowerCase())) return existing;
    if (!credentials) throw new SignInError({ code: 'auth/no-session' });
    return this.signIn(credentials.email, credentials.password);
  }

  async signOut(): Promise<void> {
    await signOut(this.auth);
  }
}

async function identityOf(user: User): Promise<CloudIdentity> {
  const token = await user.getIdTokenResult();
  const claim = token.claims.restaurantId;
  return {
    uid: user.uid,
    restaurantId: typeof claim === 'string' && claim.length > 0 ? claim : user.uid,
    email: user.email,
  };
}
