// Commands from the cloud: restaurants/{rid}/commands/{id} with type, payload, expiresAt. The PC
// claims each pending one in a transaction (status pending → running, claimedBy this device),
// records the claim locally before running it, runs it once through an injected handler and
// writes status done / failed / rejected / expired and result. A command found "running" after a
// restart (claimed, result never written) is finished as failed and never run again.
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  collection,
  doc,
  onSnapshot,
  runTransaction,
  serverTimestamp,
  Timestamp,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import type { Clock } from '../host/clock.ts';
import { errorFields, type Logger } from '../host/logger.ts';

export const COMMAND_TYPES = ['send_message', 'restart_session', 'logout', 'backup_now', 'refresh_status'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

const empty = z.object({}).strict();
export const commandPayloadSchemas = {
  send_message: z
    .object({
      to: z.string().regex(/^\d{8,15}$/, 'to must be a phone number in international digits'),
      body: z.string().trim().min(1).max(4096),
    })
    .strict(),
  restart_session: empty,
  logout: empty,
  backup_now: empty,
  refresh_status: empty,
} satisfies Record<CommandType, z.ZodType>;

export type CommandPayloads = { [K in CommandType]: z.infer<(typeof commandPayloadSchemas)[K]> };
export interface CommandContext {
  /** The command's id: an idempotency key for what it causes (an outbox message). */
  commandId: string;
}
export type CommandHandlers = {
  [K in CommandType]: (payload: CommandPayloads[K], context: CommandContext) => Promise<unknown>;
};

export type CommandOutcome = 'done' | 'failed' | 'rejected' | 'expired';

export interface CommandRunnerOptions {
  db: DatabaseSync;
  firestore: Firestore;
  restaurantId: string;
  deviceId: string;
  clock: Clock;
  logger: Logger;
  handlers: CommandHandlers;
}

type Claim =
  | { kind: 'skip' }
  | { kind: 'finished'; outcome: CommandOutcome; reason: string }
  | { kind: 'run'; type: CommandType; payload: unknown };

/** Decides what to do with a command document (pure; exported for tests). */
export function judgeCommand(data: Record<string, unknown>, now: number): Claim {
  if (data.status !== 'pending' && data.status !== undefined) return { kind: 'skip' };
  const expiresAt = data.expiresAt;
  if (expiresAt instanceof Timestamp && expiresAt.toMillis() <= now) {
    return { kind: 'finished', outcome: 'expired', reason: 'the command expired before this PC saw it' };
  }
  if (expiresAt !== undefined && expiresAt !== null && !(expiresAt instanceof Timestamp)) {
    return { kind: 'finished', outcome: 'rejected', reason: 'expiresAt must be a timestamp' };
  }
  const type = data.type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type)) {
    return { kind: 'finished', outcome: 'rejected', reason: `unknown command type: ${String(type).slice(0, 40)}` };
  }
  const parsed = commandPayloadSchemas[type as CommandType].safeParse(data.payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { kind: 'finished', outcome: 'rejected', reason: `invalid payload: ${where}${issue?.message ?? 'bad shape'}` };
  }
  return { kind: 'run', type: type as CommandType, payload: parsed.data };
}

export class CommandRunner {
  private readonly options: CommandRunnerOptions;
  private unsubscribe: (() => void) | undefined;
  private readonly seen = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  readonly outcomes: { id: string; outcome: CommandOutcome }[] = [];

  constructor(options: CommandRunnerOptions) {
    this.options = options;
  }

  private ref(id: string) {
    return doc(this.options.firestore, 'restaurants', this.options.restaurantId, 'commands', id);
  }

  async start(): Promise<void> {
    const { db, firestore, restaurantId, logger } = this.options;
    // A claim recorded locally but never finished: a crash between claim and result.
    const interrupted = db.prepare("SELECT id FROM cloud_commands WHERE state = 'running'").all() as { id: string }[];
    for (const { id } of interrupted) {
      this.seen.add(id);
      await this.finish(id, 'failed', { error: 'interrupted by a restart of the PC; not run again' });
    }
    // The whole collection, not a status == "pending" query: a command written without `status` is
    // pending too (judgeCommand takes it), and a Firestore query never matches a missing field.
    // Finished commands are skipped here without a transaction.
    this.unsubscribe = onSnapshot(
      collection(firestore, 'restaurants', restaurantId, 'commands'),
      (snapshot) => {
        for (const change of snapshot.docChanges()) {
          if (change.type === 'removed') continue;
          const id = change.doc.id;
          if (this.seen.has(id)) continue;
          const status = (change.doc.data() as { status?: unknown }).status;
          if (status !== undefined && status !== 'pending') continue;
          this.seen.add(id);
          this.chain = this.chain.then(() => this.handle(id)).catch((error: unknown) => {
            this.seen.delete(id);
            logger.warn('command could not be handled', { commandId: id, ...errorFields(error) });
          });
        }
      },
      (error) => logger.warn('command listener stopped', errorFields(error)),
    );
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Resolves when every command seen so far has been handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async handle(id: string): Promise<void> {
    const { firestore, deviceId, clock, db, logger } = this.options;
    const claim = await runTransaction(firestore, async (tx) => {
      const snapshot = await tx.get(this.ref(id));
      if (!snapshot.exists()) return { kind: 'skip' } as Claim;
      const verdict = judgeCommand(snapshot.data(), clock.now());
      if (verdict.kind === 'run') {
        tx.update(this.ref(id), { status: 'running', claimedBy: deviceId, claimedAt: serverTimestamp() });
      } else if (verdict.kind === 'finished') {
        tx.update(this.ref(id), {
          status: verdict.outcome,
          result: { reason: verdict.reason },
          claimedBy: deviceId,
          finishedAt: serverTimestamp(),
        });
      }
      return verdict;
    });
    if (claim.kind === 'skip') return;
    if (claim.kind === 'finished') {
      logger.info('command not run', { commandId: id, outcome: claim.outcome, reason: claim.reason });
      this.outcomes.push({ id, outcome: claim.outcome });
      return;
    }
    db.prepare(
      "INSERT INTO cloud_commands (id, state, claimed_at) VALUES (?, 'running', ?) ON CONFLICT(id) DO NOTHING",
    ).run(id, clock.now());
    logger.info('command claimed', { commandId: id, type: claim.type });
    let outcome: CommandOutcome = 'done';
    let result: unknown;
    try {
      const handler = this.options.handlers[claim.type] as (payload: unknown, context: CommandContext) => Promise<unknown>;
      result = (await handler(claim.payload, { commandId: id })) ?? null;
    } catch (error) {
      outcome = 'failed';
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    await this.finish(id, outcome, result);
  }

  private async finish(id: string, outcome: CommandOutcome, result: unknown): Promise<void> {
    const { db, clock } = this.options;
    db.prepare(
      `INSERT INTO cloud_commands (id, state, claimed_at, finished_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, finished_at = excluded.finished_at`,
    ).run(id, outcome, clock.now(), clock.now());
    await updateDoc(this.ref(id), {
      status: outcome,
      result: JSON.parse(JSON.stringify(result ?? null)) as unknown,
      finishedAt: serverTimestamp(),
    });
    this.outcomes.push({ id, outcome });
  }
}
