// Links the KDS may open in the system browser: https on a short list of hosts, nothing else.
// Everything else (file:, javascript:, other sites, plain http) is refused, as in Element Desktop.

export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.whatsapp.com', 'faq.whatsapp.com', 'wa.me', 'github.com'];

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowedHosts.includes(parsed.hostname.toLowerCase());
}
