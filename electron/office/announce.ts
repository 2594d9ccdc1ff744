/**
 * mDNS (_vanthu._tcp) so that client PCs can pick the server from a list. A
 * convenience only: a connection needs just the address and the fingerprint,
 * and a network that drops multicast loses nothing but the list.
 */
import { Bonjour, type Service } from 'bonjour-service';

const TYPE = 'vanthu';

export interface Announcement {
  stop(): Promise<void>;
}

export function announceServer(o: { name: string; host: string; port: number; fingerprint: string }): Announcement {
  let bonjour: Bonjour | null = null;
  try {
    bonjour = new Bonjour({}, (e: unknown) => console.error(`Không quảng bá được máy chủ trong mạng nội bộ: ${e instanceof Error ? e.message : String(e)}`));
    const service = bonjour.publish({ name: o.name, type: TYPE, port: o.port, txt: { fp: o.fingerprint.replace(/:/g, ''), host: o.host }, disableIPv6: true });
    service.on('error', (e: unknown) => console.error(`Không quảng bá được máy chủ trong mạng nội bộ: ${e instanceof Error ? e.message : String(e)}`));
  } catch (e) {
    console.error(`Không quảng bá được máy chủ trong mạng nội bộ: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (!bonjour) return resolve();
        const b = bonjour;
        bonjour = null;
        b.unpublishAll(() => {
          b.destroy();
          resolve();
        });
        setTimeout(resolve, 1000).unref();
      }),
  };
}

export interface FoundServer {
  name: string;
  url: string;
  fingerprint: string | null;
}

/** Listens for announcements for a moment: the servers heard. */
export function discoverServers(waitMs = 1500): Promise<FoundServer[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundServer>();
    let bonjour: Bonjour;
    try {
      bonjour = new Bonjour({}, () => undefined);
    } catch {
      return resolve([]);
    }
    const browser = bonjour.find({ type: TYPE }, (s: Service) => {
      const txt = (s.txt ?? {}) as Record<string, unknown>;
      const host = typeof txt.host === 'string' && txt.host !== '0.0.0.0' ? txt.host : s.addresses?.find((a) => a.includes('.')) ?? s.referer?.address;
      if (!host) return;
      const url = `https://${host}:${s.port}`;
      const fp = typeof txt.fp === 'string' && /^[0-9A-Fa-f]{64}$/.test(txt.fp) ? txt.fp.toUpperCase().match(/../g)!.join(':') : null;
      found.set(url, { name: s.name, url, fingerprint: fp });
    });
    setTimeout(() => {
      browser.stop();
      bonjour.destroy();
      resolve([...found.values()]);
    }, waitMs);
  });
}
