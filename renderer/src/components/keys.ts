/** Keyboard habits shared by the pages: Esc closes a panel, Alt+letter opens its form. */
import { useEffect, useRef } from 'react';

/** Side panels (registration form, detail) close on Esc too, unless a field or a dialog used the key first. */
export function useEscape(onClose: () => void) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // In a field with suggestions, Esc belongs to the field (closing its list), never to the form.
      const inCombo = e.target instanceof Element && e.target.closest('[role=combobox]');
      if (e.key === 'Escape' && !e.defaultPrevented && !inCombo) close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Alt+key runs the action (Alt+N: a new record on the page), while enabled. */
export function useAltKey(key: string, action: () => void, enabled = true) {
  const run = useRef(action);
  run.current = action;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === key) {
        e.preventDefault();
        run.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}
