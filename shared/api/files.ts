import { z } from 'zod';
import { method } from './define';
import { text } from '../validation';

export const filesContracts = {
  'files.savePath': method({
    summary: 'Chọn nơi lưu tệp xuất: hộp thoại Lưu ở bản máy tính; thư mục xuất của chương trình ở bản trình duyệt',
    mode: 'read',
    input: z.object({
      fileName: text('Tên tệp', 200).refine((v) => !/[\\/:*?"<>|]/.test(v), 'Tên tệp không được chứa \\ / : * ? " < > |.'),
    }),
    output: z.object({
      /** null when the user cancelled the dialog. */
      path: z.string().nullable(),
      /** Where the browser downloads the file once written (browser shell only). */
      downloadPath: z.string().nullable(),
    }),
  }),
};
