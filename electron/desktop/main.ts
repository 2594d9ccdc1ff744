/**
 * The Electron shell: window, protocol, IPC. Thin on purpose: the product is
 * the core, which knows nothing of Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import { pipeline } from 'node:stream/promises';
import { createCore, type Core } from '../core/index';
import { createShellRouter, type ShellRouter } from '../office/router';
import { officeTray, type OfficeTray } from './office';
import { defaultDataDir, defaultDbPath } from '../core/paths';
import { restoreDatabaseFile } from '../core/backup/recovery';
import { AppError } from '../../shared/api/errors';
import { registerIpc } from './ipc';
import { claimSingleInstance } from './single-instance';
import { APP_SCHEME, APP_START_URL, CSP, isAllowedPermission, isAppUrl, isSafeExternalUrl, resolveAppPath, webPreferences } from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let core: ShellRouter<Core> | null = null;
let tray: OfficeTray | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Văn thư',
    show: false,
    // Spelled out here as well so that Electronegativity sees them on the window itself.
    webPreferences: { ...webPreferences(path.join(__dirname, 'preload.cjs')), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_START_URL);
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => callback(isAllowedPermission(permission, details.requestingUrl || wc.getURL())));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // electronegativity-justified OPEN_EXTERNAL_JS_CHECK: only http(s) URLs that pass isSafeExternalUrl reach the system browser.
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url, path.sep);
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function showWindow(): void {
  if (!mainWindow) return createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function saveDialog(defaultName: string): Promise<string | null> {
  const r = await dialog.showSaveDialog({ title: 'Lưu tệp', defaultPath: path.join(app.getPath('documents'), defaultName) });
  return r.canceled || !r.filePath ? null : r.filePath;
}

const openLocal = () =>
  createCore({
    dbPath: defaultDbPath(defaultDataDir()),
    programName: 'Văn thư (máy tính)',
    autoBackup: true,
    outboxEveryMs: 20_000,
    intakeEveryMs: 3_000,
    // The bundle is CommonJS: require.resolve finds the native module beside the app.
    sqliteModule: require.resolve('better-sqlite3'),
    // shell.openPath answers '' on success, an error text otherwise.
    host: {
      openPath: async (file) => (await shell.openPath(file)) === '',
      protectSecret: (plain) => safeStorage.encryptString(plain).toString('base64'),
      revealSecret: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
      saveFile: async (source, defaultName) => {
        const target = await saveDialog(defaultName);
        if (!target) return false;
        await fs.promises.copyFile(source, target);
        return true;
      },
    },
  });

async function start(): Promise<void> {
  harden();
  Menu.setApplicationMenu(null);
  tray = officeTray(showWindow);
  const router = createShellRouter({
    dataDir: defaultDataDir(),
    openLocal,
    staticDir: rendererDir,
    remote: { program: 'Văn thư (máy trạm, máy tính)' },
    // Client mode: the server's export comes down through the pinned connection and is saved here.
    saveFile: async (name, content) => {
      const target = await saveDialog(name);
      if (!target) return false;
      await pipeline(content, fs.createWriteStream(target));
      return true;
    },
  });
  try {
    await router.start();
    core = router;
  } catch (e) {
    const backup = e instanceof AppError ? e.details?.backup : undefined;
    if (typeof backup === 'string') {
      const r = await dialog.showMessageBox({ type: 'error', title: 'Cơ sở dữ liệu bị hỏng', message: e instanceof Error ? e.message : String(e), buttons: ['Khôi phục từ bản sao lưu này', 'Thoát'], defaultId: 0, cancelId: 1 });
      if (r.response === 0) {
        restoreDatabaseFile(defaultDbPath(defaultDataDir()), backup);
        app.relaunch();
      }
    } else {
      dialog.showErrorBox('Văn thư không mở được cơ sở dữ liệu', e instanceof Error ? e.message : String(e));
    }
    app.exit(1);
    return;
  }
  const serving = async () => {
    const s = await router.call('office.serverStatus', {});
    if (s.ok) await tray?.update((s.value as { running: boolean }).running, (s.value as { url: string | null }).url);
  };
  await serving();
  const shellCore = {
    ...router,
    call: async (method: string, input: unknown, opts?: { session?: string | null }) => {
      const r = await router.call(method, input, opts);
      if (method === 'office.serverStart' || method === 'office.serverStop') await serving();
      return r;
    },
  };
  registerIpc(ipcMain, shellCore, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  createWindow();
}

if (claimSingleInstance(app, () => mainWindow)) {
  // While this PC serves the office, closing the window leaves the server running in the tray.
  app.on('window-all-closed', () => {
    if (!tray?.keepsRunning()) app.quit();
  });
  // Quitting waits for the backup on quit and the database to close.
  let closed = false;
  app.on('will-quit', (e) => {
    if (closed || !core) return;
    e.preventDefault();
    const c = core;
    core = null;
    void c.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  void app.whenReady().then(start);
}
