/**
 * What a PC remembers about the office: a client keeps only the server's
 * address and pinned fingerprint (may-tram.json), a serving PC only where it
 * listens (may-chu.json). Never office data: that stays on the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const clientSettings = z.object({ url: z.string(), fingerprint: z.string(), confirmedAt: z.string() });
export type ClientSettings = z.infer<typeof clientSettings>;

const serverSettings = z.object({ host: z.string(), port: z.number().int(), enabled: z.boolean() });
export type ServerSettings = z.infer<typeof serverSettings>;

export const CLIENT_FILE = 'may-tram.json';
export const SERVER_FILE = 'may-chu.json';

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // A damaged file is set aside below, like an unreadable one.
  }
  console.error(`Tệp cài đặt ${path.basename(file)} bị hỏng: bỏ qua (giữ lại thành ${path.basename(file)}.hong).`);
  fs.renameSync(file, `${file}.hong`);
  return null;
}

/** Written beside and renamed over, so a crash never leaves half a file. */
function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export interface SettingsStore<T> {
  read(): T | null;
  write(value: T): void;
  clear(): void;
}

function store<T>(file: string, schema: z.ZodType<T>): SettingsStore<T> {
  return {
    read: () => readJson(file, schema),
    write: (value) => writeJson(file, schema.parse(value)),
    clear: () => fs.rmSync(file, { force: true }),
  };
}

export const clientSettingsStore = (dataDir: string) => store(path.join(dataDir, CLIENT_FILE), clientSettings);
export const serverSettingsStore = (dataDir: string) => store(path.join(dataDir, SERVER_FILE), serverSettings);
