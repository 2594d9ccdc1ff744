/**
 * THÔNG BÁO kết luận cuộc họp, in the layout of the department's notices
 * (seed 002): the lead-in, 1. the assessment (written by hand), 2. the tasks
 * with 2.1 general ones, 2.2 specific ones and 2.2.x per unit.
 */
import { formatDateVi } from '../../../shared/dates';
import { closingBlocks, headerBlocks, para, PORTRAIT_MM, titleBlock, writeDocx } from '../document-blocks/docx-blocks';
import type { ConclusionTask, MeetingConclusionDoc } from './document-types';

/** The deadline, unless the content already says it ("… trước 25/6/2021"). */
function withDeadline(t: ConclusionTask): string {
  if (!t.deadline) return t.content;
  const [y, m, d] = t.deadline.split('-').map(Number) as [number, number, number];
  const written = [`${d}/${m}/${y}`, formatDateVi(t.deadline), `${String(d).padStart(2, '0')}/${m}/${y}`];
  if (written.some((w) => t.content.includes(w))) return t.content;
  return `${t.content.replace(/[.;]\s*$/, '')} (hoàn thành trước ${formatDateVi(t.deadline)}).`;
}

function items(tasks: ConclusionTask[]) {
  return tasks.map((t, i) => para(`${i + 1}- ${withDeadline(t)}`, { indent: true }));
}

const heading = (text: string) => para(text, { bold: true, before: 120, indent: true, align: 'left' });

export async function writeMeetingConclusionDocx(doc: MeetingConclusionDoc, path: string): Promise<void> {
  const sections = [
    para('Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu dự họp, chủ trì cuộc họp kết luận như sau:', { indent: true }),
    heading('1. Đánh giá kết quả thực hiện nhiệm vụ'),
    para('…'.repeat(60), { indent: true }),
    heading('2. Nhiệm vụ trọng tâm thời gian tới'),
    para('Để hoàn thành tốt các nhiệm vụ được giao, yêu cầu các phòng, đơn vị trực thuộc tập trung thực hiện tốt các nhiệm vụ sau:', { indent: true }),
  ];
  const general = doc.generalTasks.length ? 1 : 0;
  if (general) sections.push(heading('2.1. Nhiệm vụ chung'), ...items(doc.generalTasks));
  if (doc.unitGroups.length) {
    const head = `2.${general + 1}`;
    sections.push(heading(`${head}. Nhiệm vụ cụ thể`));
    doc.unitGroups.forEach((g, i) => {
      sections.push(para(`${head}.${i + 1}. ${g.unitName}`, { bold: true, italics: true, before: 80, indent: true, align: 'left' }), ...items(g.tasks));
    });
  }
  await writeDocx(path, `Thông báo kết luận — ${doc.title}`, [
    headerBlocks(doc.agency, { number: doc.number, suffix: `TB-${doc.agency.abbreviation}` }, doc.date, PORTRAIT_MM),
    ...titleBlock('THÔNG BÁO', [doc.title]),
    ...doc.intro.map((p) => para(p, { indent: true })),
    ...sections,
    para(doc.closing, { indent: true, before: 120, after: 240, keepNext: true }),
    closingBlocks(doc.recipients, doc.signature, PORTRAIT_MM),
  ]);
}
