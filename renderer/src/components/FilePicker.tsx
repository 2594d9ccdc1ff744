/**
 * The app's own file picker: a button in Vietnamese instead of the browser's
 * "Choose File" / "No file chosen"; the native input stays hidden and is
 * opened by the button (and filled by tests through its label).
 */
import { useRef, type ReactNode } from 'react';

interface Props {
  /** The button's text, e.g. "Chọn tệp Excel…". */
  children: ReactNode;
  /** The hidden input's accessible name. */
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  title?: string;
  className?: string;
  /** The chosen file's name, shown beside the button; omit to show nothing. */
  chosen?: string | null;
  onFiles: (files: File[]) => void;
}

export function FilePicker({ children, label, accept, multiple, disabled, title, className, chosen, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="file-picker">
      <button type="button" className={className} disabled={disabled} title={title} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={multiple}
        aria-label={label}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared so that choosing the same file again is seen as a new choice.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      {chosen !== undefined ? <span className="muted small">{chosen ?? 'Chưa chọn tệp'}</span> : null}
    </span>
  );
}
