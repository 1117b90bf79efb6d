import type { ReactNode } from 'react';
import type { Disclosed } from './disclosure.js';

/** A part the viewer is not sent, said in words (never a blank). */
export function WithheldNote({ note, inline = false }: { note: string; inline?: boolean }) {
  const text = `${note.charAt(0).toUpperCase()}${note.slice(1)}${note.endsWith('.') ? '' : '.'}`;
  return inline ? <span className="withheld-note">{text}</span> : <p className="withheld-note">{text}</p>;
}

/** Renders a disclosed part, or its withheld note. */
export function Shown<T>({
  part,
  inline = false,
  children,
}: {
  part: Disclosed<T>;
  inline?: boolean;
  children: (value: T) => ReactNode;
}) {
  return part.disclosed ? children(part.value) : <WithheldNote note={part.note} inline={inline} />;
}
