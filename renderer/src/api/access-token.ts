// The access token a browser screen presents: from the URL the host prints (#token=…), then kept
// in localStorage so the bookmark keeps working.
export const TOKEN_STORAGE_KEY = 'comanda.token';

/** Reads #token=… from the address (and removes it from the bar), else the stored one. */
export function takeAccessToken(win: Window = window): string | null {
  const token = tokenFromHash(win.location.hash);
  if (token) {
    win.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    const params = new URLSearchParams(win.location.hash.slice(1));
    params.delete('token');
    const rest = params.toString();
    win.history.replaceState(null, '', win.location.pathname + win.location.search + (rest ? `#${rest}` : ''));
    return token;
  }
  return win.localStorage.getItem(TOKEN_STORAGE_KEY);
}

export function tokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return value?.trim() || null;
}

/** What someone pasted: the bare token, or the whole URL the host printed. */
export function cleanTypedToken(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  return (hash >= 0 ? tokenFromHash(text.slice(hash)) : null) ?? text;
}

export function saveAccessToken(token: string, win: Window = window): void {
  win.localStorage.setItem(TOKEN_STORAGE_KEY, token);
}

export function forgetAccessToken(win: Window = window): void {
  win.localStorage.removeItem(TOKEN_STORAGE_KEY);
}
