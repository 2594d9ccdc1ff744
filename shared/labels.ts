/** Vietnamese labels shared by the UI and the exports. */
import type { UnitKind } from './api/units';

export const areas = [
  { key: 'home', label: 'Tổng quan' },
  { key: 'incoming', label: 'Văn bản đến' },
  { key: 'intake', label: 'Văn bản chờ vào sổ' },
  { key: 'outgoing', label: 'Văn bản đi' },
  { key: 'tasks', label: 'Nhiệm vụ' },
  { key: 'dossiers', label: 'Hồ sơ' },
  { key: 'reports', label: 'Báo cáo' },
  { key: 'units', label: 'Đơn vị' },
  { key: 'trash', label: 'Thùng rác' },
  { key: 'audit', label: 'Nhật ký' },
  { key: 'settings', label: 'Cài đặt' },
] as const;
export type AreaKey = (typeof areas)[number]['key'];

export const unitKindLabels: Record<UnitKind, string> = {
  internal: 'Trong cơ quan',
  external: 'Cơ quan bên ngoài',
};
