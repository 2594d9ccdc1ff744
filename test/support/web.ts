/** Starts the real browser-shell CLI as a child process, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface RunningWeb {
  url: string;
  origin: string;
  token: string;
  firstLine: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startWeb(args: string[]): Promise<RunningWeb> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const rl = readline.createInterface({ input: child.stdout! });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start: ${stderr}`)), 30_000);
    rl.once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}: ${stderr}`));
    });
  });
  const u = new URL(firstLine);
  return {
    url: firstLine,
    origin: u.origin,
    token: u.searchParams.get('token') ?? '',
    firstLine,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function post(web: RunningWeb, method: string, body: unknown, token = web.token, session = '') {
  const res = await fetch(`${web.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-session': session },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string; fields: { path: string; message: string }[] } } };
}
