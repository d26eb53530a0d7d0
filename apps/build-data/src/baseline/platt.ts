export interface FitPlattOptions {
  logits: readonly number[];
  /** 1 malicious, 0 benign. */
  targets: readonly number[];
  /** Gaussian prior (L2) on the standardised slope and intercept (default 1: one pseudo-observation). */
  l2?: number;
  /** Newton iterations at most (default 100). */
  maxIterations?: number;
}

/** A fitted calibration `p = sigmoid(a·logit + b)` and how the fit went. */
export interface PlattFit {
  a: number;
  b: number;
  iterations: number;
  converged: boolean;
  /** Mean log loss of the fit on the data it was fitted on (Platt's smoothed targets). */
  logLoss: number;
  /** Why the fit is the identity or constant, when the data cannot support a slope. */
  note?: string;
}

interface Point {
  z: number;
  target: number;
}

const TOLERANCE = 1e-10;

function logSigmoid(value: number): number {
  return value >= 0 ? -Math.log1p(Math.exp(-value)) : value - Math.log1p(Math.exp(value));
}

function sigmoid(value: number): number {
  return value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
}

/** Penalised log loss (sum) of slope `a` and intercept `b` on standardised points. */
function objective(points: readonly Point[], a: number, b: number, l2: number): number {
  let sum = 0.5 * l2 * (a * a + b * b);
  for (const { z, target } of points) {
    const margin = a * z + b;
    sum -= target * logSigmoid(margin) + (1 - target) * logSigmoid(-margin);
  }
  return sum;
}

/**
 * Platt scaling, fitted robustly: logits are standardised, targets smoothed as Platt proposed
 * (`(N₊+1)/(N₊+2)` and `1/(N₋+2)`), and a small L2 prior on the standardised slope and intercept makes
 * the penalised log loss strictly convex, so its minimum is finite even on separable data (|slope| ≤ n/l2
 * in standard units). Newton steps with a backtracking line search never increase the loss; the loop
 * stops when the gradient vanishes or after `maxIterations`.
 */
export function fitPlatt(options: FitPlattOptions): PlattFit {
  const { logits, targets } = options;
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const count = logits.length;
  const positives = targets.filter((target) => target === 1).length;
  const negatives = count - positives;
  if (count === 0 || positives === 0 || negatives === 0) {
    return {
      a: 1,
      b: 0,
      iterations: 0,
      converged: true,
      logLoss: Number.NaN,
      note: `not calibrated: the calibration set has ${positives} malicious and ${negatives} benign rows`,
    };
  }
  const mean = logits.reduce((sum, logit) => sum + logit, 0) / count;
  const deviation = Math.sqrt(logits.reduce((sum, logit) => sum + (logit - mean) ** 2, 0) / count);
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const scale = deviation > 1e-12 ? deviation : 1;
  const points: Point[] = logits.map((logit, index) => ({
    z: (logit - mean) / scale,
    target: targets[index] === 1 ? high : low,
  }));
  let slope = 0;
  let intercept = 0;
  let loss = objective(points, slope, intercept, l2);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    let gradientA = l2 * slope;
    let gradientB = l2 * intercept;
    let hAA = l2;
    let hAB = 0;
    let hBB = l2;
    for (const { z, target } of points) {
      const probability = sigmoid(slope * z + intercept);
      const error = probability - target;
      const weight = probability * (1 - probability);
      gradientA += error * z;
      gradientB += error;
      hAA += weight * z * z;
      hAB += weight * z;
      hBB += weight;
    }
    if (Math.hypot(gradientA, gradientB) <= TOLERANCE * count) {
      converged = true;
      break;
    }
    // The prior keeps the Hessian positive definite (determinant ≥ l2²).
    const determinant = hAA * hBB - hAB * hAB;
    const stepA = (hBB * gradientA - hAB * gradientB) / determinant;
    const stepB = (hAA * gradientB - hAB * gradientA) / determinant;
    const decrease = gradientA * stepA + gradientB * stepB;
    let length = 1;
    let next = objective(points, slope - stepA, intercept - stepB, l2);
    while (next > loss - 1e-4 * length * decrease && length > 1e-10) {
      length /= 2;
      next = objective(points, slope - length * stepA, intercept - length * stepB, l2);
    }
    if (next > loss) {
      // No descent left at machine precision: the current point is the minimum.
      converged = true;
      break;
    }
    slope -= length * stepA;
    intercept -= length * stepB;
    const moved = length * (Math.abs(stepA) + Math.abs(stepB));
    loss = next;
    if (moved < 1e-12) {
      converged = true;
      break;
    }
  }
  const a = slope / scale;
  const b = intercept - (slope * mean) / scale;
  return {
    a,
    b,
    iterations,
    converged,
    logLoss: (loss - 0.5 * l2 * (slope * slope + intercept * intercept)) / count,
    ...(deviation > 1e-12 ? {} : { note: "constant logits on the calibration set: slope 0" }),
  };
}
