// The `--firebase FILE` JSON for the headless host:
// { "config": { "apiKey", "projectId", ... }, "email": "...", "password": "...", "ownerEmail"?,
//   "deviceName"?, "recoveryCode"? }
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const firebaseFileSchema = z.object({
  config: z
    .object({
      apiKey: z.string().min(1),
      projectId: z.string().min(1),
      authDomain: z.string().optional(),
      appId: z.string().optional(),
      storageBucket: z.string().optional(),
      messagingSenderId: z.string().optional(),
    })
    .passthrough(),
  email: z.string().email().optional(),
  password: z.string().min(1).optional(),
  ownerEmail: z.string().email().optional(),
  deviceName: z.string().min(1).max(60).optional(),
  /** A new PC: the session-backup recovery code shown on the first PC, so its backups restore here. */
  recoveryCode: z.string().min(1).max(200).optional(),
});
export type FirebaseFile = z.infer<typeof firebaseFileSchema>;

export function loadFirebaseFile(path: string): FirebaseFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`the Firebase file ${path} could not be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = firebaseFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the Firebase file ${path} is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}
