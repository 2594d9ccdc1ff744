/**
 * Files cross the API as handles, never as paths. Exports are written into a
 * folder the core owns and handed back as {fileId, name, size}; uploads (the
 * browser's POST /api/files, the desktop's open dialog) land in the same folder.
 * A handle belongs to the user who made it and lives for a limited time, so a
 * handle seen by someone else opens nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fieldError } from '../../shared/api/errors';
import { MAX_UPLOAD_BYTES, safeFileName, type FileHandle } from '../../shared/api/files';

/** How long a handle may be used after it was made. */
export const HANDLE_TTL_MS = 2 * 60 * 60 * 1000;

export interface HeldFile extends FileHandle {
  /** Where the core keeps it; never sent out. */
  path: string;
  ownerId: number | null;
  expiresAt: number;
}

export interface NewFile {
  /** Where to write the content (its folder exists). */
  path: string;
  /** The written file becomes a handle. */
  finish(): FileHandle;
  /** Nothing was made: the half-written file goes. */
  abandon(): void;
}

type Owner = { id: number } | null;

export interface FileStore {
  create(owner: Owner, name: string): NewFile;
  /** Takes the bytes of an upload, at most `limit` of them; more is refused and nothing kept. */
  receive(owner: Owner, name: string, content: AsyncIterable<Uint8Array> | Uint8Array, limit?: number): Promise<FileHandle>;
  /** The caller's own handle; another user's, an expired or an unknown one is NOT_FOUND, told against `field`. */
  get(owner: Owner, fileId: string, field?: string): HeldFile;
  /** The bytes of the caller's handle, refused over `limit`. */
  read(owner: Owner, fileId: string, limit: number, field?: string): { content: Buffer; name: string };
  close(): void;
}

const ownerOf = (o: Owner) => o?.id ?? null;

/** `root` is removed with everything in it at start and at close: nothing in it outlives the run. */
export function createFileStore(root: string, clock: () => number = Date.now): FileStore {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const held = new Map<string, HeldFile>();

  function sweep(): void {
    const now = clock();
    for (const [id, f] of held) {
      if (f.expiresAt > now) continue;
      held.delete(id);
      fs.rmSync(path.dirname(f.path), { recursive: true, force: true });
    }
  }

  function create(owner: Owner, name: string): NewFile {
    sweep();
    const clean = safeFileName(name);
    if (!clean) throw fieldError('VALIDATION', 'fileName', `Tên tệp "${name}" không dùng được.`);
    const fileId = crypto.randomBytes(18).toString('base64url');
    const dir = path.join(root, fileId);
    fs.mkdirSync(dir);
    const file = path.join(dir, clean);
    return {
      path: file,
      finish() {
        const st = fs.statSync(file);
        const h: HeldFile = { fileId, name: clean, size: st.size, path: file, ownerId: ownerOf(owner), expiresAt: clock() + HANDLE_TTL_MS };
        held.set(fileId, h);
        return { fileId, name: clean, size: st.size };
      },
      abandon() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  return {
    create,
    async receive(owner, name, content, limit = MAX_UPLOAD_BYTES) {
      const target = create(owner, name);
      const out = fs.openSync(target.path, 'wx');
      let size = 0;
      try {
        const chunks = content instanceof Uint8Array ? [content] : content;
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > limit) throw fieldError('VALIDATION', 'file', `Tệp quá lớn: tối đa ${Math.round(limit / 1048576)} MB.`);
          fs.writeSync(out, chunk);
        }
        if (size === 0) throw fieldError('VALIDATION', 'file', 'Tệp rỗng.');
        fs.closeSync(out);
        return target.finish();
      } catch (e) {
        fs.closeSync(out);
        target.abandon();
        throw e;
      }
    },
    get(owner, fileId, field = 'fileId') {
      sweep();
      const f = held.get(fileId);
      if (!f || f.ownerId !== ownerOf(owner) || !fs.existsSync(f.path)) {
        throw fieldError('NOT_FOUND', field, 'Không có tệp này (tệp đã hết hạn hoặc không phải của bạn). Hãy chọn hoặc xuất lại tệp.');
      }
      return f;
    },
    read(owner, fileId, limit, field = 'fileId') {
      const f = this.get(owner, fileId, field);
      if (f.size > limit) throw fieldError('VALIDATION', field, `Tệp "${f.name}" quá lớn (${Math.ceil(f.size / 1048576)} MB): tối đa ${Math.round(limit / 1048576)} MB.`);
      return { content: fs.readFileSync(f.path), name: f.name };
    },
    close() {
      held.clear();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Writes an export into the store: its handle and row count; a failure leaves no file behind. */
export async function writeExport(files: FileStore, owner: Owner, name: string, write: (file: string) => Promise<number>): Promise<FileHandle & { rows: number }> {
  const out = files.create(owner, name);
  try {
    const rows = await write(out.path);
    return { ...out.finish(), rows };
  } catch (e) {
    out.abandon();
    throw e;
  }
}
