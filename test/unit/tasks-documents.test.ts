import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, overall, scoreFixtures } from '../../scripts/score-tasks';
import { readTaskDocument } from '../../shared/tasks/document';
import { parseRecurrence } from '../../shared/tasks/recurrence';

describe('documents the reader was not built on (shared/fixtures/task-documents)', () => {
  const scores = scoreFixtures();

  it('finds at least 95% of the expected tasks with at most 5% extra', () => {
    const all = overall(scores);
    expect(all.documents).toBe(8);
    expect(all.foundPct).toBeGreaterThanOrEqual(95);
    expect(all.extraPct).toBeLessThanOrEqual(5);
  });

  it('gives at least 95% of the found tasks the right lead units, deadline and recurrence', () => {
    const all = overall(scores);
    expect(all.allRightPct).toBeGreaterThanOrEqual(95);
    expect(all.coordinatingPct).toBeGreaterThanOrEqual(95);
  });

  it('reads every header: issuer, date and the cited documents without the own number', () => {
    expect(scores.filter((s) => !s.issuerRight || !s.dateRight || !s.referencesRight).map((s) => s.document)).toEqual([]);
  });
});

const fixture = (name: string) => fs.readFileSync(path.join(fixturesDir, `${name}.txt`), 'utf8');

describe('the header as the tasks\' source', () => {
  it('reads a department under its parent, with the two header columns merged on one line', () => {
    expect(readTaskDocument(fixture('01-tb-ket-luan-so-nnptnt-thai-nguyen')).source).toEqual({
      issuer: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Nguyên',
      documentType: 'Thông báo',
      notation: '412/TB-SNN',
      documentDate: '2023-10-06',
      subject: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10 năm 2023',
    });
  });

  it('reads a letter\'s "V/v" subject across its lines, and an office of the UBND', () => {
    const s = readTaskDocument(fixture('06-cv-van-phong-ubnd-thanh-hoa-don-doc')).source;
    expect(s).toEqual({
      issuer: 'Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa',
      documentType: 'Công văn',
      notation: '9870/VP-VX',
      documentDate: '2023-11-14',
      subject: 'đôn đốc thực hiện nhiệm vụ Chủ tịch UBND tỉnh giao tại Thông báo số 182/TB-UBND',
    });
  });

  it('leaves out what a header does not say', () => {
    const s = readTaskDocument('Số: /TB-STNMT\nCao Bằng, ngày tháng 6 năm 2021\n## THÔNG BÁO\nKết luận giao ban\n\n1. Văn phòng Sở rà soát hồ sơ.').source;
    expect(s).toEqual({ issuer: null, documentType: 'Thông báo', notation: '/TB-STNMT', documentDate: null, subject: 'Kết luận giao ban' });
  });
});

/** A district notice in a layout none of the fixtures has: unit headings "a) Phòng …:" with dash items. */
const district = `UBND HUYỆN ĐỊNH HÓA
VĂN PHÒNG HĐND VÀ UBND
Số: 77/TB-VP Định Hóa, ngày 03 tháng 02 năm 2025
THÔNG BÁO
Ý kiến kết luận của Chủ tịch UBND huyện tại buổi làm việc với các phòng chuyên môn
Ngày 30/01/2025, Chủ tịch UBND huyện làm việc với các phòng chuyên môn. Chủ tịch UBND huyện kết luận:
1. Nhiệm vụ chung
Các phòng, ban, ngành tập trung rà soát nhiệm vụ năm 2025, hoàn thành trước 15/02.
2. Nhiệm vụ cụ thể
a) Phòng Tài nguyên và Môi trường:
- Hoàn thiện hồ sơ giao đất tái định cư xã Phượng Tiến; xong trước ngày 28/02.
- Báo cáo tình hình cấp giấy chứng nhận trước ngày 25 hằng tháng.
- Kiểm tra khai thác cát sỏi trên sông Chu; phối hợp với Công an huyện xử lý vi phạm.
b) Phòng Tài chính - Kế hoạch:
- Tham mưu phân bổ vốn sự nghiệp năm 2025 trong tháng 3/2025.
- Thẩm định quyết toán dự án hoàn thành: hằng năm (trước ngày 15/12).
c) Phòng Nội vụ: Xây dựng kế hoạch tuyển dụng viên chức năm 2025, trình UBND huyện trong Quý II/2025.
3. Đề nghị Công an huyện tăng cường tuần tra kiểm soát dịp Tết; báo cáo kết quả định kỳ hằng tuần.
4. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Trung tâm Văn hóa, Thể thao huyện và UBND các xã tổ chức Hội Xuân 2025. Phòng Y tế kiểm tra an toàn thực phẩm các cơ sở kinh doanh dịp lễ hội.
Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.`;

describe('structure read from the document, not from one layout', () => {
  const { tasks, source } = readTaskDocument(district);
  const summary = tasks.map((t) => [t.leadUnitNames.join(' | '), t.deadline, t.recurrence, t.content.split(/\s+/).slice(0, 3).join(' ')]);

  it('gives each dash item under a unit heading to that unit, and splits sentences that hand work to a new unit', () => {
    expect(summary).toEqual([
      ['', '2025-02-15', null, 'Các phòng, ban,'],
      ['Phòng Tài nguyên và Môi trường', '2025-02-28', null, 'Hoàn thiện hồ'],
      ['Phòng Tài nguyên và Môi trường', null, 'monthly', 'Báo cáo tình'],
      ['Phòng Tài nguyên và Môi trường', null, null, 'Kiểm tra khai'],
      ['Phòng Tài chính - Kế hoạch', '2025-03-31', null, 'Tham mưu phân'],
      ['Phòng Tài chính - Kế hoạch', null, 'yearly', 'Thẩm định quyết'],
      ['Phòng Nội vụ', '2025-06-30', null, 'Xây dựng kế'],
      ['Công an huyện', null, null, 'Đề nghị Công'],
      ['Phòng Văn hóa và Thông tin', null, null, 'Giao Phòng Văn'],
      ['Phòng Y tế', null, null, 'Phòng Y tế'],
    ]);
    expect(tasks[3]!.coordinatingUnitNames).toEqual(['Công an huyện']);
    expect(tasks[8]!.coordinatingUnitNames).toEqual(['Trung tâm Văn hóa, Thể thao huyện', 'UBND các xã']);
  });

  it('reads the source from the header, and a yearly duty saves as yearly', () => {
    expect(source).toMatchObject({ issuer: 'Văn phòng HĐND và UBND huyện Định Hóa', notation: '77/TB-VP', documentDate: '2025-02-03' });
    expect(parseRecurrence(tasks[5]!.timeText)?.rules).toEqual([{ freq: 'yearly', day: 15, month: 12 }]);
    expect(parseRecurrence(tasks[2]!.timeText)?.rules).toEqual([{ freq: 'monthly', day: 25 }]);
  });
});
