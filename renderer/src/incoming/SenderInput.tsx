/**
 * The sender (tác giả) field: free text with suggestions from external units
 * and from senders already in the register. ↓/↑ move, Enter or Tab accepts.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fetchValue } from '../api/client';

interface Suggestion {
  name: string;
  unitId: number | null;
}

interface Props {
  id: string;
  value: string;
  invalid: boolean;
  onChange: (name: string, unitId: number | null) => void;
}

export function SenderInput({ id, value, invalid, onChange }: Props) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current || value.trim() === '') {
      setItems([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      fetchValue('incoming.senders', { q: value, limit: 8 })
        .then((r) => {
          if (!live) return;
          setItems(r.items);
          setActive(r.items.length ? 0 : -1);
          setOpen(r.items.length > 0);
        })
        .catch(() => setItems([]));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [value]);

  function accept(s: Suggestion) {
    typed.current = false;
    onChange(s.name, s.unitId);
    setOpen(false);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (!open || items.length === 0) return;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % items.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + items.length) % items.length);
    else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
      accept(items[active]!);
      if (e.key === 'Tab') return; // let Tab move on to the next field
    } else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  }

  const listId = `${id}-list`;
  return (
    <div className="combo">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          typed.current = true;
          onChange(e.target.value, null);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open ? (
        <ul className="combo-list" role="listbox" id={listId}>
          {items.map((s, i) => (
            <li
              key={`${s.name}-${i}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(s);
              }}
            >
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
