import { z } from 'zod';
import { method } from './define';
import { id, int, oneOf, optionalText } from '../validation';

export const trashKinds = ['incoming', 'outgoing', 'tasks', 'dossiers', 'tthc'] as const;
export type TrashKind = (typeof trashKinds)[number];
export const trashKindLabels: Record<TrashKind, string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  tasks: 'Nhiệm vụ',
  dossiers: 'Hồ sơ công việc',
  tthc: 'Hồ sơ thủ tục hành chính',
};

const del = (label: string) => z.object({ id: id(label), reason: optionalText('Lý do xóa', 500) });
const deleted = z.object({ kind: z.enum(trashKinds), id: z.number(), label: z.string(), deletedAt: z.string() });
const kind = oneOf('Loại', trashKinds);

export const trashContracts = {
  'incoming.delete': method({ summary: 'Xóa văn bản đến (vào thùng rác, khôi phục được; số đến không dùng lại)', input: del('Mã văn bản'), output: deleted }),
  'outgoing.delete': method({ summary: 'Xóa dự thảo văn bản đi (văn bản đã phát hành thì hủy số)', input: del('Mã văn bản'), output: deleted }),
  'tasks.delete': method({ summary: 'Xóa nhiệm vụ (vào thùng rác)', input: del('Mã nhiệm vụ'), output: deleted }),
  'dossiers.delete': method({ summary: 'Xóa hồ sơ công việc chưa nộp lưu (vào thùng rác)', input: del('Mã hồ sơ'), output: deleted }),
  'tthc.delete': method({ summary: 'Xóa hồ sơ thủ tục hành chính nhập nhầm (vào thùng rác)', input: del('Mã hồ sơ'), output: deleted }),
  'trash.list': method({
    summary: 'Thùng rác: những gì đã xóa, mới nhất trước',
    mode: 'read',
    input: z.object({ kind: kind.nullish(), page: int('Trang', 1, 1_000_000).default(1), pageSize: int('Số dòng mỗi trang', 1, 500).default(100) }),
    output: z.object({ items: z.array(deleted.extend({ deletedBy: z.string().nullable(), reason: z.string().nullable() })), total: z.number() }),
  }),
  'trash.restore': method({ summary: 'Khôi phục một mục từ thùng rác', input: z.object({ kind, id: id('Mã') }), output: deleted }),
  'trash.purge': method({ summary: 'Xóa hẳn một mục trong thùng rác (không khôi phục được nữa)', input: z.object({ kind, id: id('Mã') }), output: z.object({ purged: z.boolean() }) }),
};
