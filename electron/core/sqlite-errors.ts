import { AppError } from '../../shared/api/errors';

/** SQLite's failures that a clerk can act on, said in Vietnamese. */
export function sqliteErrorToAppError(e: unknown): AppError | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL'))
    return new AppError('IO', 'Ổ đĩa đã đầy: không ghi được dữ liệu. Thao tác chưa được lưu; hãy giải phóng dung lượng rồi thử lại.');
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('IO', 'Cơ sở dữ liệu đang ở chế độ chỉ đọc (tệp hoặc thư mục không cho ghi). Thao tác chưa được lưu.');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('IO', 'Cơ sở dữ liệu đang bận (có chương trình khác đang ghi). Hãy thử lại sau giây lát.');
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
    return new AppError('IO', 'Tệp cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất.');
  if (code.startsWith('SQLITE_IOERR'))
    return new AppError('IO', 'Lỗi đọc ghi ổ đĩa. Thao tác chưa được lưu; hãy kiểm tra ổ đĩa rồi thử lại.');
  return null;
}
