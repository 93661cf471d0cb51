// The kitchen's and the device's settings, kept in SQLite (the `settings` table, key
// "host.settings") and changed live: PUT /api/settings merges a partial update, validates the
// result and tells every listener. What is stored is the owner's own input, so a default changed by
// a newer Comanda still reaches keys the owner never set.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { KdsError } from '../../shared/kds-api.ts';
import { describeZodError } from '../../shared/validation.ts';
import {
  hostSettingsSchema,
  printingSettingsSchema,
  whatsappSettingsSchema,
  type HostSettings,
  type SettingsPatch,
} from '../../shared/settings.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';
import type { Logger } from './logger.ts';
import { DEFAULT_SETTINGS, isValidTimezone } from './settings.ts';

export const SETTINGS_KEY = 'host.settings';

type Input = Record<string, unknown>;

/** Objects merged key by key by a patch; every other key (arrays too) is replaced whole. */
const NESTED: Record<string, z.ZodObject> = { whatsapp: whatsappSettingsSchema, printing: printingSettingsSchema };

export interface SettingsStoreOptions {
  repo: SettingsRepo;
  logger: Logger;
  /** Used when the database holds no settings yet (tests; the desktop app's older electron-store values). */
  seed?: HostSettings;
  /** DATA_DIR/settings.json: imported once, when the database holds no settings yet. */
  legacyFilePath?: string;
}

export interface SettingsOpenReport {
  /** Where the settings came from on this start. */
  source: 'database' | 'seed' | 'settings.json' | 'defaults';
  /** A settings.json existed in the data directory (an install from before the database kept them). */
  legacyFileExisted: boolean;
}

export class SettingsStore {
  private readonly repo: SettingsRepo;
  private input: Input;
  private settings: HostSettings;
  private readonly listeners = new Set<(settings: HostSettings) => void>();

  private constructor(repo: SettingsRepo, input: Input, settings: HostSettings) {
    this.repo = repo;
    this.input = input;
    this.settings = settings;
  }

  static open(options: SettingsStoreOptions): { store: SettingsStore; report: SettingsOpenReport } {
    const { repo, logger } = options;
    const legacyFileExisted = options.legacyFilePath !== undefined && existsSync(options.legacyFilePath);
    const stored = repo.get<Input>(SETTINGS_KEY);
    if (stored !== undefined && isPlainObject(stored)) {
      const parsed = hostSettingsSchema.safeParse(stored);
      if (parsed.success) return { store: new SettingsStore(repo, stored, parsed.data), report: { source: 'database', legacyFileExisted } };
      // Kept as it is for support to look at; the kitchen runs on the defaults meanwhile.
      logger.error('stored settings rejected; using defaults', { error: describeZodError(parsed.error) });
      return { store: new SettingsStore(repo, {}, DEFAULT_SETTINGS), report: { source: 'defaults', legacyFileExisted } };
    }
    if (options.seed) {
      const input = JSON.parse(JSON.stringify(options.seed)) as Input;
      repo.set(SETTINGS_KEY, input);
      return { store: new SettingsStore(repo, input, hostSettingsSchema.parse(input)), report: { source: 'seed', legacyFileExisted } };
    }
    if (legacyFileExisted) {
      const imported = readLegacyFile(options.legacyFilePath!, logger);
      if (imported) {
        repo.set(SETTINGS_KEY, imported.input);
        logger.info('settings.json imported into the database; the file is no longer read', { path: options.legacyFilePath });
        return { store: new SettingsStore(repo, imported.input, imported.settings), report: { source: 'settings.json', legacyFileExisted } };
      }
      // Not stored: once the owner fixes the file, the next start imports it.
      return { store: new SettingsStore(repo, {}, DEFAULT_SETTINGS), report: { source: 'defaults', legacyFileExisted } };
    }
    repo.set(SETTINGS_KEY, {});
    return { store: new SettingsStore(repo, {}, DEFAULT_SETTINGS), report: { source: 'defaults', legacyFileExisted } };
  }

  current(): HostSettings {
    return this.settings;
  }

  /**
   * A partial update (shared/settings.ts settingsPatchSchema): top-level keys replace, `whatsapp`
   * and `printing` merge key by key, arrays are replaced whole, null removes an optional key (or
   * sets it to null where null means something, like plannedRestartAt). The merged result must
   * pass the schema; a bad_request names the bad key and nothing changes.
   */
  update(patch: SettingsPatch): HostSettings {
    const input = mergeSettingsInput(this.input, patch);
    const parsed = hostSettingsSchema.safeParse(input);
    if (!parsed.success) throw new KdsError('bad_request', `invalid settings: ${describeZodError(parsed.error)}`);
    if (parsed.data.timezone !== undefined && !isValidTimezone(parsed.data.timezone)) {
      throw new KdsError('bad_request', `invalid settings: timezone: unknown time zone "${parsed.data.timezone}"`);
    }
    this.repo.set(SETTINGS_KEY, input);
    this.input = input;
    this.settings = parsed.data;
    for (const listener of [...this.listeners]) listener(this.settings);
    return this.settings;
  }

  onChange(listener: (settings: HostSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function mergeSettingsInput(base: Input, patch: SettingsPatch): Input {
  if (!isPlainObject(patch)) throw new KdsError('bad_request', 'invalid settings: send an object of settings to change');
  const shape = hostSettingsSchema.shape as Record<string, z.ZodType>;
  const unknown = Object.keys(patch).filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length) throw new KdsError('bad_request', `invalid settings: unknown setting ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const next: Input = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const nested = NESTED[key];
    if (nested && isPlainObject(value)) {
      const innerShape = nested.shape as Record<string, z.ZodType>;
      const unknownInner = Object.keys(value).filter((k) => !Object.hasOwn(innerShape, k));
      if (unknownInner.length) {
        throw new KdsError('bad_request', `invalid settings: unknown setting ${unknownInner.map((k) => `"${key}.${k}"`).join(', ')}`);
      }
      const inner: Input = isPlainObject(base[key]) ? { ...(base[key] as Input) } : {};
      for (const [innerKey, innerValue] of Object.entries(value)) assign(inner, innerKey, innerValue, innerShape[innerKey]!);
      next[key] = inner;
    } else {
      assign(next, key, value, shape[key]!);
    }
  }
  return next;
}

function assign(target: Input, key: string, value: unknown, schema: z.ZodType): void {
  if (value === null && !schema.safeParse(null).success) delete target[key];
  else target[key] = value;
}

function readLegacyFile(path: string, logger: Logger): { input: Input; settings: HostSettings } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    logger.error('settings.json is not valid JSON; not imported, using defaults', { path, error: (error as Error).message });
    return undefined;
  }
  const parsed = hostSettingsSchema.safeParse(json ?? {});
  if (!parsed.success || !isPlainObject(json)) {
    logger.error('settings.json rejected; not imported, using defaults', {
      path,
      error: parsed.success ? 'not an object' : describeZodError(parsed.error),
    });
    return undefined;
  }
  return { input: json, settings: parsed.data };
}

function isPlainObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
