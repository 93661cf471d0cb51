import { useEffect, useRef, type ReactNode } from 'react';

/** A modal over the board. Esc is handled by the kitchen's key map; a tap outside closes it. */
export function Dialog({ title, onClose, children, testId }: { title: ReactNode; onClose(): void; children: ReactNode; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Focus the box, not a button: the Enter that opened the dialog must not also press a choice.
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="overlay" onClick={onClose}>
      <div ref={box} className="dialog" role="dialog" aria-modal="true" tabIndex={-1} data-testid={testId} onClick={(e) => e.stopPropagation()}>
        <h2 className="dialog__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
