// Payment methods as customers call them.

export const WALLETS = { mercadopago: 'Mercado Pago', nequi: 'Nequi', daviplata: 'Daviplata', yape: 'Yape', plin: 'Plin', pix: 'Pix', paypal: 'PayPal' } as const;
export const withWallet = (word: string) =>
  Object.fromEntries(Object.entries(WALLETS).map(([id, name]) => [id, `${word} ${name}`])) as Record<keyof typeof WALLETS, string>;
