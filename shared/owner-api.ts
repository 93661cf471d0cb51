// The restaurant's side of KdsApi: first run, the owner area behind the PIN, out of stock and
// pause. Types and request schemas only; the host implements them (electron/host/) and both
// transports carry them like every other KdsApi method.
import { z } from 'zod';
import type { Menu, MenuInput, MenuItem } from './menu.ts';
import type { HostSettings, SettingsPatch } from './settings.ts';

/** New orders are paused (a Friday rush): the bot tells new customers when orders reopen. */
export interface OrdersPause {
  paused: boolean;
  /** ISO, while paused. */
  since?: string;
  /** ISO end of the pause; absent while paused means "until resumed". */
  until?: string;
}

export const pauseRequestSchema = z.object({
  /** Minutes from now; null or absent: until resumed. */
  minutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
});
export type PauseRequest = z.infer<typeof pauseRequestSchema>;

export const availabilityRequestSchema = z.object({ available: z.boolean() });

/** 4 to 8 digits. */
export const ownerPinSchema = z.string().regex(/^\d{4,8}$/, 'the PIN is 4 to 8 digits');
export const setPinRequestSchema = z.object({
  pin: ownerPinSchema,
  /** Needed to change a PIN that exists. */
  currentPin: z.string().max(20).optional(),
});
export type SetPinRequest = z.infer<typeof setPinRequestSchema>;
export const unlockRequestSchema = z.object({ pin: z.string().max(20) });

export interface OwnerStatus {
  /** A PIN exists: owner routes need an owner token. */
  pinSet: boolean;
}

export interface OwnerUnlock {
  ownerToken: string;
  /** ISO; the token stays valid 15 minutes from its last use. */
  expiresAt: string;
}

/** The HTTP header that carries the owner token beside the access token. */
export const OWNER_TOKEN_HEADER = 'X-Owner-Token';
export const OWNER_PIN_REQUIRED = 'owner-pin-required';

/** The welcome flow's steps, in order; each can be skipped and done later. */
export const SETUP_STEPS = ['country', 'restaurant', 'pin', 'whatsapp', 'menu', 'hours', 'payments', 'fulfilment'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupState {
  /** The owner finished (or skipped) the welcome flow: the board shows from now on. */
  completed: boolean;
  /** Steps done or skipped so far (closing the app halfway resumes after them). */
  done: SetupStep[];
}
export const setupUpdateSchema = z.object({
  done: z.array(z.enum(SETUP_STEPS)).max(SETUP_STEPS.length).optional(),
  completed: z.boolean().optional(),
});
export type SetupUpdate = z.infer<typeof setupUpdateSchema>;

export type EngineKind = 'simulator' | 'whatsapp';

/** Extra kitchen screens on the restaurant network. */
export interface NetworkAccess {
  /** Listening on the restaurant network (not only on this PC). */
  enabled: boolean;
  /** Kitchen-screen addresses another device can open, with the access token after #token=. */
  urls: string[];
  /** Why it cannot be turned on here (no owner PIN yet, …). */
  blockedReason?: 'no-pin' | 'not-supported';
}
export const networkRequestSchema = z.object({ enabled: z.boolean() });

export const cloudSignInSchema = z.object({
  email: z.string().trim().email('type the e-mail address').max(320),
  password: z.string().min(1, 'type the password').max(200),
});
export type CloudSignIn = z.infer<typeof cloudSignInSchema>;

export interface OwnerApi {
  getMenu(): Promise<Menu>;
  /** Owner. The whole document; a bad one is a bad_request naming the path, and nothing changes. */
  saveMenu(menu: MenuInput): Promise<Menu>;
  /** Kitchen (access token only): sold out / back. not_found for an unknown id. */
  setItemAvailability(itemId: string, available: boolean): Promise<MenuItem>;
  pauseOrders(request: PauseRequest): Promise<OrdersPause>;
  resumeOrders(): Promise<OrdersPause>;
  getSettings(): Promise<HostSettings>;
  /** Owner. Partial update (see settingsPatchSchema); bad_request with the reason. */
  updateSettings(patch: SettingsPatch): Promise<HostSettings>;
  getOwnerStatus(): Promise<OwnerStatus>;
  /** Sets the PIN (no PIN yet) or changes it (currentPin). */
  setOwnerPin(request: SetPinRequest): Promise<OwnerStatus>;
  /** unauthorized for a wrong PIN; too_many_requests while wrong PINs are slowed down. */
  unlockOwner(pin: string): Promise<OwnerUnlock>;
  getSetup(): Promise<SetupState>;
  updateSetup(update: SetupUpdate): Promise<SetupState>;
  getEngine(): Promise<EngineKind>;
  /** Owner. Switches WhatsApp engine (orders are kept); the host restarts its engine. */
  setEngine(kind: EngineKind): Promise<EngineKind>;
  getNetworkAccess(): Promise<NetworkAccess>;
  /** Owner. */
  setNetworkAccess(enabled: boolean): Promise<NetworkAccess>;
  /** Owner. A new access token: every other kitchen screen must scan the new code. */
  rotateAccessToken(): Promise<NetworkAccess>;
  /** Owner. */
  cloudSignIn(request: CloudSignIn): Promise<void>;
  /** Owner. */
  cloudSignOut(): Promise<void>;
}

export type { Menu, MenuInput, MenuItem, HostSettings, SettingsPatch };
