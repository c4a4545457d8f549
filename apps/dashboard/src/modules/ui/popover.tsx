import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A disclosure button with a non-modal panel (WAI-ARIA disclosure pattern): Escape closes it and
 * returns focus to the button, a click outside closes it.
 */
export function Popover({ label, buttonContent, children }: { label: string; buttonContent: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="popover" ref={root}>
      <button ref={button} type="button" className="popover-button" aria-expanded={open} aria-controls={id} aria-label={label} onClick={() => setOpen((o) => !o)}>
        {buttonContent}
      </button>
      <div id={id} className="popover-panel" role="region" aria-label={label} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
