import os from 'node:os';
import path from 'node:path';

/** The user's data folder, as desktop programs keep it on each system. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VANTHU_DATA_DIR) return env.VANTHU_DATA_DIR;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'VanThu');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'VanThu');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'van-thu');
}

export function defaultDbPath(dataDir = defaultDataDir()): string {
  return path.join(dataDir, 'van-thu.sqlite');
}
