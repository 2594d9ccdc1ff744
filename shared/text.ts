/**
 * Vietnamese text helpers. Unicode does not decompose đ/Đ, so folding strips
 * the combining marks and then maps đ by hand.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByVi<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(key(a), key(b)));
}
