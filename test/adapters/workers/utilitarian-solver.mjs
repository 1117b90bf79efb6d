/**
 * A brute-force utilitarian bargaining solution for tests: the outcome (by mixed-radix index) with the largest
 * sum of utilities over the whole space, the first on ties. Plain JavaScript so that worker threads can load it.
 */
export default function utilitarian(fns, { compiled }) {
  const radix = compiled.space.radix;
  const outcome = new Int32Array(radix.length);
  let bestIndex = 0;
  let bestSum = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < compiled.space.size; index++) {
    let rest = index;
    for (let i = radix.length - 1; i >= 0; i--) {
      outcome[i] = rest % radix[i];
      rest = Math.floor(rest / radix[i]);
    }
    let sum = 0;
    for (const fn of fns) {
      for (let i = 0; i < fn.contribution.length; i++) sum += fn.contribution[i][outcome[i]];
      for (const a of fn.adjustments) if (holdsRule(a.when, outcome)) sum += a.delta;
    }
    if (sum > bestSum + 1e-9) {
      bestSum = sum;
      bestIndex = index;
    }
  }
  return String(bestIndex);
}

function holdsRule(rule, outcome) {
  switch (rule.kind) {
    case 'leaf':
      return rule.mask[outcome[rule.issue]] === 1;
    case 'all':
      return rule.rules.every((r) => holdsRule(r, outcome));
    case 'any':
      return rule.rules.some((r) => holdsRule(r, outcome));
    default:
      return !holdsRule(rule.rule, outcome);
  }
}
