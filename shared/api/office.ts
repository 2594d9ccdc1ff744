/**
 * Methods answered by the shell itself, not by a core: the office server this
 * PC serves and the connection of a client PC to one. The renderer calls them
 * like any method; the registry never sees them (they are not in `contracts`).
 */
import { z } from 'zod';
import { method } from './define';

/** https://host[:port], nothing after it: the address of an office server. */
export const officeUrlSchema = z
  .string({ error: 'Địa chỉ máy chủ: chưa nhập.' })
  .trim()
  .min(1, 'Địa chỉ máy chủ: chưa nhập.')
  .max(300, 'Địa chỉ máy chủ: quá dài.')
  .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, 'Địa chỉ máy chủ phải có dạng https://địa-chỉ:cổng, ví dụ https://192.168.1.10:8443.')
  .transform((s) => s.replace(/\/$/, ''))
  .refine((s) => {
    const port = /:(\d+)$/.exec(s.slice('https://'.length))?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'Địa chỉ máy chủ: cổng phải từ 1 đến 65535.');

export const fingerprintSchema = z
  .string({ error: 'Dấu vân tay: chưa có. Hãy bấm "Kiểm tra" trước.' })
  .trim()
  .regex(/^(SHA256:)?([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'Dấu vân tay phải là 64 chữ số hệ 16 (SHA-256), có hoặc không có dấu hai chấm.');

const connectionState = z.enum(['ok', 'lost', 'connecting']);

export const serverStatusSchema = z.object({
  running: z.boolean(),
  url: z.string().nullable(),
  fingerprint: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  /** This PC's IPv4 addresses to choose from; never 0.0.0.0 by default. */
  addresses: z.array(z.object({ name: z.string(), address: z.string() })),
  /** Started by itself when the program starts. */
  enabled: z.boolean(),
  message: z.string().nullable(),
});
export type ServerStatus = z.infer<typeof serverStatusSchema>;

export const shellContracts = {
  'office.connectionStatus': method({
    summary: 'Máy này dùng cơ sở dữ liệu riêng hay kết nối máy chủ văn phòng, và kết nối có đang tốt không',
    mode: 'read',
    input: z.object({}),
    output: z.object({
      mode: z.enum(['local', 'client']),
      url: z.string().nullable(),
      fingerprint: z.string().nullable(),
      state: connectionState.nullable(),
      message: z.string().nullable(),
    }),
  }),
  'office.probe': method({
    summary: 'Đọc chứng thư của máy chủ văn phòng (chưa gửi gì khác) để so dấu vân tay với phiếu bàn giao',
    mode: 'read',
    input: z.object({ url: officeUrlSchema }),
    output: z.object({ url: z.string(), fingerprint: z.string(), subject: z.string(), validTo: z.string() }),
  }),
  'office.connect': method({
    summary: 'Kết nối máy này với máy chủ văn phòng theo dấu vân tay đã xác nhận',
    input: z.object({ url: officeUrlSchema, fingerprint: fingerprintSchema }),
    output: z.object({ url: z.string(), fingerprint: z.string() }),
  }),
  'office.disconnect': method({
    summary: 'Ngắt kết nối máy chủ văn phòng, dùng lại cơ sở dữ liệu của máy này',
    input: z.object({}),
    output: z.object({ disconnected: z.boolean() }),
  }),
  'office.discover': method({
    summary: 'Các máy chủ văn phòng tìm thấy trong mạng nội bộ',
    mode: 'read',
    input: z.object({}),
    output: z.object({ servers: z.array(z.object({ name: z.string(), url: z.string(), fingerprint: z.string().nullable() })) }),
  }),
  'office.serverStatus': method({ summary: 'Máy chủ văn phòng trên máy này', mode: 'read', input: z.object({}), output: serverStatusSchema }),
  'office.serverStart': method({
    summary: 'Bật máy chủ văn phòng trên một địa chỉ của máy này',
    input: z.object({
      host: z.ipv4({ error: 'Địa chỉ: phải là một địa chỉ IPv4 của máy này.' }),
      port: z.number({ error: 'Cổng: phải là số.' }).int('Cổng: phải là số nguyên.').min(1, 'Cổng: từ 1 đến 65535.').max(65535, 'Cổng: từ 1 đến 65535.'),
    }),
    output: serverStatusSchema,
  }),
  'office.serverStop': method({ summary: 'Tắt máy chủ văn phòng trên máy này', input: z.object({}), output: serverStatusSchema }),
};

export type ShellContracts = typeof shellContracts;
export type ShellMethodName = keyof ShellContracts;
export type ShellInput<M extends ShellMethodName> = z.input<ShellContracts[M]['input']>;
export type ShellOutput<M extends ShellMethodName> = z.output<ShellContracts[M]['output']>;

export function isShellMethod(name: string): name is ShellMethodName {
  return Object.prototype.hasOwnProperty.call(shellContracts, name);
}
