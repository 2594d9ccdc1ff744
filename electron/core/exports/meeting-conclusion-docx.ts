/** THÔNG BÁO kết luận cuộc họp, in the layout of the department's notices (seed 002). */
import { formatDateVi } from '../../../shared/dates';
import { closingBlocks, headerBlocks, para, PORTRAIT_MM, writeDocx } from './docx-blocks';
import type { ConclusionTask, MeetingConclusionDoc } from './task-types';

/** The deadline, unless the content already says it ("… trước 25/6/2021"). */
function withDeadline(t: ConclusionTask): string {
  if (!t.deadline) return t.content;
  const [y, m, d] = t.deadline.split('-').map(Number) as [number, number, number];
  const written = [`${d}/${m}/${y}`, formatDateVi(t.deadline), `${String(d).padStart(2, '0')}/${m}/${y}`];
  if (written.some((w) => t.content.includes(w))) return t.content;
  return `${t.content.replace(/[.;]\s*$/, '')} (hoàn thành trước ${formatDateVi(t.deadline)}).`;
}

function items(tasks: ConclusionTask[]) {
  return tasks.map((t, i) => para(`${i + 1}- ${withDeadline(t)}`, { align: 'justify', indent: true, after: 80 }));
}

export async function writeMeetingConclusionDocx(doc: MeetingConclusionDoc, path: string): Promise<void> {
  const sections = [];
  if (doc.generalTasks.length) {
    sections.push(para('1. Nhiệm vụ chung', { bold: true, before: 120, after: 80, indent: true }), ...items(doc.generalTasks));
  }
  if (doc.unitGroups.length) {
    const head = doc.generalTasks.length ? 2 : 1;
    sections.push(para(`${head}. Nhiệm vụ cụ thể`, { bold: true, before: 120, after: 80, indent: true }));
    doc.unitGroups.forEach((g, i) => {
      sections.push(para(`${head}.${i + 1}. ${g.unitName}`, { bold: true, before: 80, after: 60, indent: true }), ...items(g.tasks));
    });
  }
  await writeDocx(path, `Thông báo kết luận — ${doc.title}`, [
    headerBlocks(doc.agency, { number: doc.number, suffix: `TB-${doc.agency.abbreviation}` }, doc.date, PORTRAIT_MM),
    para('THÔNG BÁO', { bold: true, align: 'center', before: 240 }),
    para(doc.title, { bold: true, align: 'center', after: 240 }),
    ...doc.intro.map((p) => para(p, { align: 'justify', indent: true, after: 80 })),
    ...sections,
    para(doc.closing, { align: 'justify', indent: true, before: 120, after: 240 }),
    closingBlocks(doc.recipients, doc.signature, PORTRAIT_MM),
  ]);
}
