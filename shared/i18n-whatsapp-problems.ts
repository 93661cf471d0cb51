// What the owner reads when WhatsApp is wrong beyond its state (shared/whatsapp-status.ts
// WhatsAppProblem), the same words on every channel: kitchen banner, desktop notification, tray,
// cloud alert e-mail. Never "link again": the session itself is fine, WhatsApp Web changed.
import type { WhatsAppProblem } from './whatsapp-status.ts';

export const WHATSAPP_PROBLEM_TEXT: Record<WhatsAppProblem, { es: { title: string; body: string }; en: { title: string; body: string } }> = {
  'never-ready': {
    es: {
      title: 'Los pedidos por WhatsApp no están entrando',
      body: 'WhatsApp Web cambió y los pedidos por WhatsApp no están entrando. Comanda se está actualizando; mientras tanto, atiende los chats desde el teléfono.',
    },
    en: {
      title: 'WhatsApp orders are not coming in',
      body: 'WhatsApp Web changed and WhatsApp orders are not coming in. Comanda is updating itself; meanwhile, answer the chats from the phone.',
    },
  },
  'events-silent': {
    es: {
      title: 'Los mensajes de WhatsApp llegan con retraso',
      body: 'WhatsApp Web cambió y los mensajes llegan con retraso. Comanda los recoge cada 20 segundos y se está actualizando; los pedidos siguen entrando.',
    },
    en: {
      title: 'WhatsApp messages arrive late',
      body: 'WhatsApp Web changed and messages arrive late. Comanda picks them up every 20 seconds and is updating itself; orders keep coming in.',
    },
  },
};
