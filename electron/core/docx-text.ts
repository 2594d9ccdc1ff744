/**
 * The text of a .docx, paragraph by paragraph, for reading tasks from it.
 * Word keeps automatic numbering and heading styles outside the text, so
 * numbered paragraphs come out as "- " items and headings as "### " lines,
 * which the task reader understands.
 */
import JSZip from 'jszip';
import { AppError } from '../../shared/api/errors';

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[0] === '<w:tab/>') out += ' ';
    else if (m[0] === '<w:br/>') out += '\n';
    else out += decode(m[1] ?? '');
  }
  return out;
}

/** The body XML of a .docx; anything else is refused against `field`. */
export async function wordDocumentXml(data: Buffer, field: string): Promise<string> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string');
  } catch {
    xml = undefined;
  }
  if (!xml) throw new AppError('VALIDATION', 'Tệp không phải văn bản Word (.docx) đọc được.', [{ path: field, message: 'Tệp không phải văn bản Word (.docx) đọc được.' }]);
  return xml;
}

export async function docxText(data: Buffer): Promise<string> {
  const xml = await wordDocumentXml(data, 'base64');
  const lines: string[] = [];
  for (const m of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const text = paragraphText(p).trim();
    if (!text) continue;
    const heading = /<w:pStyle w:val="(?:Heading|heading|Tieude|u)\d?"/.test(p);
    const numbered = /<w:numPr>/.test(p) && !/^\s*(?:\d+[.)-]|[a-zđ]\)|[-–+•])\s/.test(text);
    lines.push(heading ? `### ${text}` : numbered ? `- ${text}` : text);
  }
  return lines.join('\n\n');
}
