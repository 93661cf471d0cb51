// Payment methods as customers call them.

export const WALLETS = { mercadopago: 'Mercado Pago', nequi: 'Nequi', daviplata: 'Daviplata', yape: 'Yape', plin: 'Plin', pix: 'Pix', paypal: 'PayPal' } as const;
export const withWallet = (word: string) =>
  Object.fromEntries(Object.entries(WALLETS).map(([id, name]) => [id, `${word} ${name}`])) as Record<keyof typeof WALLETS, string>;

/** Methods named with a common word ("efectivo", "card"), lowercased inside a sentence; brands keep their capitals. */
export const GENERIC_METHODS: ReadonlySet<string> = new Set(['cash', 'card', 'transfer', 'spei']);

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
