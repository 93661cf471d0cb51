// The access token a browser screen presents: from the URL the host prints (#token=…), then kept.
const KEY = 'comanda.token';

export function takeAccessToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    localStorage.setItem(KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return localStorage.getItem(KEY);
}

export function saveAccessToken(token: string): void {
  localStorage.setItem(KEY, token.trim());
}

export function forgetAccessToken(): void {
  localStorage.removeItem(KEY);
}
