/** `npm run server` started as an administrator would, for the tests of the office server's command line. */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

/** Starts the CLI: its first stdout line, what it said on stderr so far, and a way to stop it. */
export async function startServerCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ line: string; stderr(): string; stop(): Promise<void> }> {
  // node itself (not npx) so that stopping it stops the server, not only a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/office/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no first line: ${stderr}`)), 45_000);
      readline.createInterface({ input: child.stdout }).once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    return { line, stderr: () => stderr, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
