import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  testId?: string;
  /** Called on blur or Enter when the text changed; the entry is appended to the log. */
  onSave(value: string): Promise<unknown>;
}

/** A text field that saves when the user leaves it (or presses Enter), never on each key. */
export function AnnotationField({ label, value, placeholder, multiline, testId, onSave }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'error'>('idle');
  useEffect(() => setText(value), [value]);
  const commit = async () => {
    if (text.trim() === value.trim()) return;
    setState('saving');
    try {
      await onSave(text.trim());
      setState('idle');
    } catch {
      setState('error');
    }
  };
  const common = {
    id,
    value: text,
    placeholder,
    'data-testid': testId,
    'data-state': state,
    'aria-invalid': state === 'error' || undefined,
    onChange: (e: { currentTarget: { value: string } }) => setText(e.currentTarget.value),
    onBlur: commit,
  };
  return (
    <div className="annotation">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          type="text"
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
            if (e.key === 'Escape') setText(value);
          }}
        />
      )}
    </div>
  );
}
