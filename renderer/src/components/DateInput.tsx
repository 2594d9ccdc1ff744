/**
 * A date typed day first (05/09/2022, 5/9, 05092022) whatever the browser's
 * language; the value travels as ISO. Applied on Enter or when leaving the field.
 */
import { useEffect, useState } from 'react';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';

interface Props {
  value: string | null;
  onChange: (iso: string | null) => void;
  label: string;
  id?: string;
}

export function DateInput({ value, onChange, label, id }: Props) {
  const [text, setText] = useState(formatDateVi(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(formatDateVi(value)), [value]);
  function apply() {
    if (text.trim() === '') {
      setBad(false);
      return onChange(null);
    }
    const iso = parseDateVi(text, toIsoDate(new Date()));
    setBad(!iso);
    if (iso) onChange(iso);
  }
  return (
    <input
      id={id}
      className="date"
      aria-label={label}
      aria-invalid={bad}
      title={bad ? 'Nhập dạng ngày/tháng/năm, ví dụ 05/09/2022' : undefined}
      placeholder="ngày/tháng/năm"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
    />
  );
}
