/** A verdict as a badge with its word written out (colour only adds to it). */
export type Verdict = 'accept' | 'reject' | 'open' | 'withheld';

const TEXT: Record<Verdict, string> = {
  accept: 'accepts',
  reject: 'rejects',
  open: 'open',
  withheld: 'withheld',
};

export function VerdictBadge({ verdict, label }: { verdict: Verdict; label?: string }) {
  return <span className={`badge badge-${verdict}`}>{label ?? TEXT[verdict]}</span>;
}
