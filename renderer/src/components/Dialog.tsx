/**
 * The app's own dialogs. Electron has no window.prompt, and the browser's
 * confirm speaks the browser's language: every question goes through here.
 * Esc and a click outside close; focus goes to the first field or button.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ label, onClose, children, className }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    // Captured, so the innermost dialog (opened last) is the one Esc closes.
    window.addEventListener('keydown', onKey, true);
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus], input, textarea, select, button.primary, button');
    first?.focus();
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div ref={box} className={className ?? 'dialog'} role="dialog" aria-modal="true" aria-label={label} onMouseDown={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  );
}

interface Question {
  title: string;
  text?: string;
  ok: string;
  danger?: boolean;
  /** With a label: a text to type (the reason), required unless optional. */
  input?: { label: string; optional?: boolean };
}

type Answer = { ok: true; text: string } | { ok: false };
type Ask = (q: Question) => Promise<Answer>;

const AskContext = createContext<Ask | null>(null);

/** Provides confirm and prompt to the whole app, drawn as the app's own dialog. */
export function AskProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ q: Question; resolve: (a: Answer) => void } | null>(null);
  const ask = useCallback<Ask>((q) => new Promise<Answer>((resolve) => setCurrent({ q, resolve })), []);
  return (
    <AskContext.Provider value={ask}>
      {children}
      {current ? (
        <AskDialog
          key={current.q.title}
          question={current.q}
          onAnswer={(a) => {
            current.resolve(a);
            setCurrent(null);
          }}
        />
      ) : null}
    </AskContext.Provider>
  );
}

function AskDialog({ question: q, onAnswer }: { question: Question; onAnswer: (a: Answer) => void }) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  function accept() {
    if (q.input && !q.input.optional && !text.trim()) return setMissing(true);
    onAnswer({ ok: true, text: text.trim() });
  }
  return (
    <Dialog label={q.title} onClose={() => onAnswer({ ok: false })}>
      <form
        className="ask"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          accept();
        }}
      >
        <h2>{q.title}</h2>
        {q.text ? <p>{q.text}</p> : null}
        {q.input ? (
          <div className={missing ? 'field field-invalid' : 'field'}>
            <label htmlFor="ask-text">{q.input.label}{q.input.optional ? null : <span className="required" aria-hidden="true"> *</span>}</label>
            <textarea id="ask-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} data-autofocus="" />
            {missing ? <div className="field-error" role="alert">{q.input.label} không được để trống.</div> : null}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className={q.danger ? 'danger' : 'primary'} data-autofocus={q.input ? undefined : ''}>{q.ok}</button>
          <button type="button" onClick={() => onAnswer({ ok: false })}>Thôi</button>
        </div>
      </form>
    </Dialog>
  );
}

export function useAsk() {
  const ask = useContext(AskContext);
  if (!ask) throw new Error('useAsk cần AskProvider');
  return {
    /** true when the user accepted. */
    confirm: async (q: Omit<Question, 'input'>) => (await ask(q)).ok,
    /** The typed text, or null when the user gave up. */
    prompt: async (q: Question & { input: NonNullable<Question['input']> }) => {
      const a = await ask(q);
      return a.ok ? a.text : null;
    },
  };
}

