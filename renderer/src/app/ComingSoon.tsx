import { areas, type AreaKey } from '../../../shared/labels';

const plans: Partial<Record<AreaKey, string>> = {
  incoming: 'Sổ đăng ký văn bản đến: vào sổ, số đến tự động, giao xử lý, theo dõi hạn, tìm kiếm và in sổ.',
  outgoing: 'Sổ văn bản đi: dự thảo, cấp số, ký hiệu tự động, nơi nhận và in sổ.',
  tasks: 'Nhiệm vụ được giao: hạn xử lý, tiến độ, đôn đốc và báo cáo.',
  reports: 'Báo cáo tháng, bảng số liệu và gửi lên cấp trên qua thư điện tử.',
};

export function ComingSoon({ area }: { area: AreaKey }) {
  const label = areas.find((a) => a.key === area)?.label ?? '';
  return (
    <section>
      <h1>{label}</h1>
      <p className="muted">Phần này chưa có trong phiên bản này. {plans[area] ?? ''}</p>
    </section>
  );
}
