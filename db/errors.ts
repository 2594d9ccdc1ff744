/**
 * The database's failures that a clerk can act on, said in Vietnamese, for
 * both engines: SQLite's result codes (SQLITE_FULL…) and PostgreSQL's
 * SQLSTATEs (53100…). The registry turns whatever a handler let through into
 * these; handlers that expect a conflict test for it with isUniqueViolation.
 */
import { AppError } from '../shared/api/errors';
import { serverOf } from './engine';

const busy = () => new AppError('IO', 'Cơ sở dữ liệu đang bận (có chương trình khác đang ghi). Hãy thử lại sau giây lát.');
const full = () => new AppError('IO', 'Ổ đĩa đã đầy: không ghi được dữ liệu. Thao tác chưa được lưu; hãy giải phóng dung lượng rồi thử lại.');
const unique = () => new AppError('CONFLICT', 'Dữ liệu trùng với một bản ghi đã có (phải là duy nhất). Thao tác chưa được lưu.');
const foreignKey = () => new AppError('CONFLICT', 'Bản ghi này đang được bản ghi khác dùng đến, hoặc dẫn tới một bản ghi không có. Thao tác chưa được lưu.');
const notNull = () => new AppError('VALIDATION', 'Thiếu một thông tin bắt buộc. Thao tác chưa được lưu.');

function codeOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** SQLite's constraint codes and PostgreSQL's class 23 alike. */
export function isUniqueViolation(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function fromSqlite(code: string): AppError | null {
  if (code.startsWith('SQLITE_FULL')) return full();
  if (code.startsWith('SQLITE_READONLY')) return new AppError('IO', 'Cơ sở dữ liệu đang ở chế độ chỉ đọc (tệp hoặc thư mục không cho ghi). Thao tác chưa được lưu.');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busy();
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return new AppError('IO', 'Tệp cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất.');
  if (code.startsWith('SQLITE_IOERR')) return new AppError('IO', 'Lỗi đọc ghi ổ đĩa. Thao tác chưa được lưu; hãy kiểm tra ổ đĩa rồi thử lại.');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return unique();
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return foreignKey();
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return notNull();
  return null;
}

/** SQLSTATEs: https://www.postgresql.org/docs/15/errcodes-appendix.html */
function fromPostgres(code: string): AppError | null {
  if (code === '23505') return unique();
  if (code === '23503') return foreignKey();
  if (code === '23502') return notNull();
  if (code === '53100') return full();
  if (code === '53200' || code === '53300') return new AppError('IO', 'Máy chủ cơ sở dữ liệu đang quá tải (hết bộ nhớ hoặc hết kết nối). Thao tác chưa được lưu; hãy thử lại sau giây lát.');
  // Two actions that wait on each other, or a lock not granted in time: nothing was written, the next try goes through.
  if (code === '40001' || code === '40P01' || code === '55P03') return busy();
  if (code === '57014') return new AppError('IO', 'Thao tác chạy quá lâu nên đã bị máy chủ cơ sở dữ liệu dừng. Thao tác chưa được lưu; hãy thử lại.');
  if (code === '25006') return new AppError('IO', 'Cơ sở dữ liệu đang ở chế độ chỉ đọc (máy chủ dự phòng). Thao tác chưa được lưu.');
  if (code === '57P01' || code === '57P02' || code === '57P03' || code.startsWith('08')) return new AppError('IO', 'Mất kết nối tới máy chủ cơ sở dữ liệu. Thao tác chưa được lưu; hãy thử lại sau giây lát.');
  if (code === '28P01' || code === '28000') return new AppError('IO', 'Máy chủ cơ sở dữ liệu từ chối đăng nhập (sai tên người dùng hoặc mật khẩu).');
  return null;
}

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

/** A server that cannot be reached or refuses us, named by host and port (never the password). */
export function connectionError(e: unknown, url: string): AppError | null {
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  const server = serverOf(url);
  if ((code && NETWORK.has(code)) || /timeout expired|Connection terminated/i.test(message))
    return new AppError('IO', `Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL ${server} (${code ?? message}). Hãy kiểm tra máy chủ đang chạy và địa chỉ, cổng đúng.`);
  if (code === '28P01' || code === '28000') return new AppError('IO', `Máy chủ cơ sở dữ liệu PostgreSQL ${server} từ chối đăng nhập: sai tên người dùng hoặc mật khẩu, hoặc máy này không được phép kết nối.`);
  if (code === '3D000') return new AppError('IO', `Máy chủ cơ sở dữ liệu PostgreSQL ${server} không có cơ sở dữ liệu này: hãy tạo nó trước (createdb).`);
  return null;
}

/** Null when the failure is none the clerk can act on (the registry reports it as INTERNAL). */
export function databaseErrorToAppError(e: unknown): AppError | null {
  const code = codeOf(e);
  if (!code) return null;
  if (code.startsWith('SQLITE_')) return fromSqlite(code);
  if (/^[0-9A-Z]{5}$/.test(code)) return fromPostgres(code);
  return NETWORK.has(code) ? new AppError('IO', `Không kết nối được máy chủ cơ sở dữ liệu (${code}). Thao tác chưa được lưu; hãy kiểm tra máy chủ rồi thử lại.`) : null;
}
