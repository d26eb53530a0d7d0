import { REWARD_NAMES, type RewardVector } from "@sv/rubric";

/** Running means of the weighted reward and of each reward. */
export class RewardMeans {
  private count = 0;
  private total = 0;
  private readonly sums: RewardVector = { accuracy: 0, format: 0, calibration: 0, asymmetric_cost: 0 };

  add(reward: number, rewards: RewardVector): void {
    this.count++;
    this.total += reward;
    for (const name of REWARD_NAMES) this.sums[name] += rewards[name];
  }

  result(): { reward: number } & RewardVector {
    const mean = (sum: number) => (this.count > 0 ? sum / this.count : 0);
    return {
      reward: mean(this.total),
      accuracy: mean(this.sums.accuracy),
      format: mean(this.sums.format),
      calibration: mean(this.sums.calibration),
      asymmetric_cost: mean(this.sums.asymmetric_cost),
    };
  }
}
