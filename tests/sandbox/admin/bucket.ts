// Shopify's leaky bucket per app and shop: `maximumAvailable` points that refill at
// `restoreRate` points per second. A query whose cost exceeds what is available is THROTTLED.
export interface BucketConfig {
  maximumAvailable: number;
  restoreRate: number;
}

export const STANDARD_PLAN: BucketConfig = { maximumAvailable: 2000, restoreRate: 100 };
export const PLUS_PLAN: BucketConfig = { maximumAvailable: 20000, restoreRate: 1000 };

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    public config: BucketConfig,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.available = config.maximumAvailable;
    this.updatedAt = clock();
  }

  private refill(): void {
    const at = this.clock();
    this.available = Math.min(
      this.config.maximumAvailable,
      this.available + ((at - this.updatedAt) / 1000) * this.config.restoreRate,
    );
    this.updatedAt = at;
  }

  /** Takes `cost` points if available; returns whether it could. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.available = Math.min(this.config.maximumAvailable, this.available + points);
  }

  drain(): void {
    this.refill();
    this.available = 0;
  }

  status() {
    this.refill();
    return {
      maximumAvailable: this.config.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.config.restoreRate,
    };
  }
}
