// Chooses the engine the host talks to. The simulator is built in; the real whatsapp-web.js engine
// arrives with its own worker module.
import type { EngineContext } from '../host/create-host.ts';
import type { WhatsAppEngine } from './engine.ts';

export function createEngineFactory(kind: 'whatsapp'): (context: EngineContext) => WhatsAppEngine {
  return () => {
    throw new Error(`the ${kind} engine is not part of this build yet; run with --engine simulator`);
  };
}
