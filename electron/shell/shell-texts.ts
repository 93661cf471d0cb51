// The shell's own words (tray, notifications, dialogs), Spanish first like the kitchen screen.
import type { Locale } from '../../shared/i18n.ts';
import type { WhatsAppState } from '../../shared/whatsapp-status.ts';

const es = {
  app: 'Comanda',
  state: {
    starting: 'iniciando',
    'needs-link': 'hay que vincular el teléfono',
    authenticating: 'autenticando',
    loading: 'cargando chats',
    connected: 'conectado',
    reconnecting: 'reconectando',
    offline: 'sin internet',
    'logged-out': 'desvinculado',
    failed: 'con error',
  } satisfies Record<WhatsAppState, string>,
  whatsapp: 'WhatsApp',
  lastHeartbeat: 'último latido',
  never: 'aún no',
  menu: {
    show: 'Mostrar cocina',
    reconnect: 'Reconectar WhatsApp',
    link: 'Vincular un teléfono (QR)',
    backup: 'Copia de la sesión ahora',
    checkUpdates: 'Buscar actualizaciones',
    installUpdate: 'Reiniciar y actualizar',
    startAtLogin: 'Abrir al iniciar el equipo',
    quit: 'Salir',
  },
  notify: {
    disconnectedTitle: 'WhatsApp desconectado',
    disconnectedBody: 'Los clientes no pueden pedir ahora. Comanda reintenta solo.',
    needsLinkTitle: 'Hay que vincular WhatsApp',
    needsLinkBody: 'Abre Comanda y escanea el código con el teléfono del restaurante.',
    handoffTitle: 'Un cliente pide hablar con una persona',
    updateReadyTitle: 'Actualización lista',
    updateReadyBody: 'Se instalará al reiniciar Comanda o de madrugada si no hay pedidos abiertos.',
    updateErrorTitle: 'No se pudo buscar actualizaciones',
    upToDateTitle: 'Comanda está al día',
  },
  quitDialog: {
    title: 'Salir de Comanda',
    message: (n: number) => (n === 1 ? 'Hay 1 pedido abierto.' : `Hay ${n} pedidos abiertos.`),
    detail: 'Si sales, no llegarán pedidos nuevos de WhatsApp hasta que vuelvas a abrir Comanda.',
    quit: 'Salir igualmente',
    cancel: 'Seguir abierto',
  },
  updateDialog: {
    title: 'Actualizar Comanda',
    message: (n: number) => (n === 1 ? 'Hay 1 pedido abierto.' : `Hay ${n} pedidos abiertos.`),
    detail: 'Reiniciar tarda unos segundos. ¿Reiniciar ahora o esperar a la madrugada?',
    now: 'Reiniciar ahora',
    later: 'Más tarde',
  },
  updating: (percent: number) => `descargando actualización ${Math.round(percent)} %`,
};

type ShellTexts = typeof es;

const en: ShellTexts = {
  app: 'Comanda',
  state: {
    starting: 'starting',
    'needs-link': 'phone needs linking',
    authenticating: 'authenticating',
    loading: 'loading chats',
    connected: 'connected',
    reconnecting: 'reconnecting',
    offline: 'offline',
    'logged-out': 'logged out',
    failed: 'failed',
  },
  whatsapp: 'WhatsApp',
  lastHeartbeat: 'last heartbeat',
  never: 'not yet',
  menu: {
    show: 'Show KDS',
    reconnect: 'Reconnect WhatsApp',
    link: 'Link a phone (QR)',
    backup: 'Back up session now',
    checkUpdates: 'Check for updates',
    installUpdate: 'Restart and update',
    startAtLogin: 'Start at login',
    quit: 'Quit',
  },
  notify: {
    disconnectedTitle: 'WhatsApp disconnected',
    disconnectedBody: 'Customers cannot order right now. Comanda keeps retrying.',
    needsLinkTitle: 'WhatsApp needs linking',
    needsLinkBody: "Open Comanda and scan the code with the restaurant's phone.",
    handoffTitle: 'A customer asked for a person',
    updateReadyTitle: 'Update ready',
    updateReadyBody: 'It installs when Comanda restarts, or overnight when no orders are open.',
    updateErrorTitle: 'Could not check for updates',
    upToDateTitle: 'Comanda is up to date',
  },
  quitDialog: {
    title: 'Quit Comanda',
    message: (n: number) => (n === 1 ? 'There is 1 open order.' : `There are ${n} open orders.`),
    detail: 'If you quit, new WhatsApp orders will not arrive until Comanda is opened again.',
    quit: 'Quit anyway',
    cancel: 'Keep running',
  },
  updateDialog: {
    title: 'Update Comanda',
    message: (n: number) => (n === 1 ? 'There is 1 open order.' : `There are ${n} open orders.`),
    detail: 'Restarting takes a few seconds. Restart now or wait for the night?',
    now: 'Restart now',
    later: 'Later',
  },
  updating: (percent: number) => `downloading update ${Math.round(percent)} %`,
};

export const SHELL_TEXTS: Record<Locale, ShellTexts> = { es, en };
export type { ShellTexts };
