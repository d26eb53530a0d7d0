import type { ContextOptions, ContextStats } from "./context-options.js";
import { emptyContextStats } from "./context-options.js";

interface Slot<T> {
  time: number;
  value: T;
}

/** The last K flows of one host, in the order they were written (a ring). */
interface HostRing<T> {
  /** At least `size` slots; slots past `size` are an evicted host's, kept for their memory. */
  slots: Slot<T>[];
  /** Slots in use (≤ K). */
  size: number;
  /** Index of the next slot to overwrite once the ring is full. */
  next: number;
  /** Latest start time seen for this host (to count out-of-order flows). */
  latest: number;
  /** Seen since it last reached the front of the eviction order (second chance). */
  touched: boolean;
}

/**
 * Per-file memory of each originator host's last K flows, for context questions. Memory is bounded by
 * `flows × maxHosts` entries whatever the file's size: hosts beyond `maxHosts` evict one that has not
 * been seen for a long time (counted), by the clock (second-chance) rule: the hand passes over hosts
 * seen since it last passed them and evicts the first one that was not. That keeps a flow's cost to
 * one map lookup; the order is deterministic. Only flows written earlier in the file can be context (one streaming pass, no
 * look-ahead), and of those only the ones that started no later than the flow and inside the window.
 *
 * `T` is what a remembered flow is stored as (raw bytes for Zeek lines, a flow for CSV records); a
 * slot's previous value is handed back when it is overwritten, so its memory can be reused.
 */
export class HostContext<T> {
  private readonly options: ContextOptions;
  private readonly hosts = new Map<string, HostRing<T>>();
  /** The kept hosts on a clock (at most `maxHosts`); `hand` points at the next one to check. */
  private readonly clock: string[] = [];
  private hand = 0;
  private readonly counts: ContextStats = emptyContextStats();

  constructor(options: ContextOptions) {
    this.options = options;
  }

  /**
   * The remembered flows of `host` that may be context for a flow that started at `time`: started at or
   * before it and at most `windowSeconds` earlier, oldest first (ties in the order they were written).
   */
  before(host: string, time: number): T[] {
    const ring = this.hosts.get(host);
    if (ring === undefined) return [];
    const { slots, next, size } = ring;
    const ordered: Slot<T>[] = [];
    for (let offset = 0; offset < size; offset++) {
      const slot = slots[(next + offset) % size]!;
      if (slot.time <= time && time - slot.time <= this.options.windowSeconds) ordered.push(slot);
    }
    // Array.prototype.sort is stable: equal times keep their written order.
    ordered.sort((left, right) => left.time - right.time);
    return ordered.map((slot) => slot.value);
  }

  /**
   * Remember a flow of `host`; `fill` makes its stored value, reusing an overwritten slot's value if
   * given. A new host takes over the ring of the host it evicts, slot values included, so a file with
   * more hosts than `maxHosts` allocates at most `flows × maxHosts` values in all.
   */
  remember(host: string, time: number, fill: (reuse: T | undefined) => T): void {
    let ring = this.hosts.get(host);
    if (ring === undefined) {
      if (this.clock.length < this.options.maxHosts) {
        ring = { slots: [], size: 0, next: 0, latest: time, touched: false };
        this.clock.push(host);
      } else ring = this.replaceOne(host, time);
      this.hosts.set(host, ring);
    } else {
      ring.touched = true;
      if (time < ring.latest) this.counts.flows_out_of_order++;
    }
    ring.latest = Math.max(ring.latest, time);
    this.counts.flows_remembered++;
    if (ring.size < this.options.flows) {
      const recycled = ring.slots[ring.size];
      if (recycled === undefined) ring.slots.push({ time, value: fill(undefined) });
      else {
        recycled.time = time;
        recycled.value = fill(recycled.value);
      }
      ring.size++;
      return;
    }
    const slot = ring.slots[ring.next]!;
    slot.time = time;
    slot.value = fill(slot.value);
    ring.next = (ring.next + 1) % ring.size;
  }

  /**
   * Evict the first host under the hand not seen since the hand last passed it; `host` takes its place
   * and its emptied ring.
   */
  private replaceOne(host: string, time: number): HostRing<T> {
    const size = this.clock.length;
    for (;;) {
      const candidate = this.clock[this.hand]!;
      const ring = this.hosts.get(candidate)!;
      if (!ring.touched) break;
      ring.touched = false;
      this.hand = (this.hand + 1) % size;
    }
    const evicted = this.clock[this.hand]!;
    const ring = this.hosts.get(evicted)!;
    this.hosts.delete(evicted);
    this.clock[this.hand] = host;
    this.hand = (this.hand + 1) % size;
    this.counts.hosts_evicted++;
    ring.size = 0;
    ring.next = 0;
    ring.latest = time;
    ring.touched = false;
    return ring;
  }

  /** Count a flow that has no usable time or originator host. */
  countUnplaced(): void {
    this.counts.flows_without_time_or_host++;
  }

  /** Count a remembered flow left out of a context because a value failed the checks. */
  countInvalid(): void {
    this.counts.context_flows_invalid++;
  }

  /** Hosts currently kept (never more than `maxHosts`). */
  get hostCount(): number {
    return this.hosts.size;
  }

  /** Flows currently remembered, over all kept hosts (never more than `flows × maxHosts`). */
  get flowCount(): number {
    let count = 0;
    for (const ring of this.hosts.values()) count += ring.size;
    return count;
  }

  stats(): ContextStats {
    return { ...this.counts };
  }
}
