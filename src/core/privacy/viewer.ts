/** Who is looking: the mediator sees everything; a delegate sees its own party's private data; an observer none. */
export type Viewer = { role: 'mediator' } | { role: 'delegate'; party: string } | { role: 'observer' };

/** The party whose private data the viewer may see, if any ('*' for the mediator). */
export function ownParty(viewer: Viewer): string | '*' | undefined {
  if (viewer.role === 'mediator') return '*';
  return viewer.role === 'delegate' ? viewer.party : undefined;
}

/** Whether the viewer may see `party`'s private preferences. */
export function maySee(viewer: Viewer, party: string): boolean {
  const own = ownParty(viewer);
  return own === '*' || own === party;
}
