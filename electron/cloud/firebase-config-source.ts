// The Firebase web config of the Comanda cloud service, built into the app so a restaurant signs in
// with its e-mail and password and never sees a JSON file. The build (scripts/build-main.ts) reads
// it from COMANDA_FIREBASE_CONFIG (JSON) or build/firebase-config.json (git-ignored) and injects
// it as __COMANDA_FIREBASE_CONFIG__. The headless host runs from source, unbuilt: it reads the same
// two places when it starts. The web config names a project; it holds no secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { firebaseFileSchema } from './firebase-file.ts';

export type FirebaseWebConfig = z.infer<typeof firebaseFileSchema.shape.config>;

export const FIREBASE_CONFIG_ENV = 'COMANDA_FIREBASE_CONFIG';
export const FIREBASE_CONFIG_FILE = join('build', 'firebase-config.json');

// Replaced by esbuild's define in the built app (a JSON string, or undefined when none was given).
declare const __COMANDA_FIREBASE_CONFIG__: string | undefined;

/** Parses and checks a web config; the error names the source and the bad field. */
export function parseFirebaseConfig(text: string, source: string): FirebaseWebConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`the Firebase config in ${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = firebaseFileSchema.shape.config.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the Firebase config in ${source} is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/**
 * The config as the build sees it: the env var first, then the file under the app's root;
 * undefined when neither is there (an app without the cloud). A broken one throws.
 */
export function readFirebaseConfigSource(options: { env: Record<string, string | undefined>; root: string }): { config: FirebaseWebConfig; text: string; source: string } | undefined {
  const fromEnv = options.env[FIREBASE_CONFIG_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const config = parseFirebaseConfig(fromEnv, FIREBASE_CONFIG_ENV);
    return { config, text: JSON.stringify(config), source: FIREBASE_CONFIG_ENV };
  }
  let text: string;
  try {
    text = readFileSync(join(options.root, FIREBASE_CONFIG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const config = parseFirebaseConfig(text, FIREBASE_CONFIG_FILE);
  return { config, text: JSON.stringify(config), source: FIREBASE_CONFIG_FILE };
}

/** esbuild's define for the built app: the config as a string literal, or undefined. */
export function firebaseConfigDefine(found: { text: string } | undefined): Record<string, string> {
  return { __COMANDA_FIREBASE_CONFIG__: found ? JSON.stringify(found.text) : 'undefined' };
}

/** The config the build put into this app, if any. */
export function builtInFirebaseConfig(): FirebaseWebConfig | undefined {
  const text = typeof __COMANDA_FIREBASE_CONFIG__ === 'string' ? __COMANDA_FIREBASE_CONFIG__ : undefined;
  return text ? parseFirebaseConfig(text, 'the app build') : undefined;
}
