// The fleet's WhatsApp word (shared/fleet.ts) as this PC last heard it. The cloud writes it when
// fleet/whatsapp changes; it is kept in the database so the pinned version is used at the next
// start even before the cloud signs in, and by the never-ready recovery at once.
import { fleetWhatsAppSchema, type FleetWhatsApp } from '../../shared/fleet.ts';
import type { Logger } from './logger.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';

const KEY = 'fleet.whatsapp';

export class FleetPin {
  private readonly repo: SettingsRepo;
  private readonly logger: Logger;
  private value: FleetWhatsApp | undefined;
  private readonly listeners = new Set<(fleet: FleetWhatsApp | undefined) => void>();

  constructor(repo: SettingsRepo, logger: Logger) {
    this.repo = repo;
    this.logger = logger;
    const stored = fleetWhatsAppSchema.safeParse(repo.get<unknown>(KEY));
    this.value = stored.success ? stored.data : undefined;
  }

  current(): FleetWhatsApp | undefined {
    return this.value;
  }

  /** The pinned web version, if the vendor set one. */
  webVersion(): { webVersion: string; webVersionCacheUrl?: string } | undefined {
    const v = this.value;
    if (!v?.webVersion) return undefined;
    return { webVersion: v.webVersion, ...(v.webVersionCacheUrl ? { webVersionCacheUrl: v.webVersionCacheUrl } : {}) };
  }

  /** A new fleet document (undefined: none); a malformed one is refused and the last good kept. */
  set(document: unknown): boolean {
    if (document === undefined || document === null) {
      this.value = undefined;
      this.repo.delete(KEY);
    } else {
      const parsed = fleetWhatsAppSchema.safeParse(document);
      if (!parsed.success) {
        this.logger.warn('fleet/whatsapp refused: not the expected shape', { issues: parsed.error.issues.length });
        return false;
      }
      this.value = parsed.data;
      this.repo.set(KEY, parsed.data);
    }
    this.logger.info('fleet whatsapp word', { webVersion: this.value?.webVersion ?? null, minAppVersion: this.value?.minAppVersion ?? null });
    for (const listener of [...this.listeners]) listener(this.value);
    return true;
  }

  onChange(listener: (fleet: FleetWhatsApp | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
