/** zod's own messages in Vietnamese, for whatever a field helper does not cover. */
import { z } from 'zod';

let done = false;
export function installVietnameseMessages(): void {
  if (done) return;
  z.config(z.locales.vi());
  done = true;
}
