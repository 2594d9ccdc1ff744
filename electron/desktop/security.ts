/**
 * The desktop shell's security rules, kept free of Electron imports so they
 * can be tested with plain objects.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vanthu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function webPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click would open links in a new window.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The one permission the app's own page gets: notifications (new documents in
 * the queue, the morning digest). Camera, microphone, location… stay denied.
 */
export function isAllowedPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}

/** Only plain web links may leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

/** IPC is answered only for the top frame of the app's own page. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Maps app://vanthu/<path> to a file under root; null for anything outside it. */
export function resolveAppPath(root: string, url: string, sep = '/'): string | null {
  if (!isAppUrl(url)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel === '') rel = 'index.html';
  const parts = rel.split(/[\\/]+/);
  if (parts.some((p) => p === '..' || p === '' || p.includes(':'))) return null;
  return [root.replace(/[\\/]+$/, ''), ...parts].join(sep);
}
