/**
 * The serving PC's desktop side: a tray icon keeps the office server running
 * after the window closes, and the program starts with the PC while it serves.
 * Thin glue over Electron: what it does is decided by the shell router.
 */
import fs from 'node:fs';
import { app, Menu, Tray } from 'electron';

export interface OfficeTray {
  /** Called after every change of the server: shows or hides the tray icon, sets "khởi động cùng máy". */
  update(running: boolean, url: string | null): Promise<void>;
  /** Whether closing the last window should leave the program running. */
  keepsRunning(): boolean;
}

export function officeTray(showWindow: () => void): OfficeTray {
  let tray: Tray | null = null;
  let running = false;
  return {
    async update(isRunning, url) {
      running = isRunning;
      // Starting with the PC only matters while this PC serves the office.
      if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: isRunning });
      if (!isRunning) {
        tray?.destroy();
        tray = null;
        return;
      }
      if (!tray) {
        tray = new Tray(await app.getFileIcon(fs.realpathSync(process.execPath)));
        tray.on('click', showWindow);
      }
      tray.setToolTip(`Văn thư — máy chủ văn phòng đang chạy${url ? ` tại ${url}` : ''}`);
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Mở Văn thư', click: showWindow },
          { type: 'separator' },
          { label: 'Thoát (tắt máy chủ văn phòng)', click: () => app.quit() },
        ]),
      );
    },
    keepsRunning: () => running,
  };
}
