/**
 * Abbreviations clerks type for agencies: "ubnd" for "Ủy ban nhân dân",
 * "stnmt" or "sở tn&mt" for "Sở Tài nguyên và Môi trường". Keys are the
 * letters of the folded abbreviation (TN&MT, TNMT and tn-mt are one key);
 * expansions are folded too, as the search index holds them.
 */
import { foldVietnamese } from './text';

const common: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  mttq: 'mat tran to quoc',
  tnmt: 'tai nguyen va moi truong',
  khdt: 'ke hoach va dau tu',
  nnptnt: 'nong nghiep va phat trien nong thon',
  gddt: 'giao duc va dao tao',
  vhttdl: 'van hoa the thao va du lich',
  vhtt: 'van hoa thong tin',
  ldtbxh: 'lao dong thuong binh va xa hoi',
  gtvt: 'giao thong van tai',
  tttt: 'thong tin va truyen thong',
  khcn: 'khoa hoc va cong nghe',
  ttcp: 'thanh tra chinh phu',
};

/** "Sở …" and "Bộ …" before a common abbreviation: STNMT, SKH&ĐT, BTNMT. */
const heads: Record<string, string> = { s: 'so', b: 'bo' };

/** Answers the folded names an abbreviation key stands for (none when it is not one). */
export type AbbreviationLookup = (key: string) => readonly string[];

export function abbreviationKey(word: string): string {
  return foldVietnamese(word).replace(/[^\p{L}\p{Nd}]+/gu, '');
}

function commonExpansions(key: string): string[] {
  const found: string[] = [];
  if (common[key]) found.push(common[key]);
  const head = heads[key.charAt(0)];
  const rest = common[key.slice(1)];
  if (head && rest) found.push(`${head} ${rest}`);
  return found;
}

/** The common table plus the office's own: its agency's and units' abbreviations. */
export function abbreviationLookup(own: readonly { abbreviation: string | null; name: string }[]): AbbreviationLookup {
  const table = new Map<string, string[]>();
  for (const o of own) {
    const key = o.abbreviation ? abbreviationKey(o.abbreviation) : '';
    if (!key) continue;
    table.set(key, [...(table.get(key) ?? []), foldVietnamese(o.name)]);
  }
  return (key) => [...new Set([...commonExpansions(key), ...(table.get(key) ?? [])])];
}

/**
 * The query with its abbreviations spelled out, beside the query itself, for
 * matching by substring (sender suggestions): "ubnd lang son" → also
 * "uy ban nhan dan lang son".
 */
export function expandedQueries(folded: string, lookup: AbbreviationLookup): string[] {
  const words = folded.split(' ');
  const out = new Set([folded]);
  words.forEach((w, i) => {
    for (const e of lookup(abbreviationKey(w))) out.add([...words.slice(0, i), e, ...words.slice(i + 1)].join(' '));
  });
  out.add(words.map((w) => lookup(abbreviationKey(w))[0] ?? w).join(' '));
  return [...out];
}
