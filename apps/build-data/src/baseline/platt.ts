export interface FitPlattOptions {
  logits: readonly number[];
  /** 1 malicious, 0 benign. */
  targets: readonly number[];
}

/**
 * Platt scaling: fit p = sigmoid(a·logit + b) by Newton's method on the log loss, with Platt's
 * smoothed targets so a perfectly separated dev set does not send `a` to infinity.
 */
export function fitPlatt(options: FitPlattOptions): { a: number; b: number } {
  const { logits, targets } = options;
  const positives = targets.filter((target) => target === 1).length;
  const negatives = targets.length - positives;
  if (positives === 0 || negatives === 0) return { a: 1, b: 0 };
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let gradientA = 0;
    let gradientB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    logits.forEach((logit, index) => {
      const probability = 1 / (1 + Math.exp(-(a * logit + b)));
      const target = targets[index] === 1 ? high : low;
      const error = probability - target;
      const weight = probability * (1 - probability);
      gradientA += error * logit;
      gradientB += error;
      hAA += weight * logit * logit;
      hAB += weight * logit;
      hBB += weight;
    });
    const determinant = hAA * hBB - hAB * hAB;
    if (Math.abs(determinant) < 1e-12) break;
    const stepA = (hBB * gradientA - hAB * gradientB) / determinant;
    const stepB = (hAA * gradientB - hAB * gradientA) / determinant;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-9) break;
  }
  return { a, b };
}
