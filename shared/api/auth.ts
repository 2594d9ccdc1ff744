import { z } from 'zod';
import { method } from './define';
import { bool, id, oneOf, optionalId, text } from '../validation';

export const roles = ['admin', 'clerk', 'leader', 'officer'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = { admin: 'Quản trị', clerk: 'Văn thư', leader: 'Lãnh đạo', officer: 'Chuyên viên' };

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  secretAccess: z.boolean(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

const username = text('Tên đăng nhập', 50).regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và . _ -');
/** Long enough to resist guessing on a shared office PC; no composition rules that end up on sticky notes. */
const password = z.string({ error: 'Mật khẩu không được để trống.' }).min(10, 'Mật khẩu phải có ít nhất 10 ký tự.').max(200, 'Mật khẩu dài quá 200 ký tự.');

const userFields = {
  fullName: text('Họ và tên', 200),
  role: oneOf('Vai trò', roles),
  unitId: optionalId('Đơn vị'),
  secretAccess: bool('Được xem văn bản mật').default(false),
};

export const authContracts = {
  'auth.status': method({
    summary: 'Có người dùng chưa; ai đang đăng nhập và được làm gì',
    mode: 'read',
    input: z.object({}),
    output: z.object({ usersExist: z.boolean(), user: userSchema.nullable(), allowed: z.array(z.string()), idleMinutes: z.number() }),
  }),
  'auth.setupAdmin': method({
    summary: 'Lần đầu sử dụng: tạo tài khoản quản trị (chỉ khi chưa có người dùng nào)',
    mode: 'job',
    input: z.object({ username, fullName: text('Họ và tên', 200), password }),
    output: userSchema,
  }),
  'auth.login': method({
    summary: 'Đăng nhập; trả về phiên (gửi kèm các lần gọi sau trong tiêu đề X-Session)',
    mode: 'job',
    input: z.object({ username: text('Tên đăng nhập', 50), password: z.string({ error: 'Mật khẩu không được để trống.' }).min(1, 'Mật khẩu không được để trống.').max(200) }),
    output: z.object({ session: z.string(), user: userSchema }),
  }),
  'auth.logout': method({ summary: 'Đăng xuất', mode: 'job', input: z.object({}), output: z.object({ ok: z.boolean() }) }),
  'auth.changePassword': method({
    summary: 'Đổi mật khẩu của mình',
    mode: 'job',
    input: z.object({ current: z.string().max(200), next: password }),
    output: z.object({ ok: z.boolean() }),
  }),
  'auth.sessions': method({
    summary: 'Ai đang kết nối: các phiên đăng nhập còn hiệu lực, từ máy nào, chương trình nào',
    mode: 'read',
    input: z.object({}),
    output: z.object({
      sessions: z.array(
        z.object({
          id: z.string(),
          userId: z.number(),
          username: z.string(),
          fullName: z.string(),
          clientAddress: z.string().nullable(),
          program: z.string().nullable(),
          createdAt: z.string(),
          lastSeenAt: z.string(),
          current: z.boolean(),
        }),
      ),
    }),
  }),
  'auth.endSession': method({
    summary: 'Kết thúc một phiên đăng nhập (người đó phải đăng nhập lại)',
    input: z.object({ id: text('Phiên', 100) }),
    output: z.object({ ended: z.literal(true) }),
  }),
  'users.list': method({ summary: 'Người dùng', mode: 'read', input: z.object({}), output: z.object({ items: z.array(userSchema) }) }),
  'users.create': method({ summary: 'Thêm người dùng với vai trò, đơn vị, quyền xem văn bản mật', mode: 'job', input: z.object({ username, password, ...userFields }), output: userSchema }),
  'users.update': method({
    summary: 'Sửa vai trò, đơn vị, quyền xem văn bản mật; khóa hoặc mở tài khoản',
    input: z.object(userFields).partial().extend({ id: id('Người dùng'), disabled: bool('Khóa tài khoản').optional() }),
    output: userSchema,
  }),
  'users.resetPassword': method({ summary: 'Đặt lại mật khẩu cho người dùng', mode: 'job', input: z.object({ id: id('Người dùng'), password }), output: z.object({ ok: z.boolean() }) }),
};
