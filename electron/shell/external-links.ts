// Links the KDS may open in the system browser: https on a short list of hosts, nothing else.
// Everything else (file:, javascript:, other sites, plain http) is refused, as in Element Desktop.

export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.whatsapp.com', 'faq.whatsapp.com', 'wa.me', 'github.com'];

/** Hosts allowed only under one path: a delivery pin's map ("https://www.google.com/maps?q=lat,lng"), not the rest of Google. */
export const EXTERNAL_LINK_PATHS: Readonly<Record<string, string>> = { 'www.google.com': '/maps' };

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  if (allowedHosts.includes(host)) return true;
  const path = EXTERNAL_LINK_PATHS[host];
  return path !== undefined && (parsed.pathname === path || parsed.pathname.startsWith(`${path}/`));
}
