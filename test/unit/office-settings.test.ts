/** What a client PC remembers, and the address it accepts for an office server. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSchema, officeUrlSchema } from '../../shared/api/office';
import { CLIENT_FILE, clientSettingsStore } from '../../electron/office/connection';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-office-settings-'));

describe('office server address', () => {
  it.each([
    ['https://192.168.1.10:8443', 'https://192.168.1.10:8443'],
    ['  https://may-chu.local:8443/ ', 'https://may-chu.local:8443'],
    ['https://10.0.0.2', 'https://10.0.0.2'],
  ])('accepts %s', (given, parsed) => {
    expect(officeUrlSchema.parse(given)).toBe(parsed);
  });

  it.each([
    ['http://192.168.1.10:8443', /https:\/\//],
    ['https://192.168.1.10:70000', /cổng/],
    ['https://192.168.1.10:8443/api', /https:\/\//],
    ['', /chưa nhập/],
  ])('refuses %s with a Vietnamese message', (given, message) => {
    const r = officeUrlSchema.safeParse(given);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });

  it('takes a fingerprint with or without colons, refuses a short one', () => {
    const hex = 'ab'.repeat(32);
    expect(fingerprintSchema.safeParse(hex).success).toBe(true);
    expect(fingerprintSchema.safeParse(`SHA256:${hex.toUpperCase().match(/../g)!.join(':')}`).success).toBe(true);
    expect(fingerprintSchema.safeParse(hex.slice(2)).success).toBe(false);
  });
});

describe('client settings (may-tram.json)', () => {
  it('keeps the address, the pin and when it was confirmed, and forgets them on disconnect', () => {
    const d = dir();
    const store = clientSettingsStore(d);
    expect(store.read()).toBeNull();
    const value = { url: 'https://192.168.1.10:8443', fingerprint: 'AB:'.repeat(31) + 'AB', confirmedAt: '2026-12-01T08:00:00.000Z' };
    store.write(value);
    expect(store.read()).toEqual(value);
    expect(fs.readdirSync(d)).toEqual([CLIENT_FILE]);
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('sets a damaged file aside instead of failing to start', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, CLIENT_FILE), '{"url": "https://');
    expect(clientSettingsStore(d).read()).toBeNull();
    expect(fs.existsSync(path.join(d, `${CLIENT_FILE}.hong`))).toBe(true);
  });
});
