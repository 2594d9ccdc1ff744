/**
 * The placeholders of the office's own Word templates speak Vietnamese, like
 * those of the monthly report ({co_quan}, {thang}): each export's model keys,
 * flattened (agency.name → agency_name), get their Vietnamese name here.
 */
export const vietnameseKeys: Record<string, string> = {
  // The agency's header and the signature block, as in every export.
  agency_name: 'co_quan',
  agency_parent_name: 'co_quan_cap_tren',
  parent_name: 'co_quan_cap_tren',
  agency_abbreviation: 'viet_tat',
  agency_place: 'dia_danh',
  signature_authority: 'tham_quyen',
  signature_position: 'chuc_vu',
  signature_signer_name: 'nguoi_ky',
  // Registers and their books.
  register_name: 'ten_so',
  from: 'tu_ngay',
  to: 'den_ngay',
  books: 'quyen',
  year: 'nam',
  first: 'tu_so',
  last: 'den_so',
  count: 'so_van_ban',
  arrival_date: 'ngay_den',
  arrival_number: 'so_den',
  sender_name: 'tac_gia',
  notation: 'so_ky_hieu',
  document_date: 'ngay_van_ban',
  document_type_name: 'ten_loai',
  subject: 'trich_yeu',
  recipient_text: 'nguoi_nhan',
  transfer_date: 'ngay_chuyen',
  note: 'ghi_chu',
  number: 'so',
  issue_date: 'ngay_ban_hanh',
  signer_name: 'nguoi_ky',
  recipients_text: 'noi_nhan',
  kept_by: 'noi_luu',
  copies: 'so_luong_ban',
  status: 'tinh_trang',
  // Task documents.
  date: 'ngay',
  title: 'tieu_de',
  intro: 'mo_dau',
  general_tasks: 'nhiem_vu_chung',
  content: 'noi_dung',
  deadline: 'han',
  unit_groups: 'theo_don_vi',
  unit_name: 'don_vi',
  tasks: 'nhiem_vu',
  closing: 'cau_ket',
  recipients: 'noi_nhan',
  lines: 'dong',
  source: 'nguon',
  status_text: 'tinh_trang',
  last_progress: 'tien_do_gan_nhat',
  as_of: 'tinh_den_ngay',
  by_unit: 'theo_don_vi',
  total: 'tong',
  counts_not_due: 'chua_den_han',
  counts_due_soon: 'sap_den_han',
  counts_overdue: 'qua_han',
  counts_done_on_time: 'hoan_thanh_dung_han',
  counts_done_late: 'hoan_thanh_qua_han',
  counts_paused: 'tam_dung',
  counts_cancelled: 'da_huy',
  overdue: 'nhiem_vu_qua_han',
  days_overdue: 'so_ngay_qua_han',
  // The hand-over record.
  giver_unit: 'don_vi_giao',
  giver_person: 'nguoi_giao',
  giver_position: 'chuc_vu_nguoi_giao',
  receiver: 'ben_nhan',
  receiver_position: 'chuc_vu_ben_nhan',
  file_count: 'so_ho_so',
  sheets: 'so_to',
  years: 'cac_nam',
};

/** docxtemplater's error ids, said in Vietnamese; `tag` is the placeholder concerned. */
const errorTexts: Record<string, (tag: string) => string> = {
  unopened_tag: (t) => `ô “${t}” thiếu dấu mở {`,
  unclosed_tag: (t) => `ô “${t}” thiếu dấu đóng }`,
  duplicate_open_tag: (t) => `ô “${t}” có hai dấu mở {{`,
  duplicate_close_tag: (t) => `ô “${t}” có hai dấu đóng }}`,
  unopened_loop: (t) => `vòng lặp “${t}” có {/${t}} mà thiếu {#${t}}`,
  unclosed_loop: (t) => `vòng lặp “${t}” có {#${t}} mà thiếu {/${t}}`,
  closing_tag_does_not_match_opening_tag: (t) => `vòng lặp mở và đóng không khớp (${t})`,
  unbalanced_loop_tags: () => 'các vòng lặp {#…}{/…} lồng nhau không đúng thứ tự',
  loop_position_invalid: (t) => `hai đầu của vòng lặp “${t}” nằm ở hai chỗ khác nhau (một trong bảng, một ngoài bảng)`,
  raw_xml_tag_should_be_only_text_in_paragraph: (t) => `ô “${t}” phải đứng một mình trong đoạn`,
  unimplemented_tag_type: (t) => `ô “${t}” có dạng chương trình không hỗ trợ`,
  scopeparser_compilation_failed: (t) => `ô “${t}” viết sai`,
  scopeparser_execution_failed: (t) => `không điền được ô “${t}”`,
  invalid_xml_characters: (t) => `ô “${t}” có ký tự hỏng`,
  malformed_xml: () => 'tệp Word bị hỏng (XML sai)',
  file_has_invalid_xml: () => 'tệp Word bị hỏng (XML sai)',
  filetype_not_identified: () => 'không nhận ra loại tệp',
  filetype_not_handled: () => 'loại tệp không hỗ trợ (cần .docx)',
};

interface TemplateErrorPart {
  id?: string;
  xtag?: string;
  openingtag?: string;
  closingtag?: string;
}

export function templateErrorText(p: TemplateErrorPart): string {
  const tag = p.openingtag && p.closingtag ? `{#${p.openingtag}}…{/${p.closingtag}}` : (p.xtag ?? '');
  const say = p.id ? errorTexts[p.id] : undefined;
  return say ? say(tag) : `mẫu viết sai${tag ? ` ở ô “${tag}”` : ''}${p.id ? ` (mã lỗi ${p.id})` : ''}`;
}
