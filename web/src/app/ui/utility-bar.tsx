/** A utility (or a range while issues are open) against the BATNA, on the 0–1 scale. */
export interface UtilityBarProps {
  label: string;
  /** The utility, or [low, high] while part of the outcome is open. */
  utility: number | readonly [number, number];
  batna?: number;
}

const pct = (x: number) => `${Math.max(0, Math.min(1, x)) * 100}%`;
const fmt = (x: number) => x.toFixed(2);

/**
 * A horizontal bar: the filled part is the utility (a band for a range), the tick the BATNA. Colour is never the
 * only signal: the numbers and "below BATNA" are written out.
 */
export function UtilityBar({ label, utility, batna }: UtilityBarProps) {
  const [low, high] = typeof utility === 'number' ? [utility, utility] : utility;
  const below = batna !== undefined && high < batna;
  const value = low === high ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
  const text = `${label}: utility ${value}${batna !== undefined ? `, BATNA ${fmt(batna)}` : ''}${below ? ', below BATNA' : ''}`;
  return (
    <div className="utility-bar" role="img" aria-label={text}>
      <span className="utility-label">{label}</span>
      <span className={`utility-track${below ? ' below' : ''}`}>
        <span className="utility-fill" style={{ width: pct(low) }} />
        {high > low && <span className="utility-range" style={{ left: pct(low), width: pct(high - low) }} />}
        {batna !== undefined && <span className="utility-batna" style={{ left: pct(batna) }} />}
      </span>
      <span className="utility-value">
        {value}
        {below && <span className="utility-below"> below BATNA</span>}
      </span>
    </div>
  );
}
