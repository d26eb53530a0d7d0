/**
 * The unbiased pass@k estimator of Chen et al. (2021), "Evaluating Large Language Models Trained on
 * Code": with n samples of which c are correct, 1 - C(n-c, k) / C(n, k), computed as a product so large
 * n does not overflow. Undefined (NaN) when k > n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || k < 1 || c < 0 || c > n) {
    return Number.NaN;
  }
  if (k > n) return Number.NaN;
  if (n - c < k) return 1;
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}
