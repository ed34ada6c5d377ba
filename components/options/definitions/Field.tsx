import type { ReactNode } from 'react';
import { FieldNotes, notesFor } from '../FieldNotes';

/** A labelled text input of the definition editor, with its help and inline error. */
export function Field({
  id,
  label,
  value,
  error,
  help,
  placeholder,
  onChange,
  onBlur,
  mono = false,
  children,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  help?: ReactNode;
  placeholder?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  mono?: boolean;
  children?: ReactNode;
}) {
  const describedBy = notesFor(id, help, error);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <span className="input-row">
        <input
          id={id}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          className={mono ? 'mono' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
        {children}
      </span>
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
