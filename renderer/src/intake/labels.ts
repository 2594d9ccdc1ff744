/** How a queue item is named on screen: where it came from, when, its files. */
import { format, parseISO } from 'date-fns';
import type { IntakeItem, IntakeOrigin } from '../../../shared/api/intake';
import { formatNumberVi } from '../../../shared/dates';

export const when = (iso: string) => format(parseISO(iso), 'dd/MM/yyyy HH:mm');

export const originKindLabels: Record<IntakeOrigin['kind'], string> = { mail: 'Thư điện tử', folder: 'Thư mục', upload: 'Tải lên' };

/** The origin's lines: what it was (sender and subject, the file's name) and when. */
export function originLines(o: IntakeOrigin): { title: string; detail: string; at: string | null } {
  if (o.kind === 'mail') return { title: o.from, detail: o.subject || '(không có tiêu đề)', at: when(o.receivedAt) };
  if (o.kind === 'folder') return { title: o.fileName, detail: o.folderLabel, at: when(o.modifiedAt) };
  return { title: o.fileName, detail: o.by ? `do ${o.by} tải lên` : '', at: null };
}

/** One sentence, e.g. for the registration form: "Thư điện tử từ a@b.vn lúc 05/09/2024 08:15: Công văn số …". */
export function originSentence(o: IntakeOrigin): string {
  if (o.kind === 'mail') return `Thư điện tử từ ${o.from} lúc ${when(o.receivedAt)}${o.subject ? `: ${o.subject}` : ''}`;
  if (o.kind === 'folder') return `Thư mục ${o.folderLabel}: tệp ${o.fileName} (${when(o.modifiedAt)})`;
  return `Tải lên: tệp ${o.fileName}`;
}

export const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${formatNumberVi(Math.round(bytes / 1024))} KB`);

export const filesText = (item: IntakeItem) => item.files.map((f) => f.name).join(', ');
