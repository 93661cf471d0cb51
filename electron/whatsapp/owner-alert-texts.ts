// What the protection layers tell the owner (tray, screen, cloud mail), in the restaurant's language:
// the menu's language unless the owner picked the screen's (the host injects the getter).
export type OwnerLanguage = 'es' | 'en';

export interface OwnerAlertTexts {
  watchdogGaveUp(attempts: number, reason: string, retryMinutes: number): string;
  keepaliveFailed(error: string): string;
  browserMemory(rssMb: number, limitMb: number): string;
  sessionIdle(days: number): string;
}

export const OWNER_ALERT_TEXTS: Record<OwnerLanguage, OwnerAlertTexts> = {
  en: {
    watchdogGaveUp: (attempts, reason, retryMinutes) =>
      `WhatsApp did not answer after ${attempts} restarts (${reason}). Still retrying every ${retryMinutes} min; check the computer's internet and WhatsApp on the phone.`,
    keepaliveFailed: (error) => `The hourly check message to the owner's number could not be sent (${error}).`,
    browserMemory: (rssMb, limitMb) =>
      `The WhatsApp browser was using ${rssMb} MB (limit ${limitMb} MB) and was restarted. If this repeats every day, close other programs or raise the limit.`,
    sessionIdle: (days) =>
      `No WhatsApp message has come in or gone out for ${days} days. If that is unexpected, open WhatsApp on the restaurant's phone and check Linked devices.`,
  },
  es: {
    watchdogGaveUp: (attempts, reason, retryMinutes) =>
      `WhatsApp no respondió tras ${attempts} reinicios (${reason}). Se sigue intentando cada ${retryMinutes} min; revisa el internet del ordenador y WhatsApp en el teléfono.`,
    keepaliveFailed: (error) => `No se pudo enviar el mensaje de comprobación horario al número del dueño (${error}).`,
    browserMemory: (rssMb, limitMb) =>
      `El navegador de WhatsApp usaba ${rssMb} MB (límite ${limitMb} MB) y se reinició. Si pasa todos los días, cierra otros programas o sube el límite.`,
    sessionIdle: (days) =>
      `No ha entrado ni salido ningún mensaje de WhatsApp en ${days} días. Si no es lo esperado, abre WhatsApp en el teléfono del restaurante y revisa Dispositivos vinculados.`,
  },
};

/** The texts for the language the getter says now (English when no getter was given). */
export function ownerAlertTexts(language: (() => OwnerLanguage) | undefined): OwnerAlertTexts {
  return OWNER_ALERT_TEXTS[language?.() ?? 'en'];
}
