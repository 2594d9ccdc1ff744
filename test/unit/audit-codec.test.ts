import { describe, expect, it } from 'vitest';
import { carriesSecrecy, decodeChange, encodeChange } from '../../db/audit-codec';

const created = JSON.stringify({ registerId: 1, arrivalNumber: 7, arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: '12/KH-UBND', subject: 'Về việc lấy ý kiến góp ý dự thảo quy hoạch sử dụng đất', pages: 3, status: 'unassigned' });

describe('audit row compression', () => {
  it('gives back the very same JSON text of each side, an absent side as null and an empty one as empty', () => {
    const cases = [
      { before_json: null, after_json: created },
      { before_json: created, after_json: null },
      { before_json: '{"subject":"cũ","note":"a\\u0000b"}', after_json: '{"subject":"mới","note":null}' },
      { before_json: '', after_json: '{}' },
      { before_json: '"lý do"', after_json: '[1,2]' },
    ];
    for (const c of cases) expect(decodeChange(encodeChange(c))).toEqual(c);
  });

  it('stores nothing for a row without a change, and reads nothing back', () => {
    expect(encodeChange({ before_json: null, after_json: null })).toBeNull();
    expect(decodeChange(null)).toEqual({ before_json: null, after_json: null });
  });

  it('keeps a creation in well under half of its JSON', () => {
    expect(encodeChange({ before_json: null, after_json: created })!.length * 2).toBeLessThan(Buffer.byteLength(created));
  });

  it('refuses a blob of a format it does not know rather than misreading it', () => {
    const stored = encodeChange({ before_json: null, after_json: created })!;
    stored[0] = 9;
    expect(() => decodeChange(stored)).toThrow(/format 9/);
  });

  it('tells a change carrying a secrecy value, on either side, as the access rule matched the JSON', () => {
    expect(carriesSecrecy({ before_json: null, after_json: '{"subject":"x","secrecy":"mat"}' })).toBe(true);
    expect(carriesSecrecy({ before_json: '{"secrecy":"toi_mat"}', after_json: '{"secrecy":null}' })).toBe(true);
    expect(carriesSecrecy({ before_json: '{"secrecy":null}', after_json: '{"subject":"\\"secrecy\\":\\"mat"}' })).toBe(false);
  });
});
