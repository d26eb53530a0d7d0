import { type Candidate, compareCandidates } from "./candidate.js";

/**
 * A bottom-k sample that is unique on the flow hash: it keeps the `capacity` distinct flows with the
 * smallest priorities (each flow at its smallest copy). Mergeable and independent of insertion order.
 */
export class Reservoir {
  readonly capacity: number;
  /** Candidates dropped because the same flow (hash) was already held. */
  duplicates = 0;
  private readonly heap: Candidate[] = [];
  private readonly byHash = new Map<string, Candidate>();
  private readonly byPriority = new Map<number, Candidate>();

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.heap.length;
  }

  /** Whether a candidate with this priority could enter (ties are let through to the full comparison). */
  accepts(priority: number): boolean {
    if (this.capacity <= 0) return false;
    return this.heap.length < this.capacity || priority <= this.heap[0]!.priority;
  }

  /**
   * Whether a flow whose raw content bytes equal those of a held candidate with the same priority is
   * a copy of it; such a copy read later never wins, so it is counted and dropped without decoding.
   */
  dropsRawCopy(priority: number, buffer: Buffer, start: number, end: number): boolean {
    const held = this.byPriority.get(priority);
    if (held?.raw === undefined || held.raw.length !== end - start) return false;
    if (held.raw.compare(buffer, start, end) !== 0) return false;
    this.duplicates++;
    return true;
  }

  offer(candidate: Candidate): void {
    if (this.capacity <= 0) return;
    const held = this.byHash.get(candidate.hash);
    if (held !== undefined) {
      this.duplicates++;
      if (compareCandidates(candidate, held) < 0) {
        const index = this.heap.indexOf(held);
        this.heap[index] = candidate;
        this.byHash.set(candidate.hash, candidate);
        this.unindex(held);
        this.byPriority.set(candidate.priority, candidate);
        this.siftUp(index);
        this.siftDown(index);
      }
      return;
    }
    if (this.heap.length < this.capacity) {
      this.heap.push(candidate);
      this.byHash.set(candidate.hash, candidate);
      this.byPriority.set(candidate.priority, candidate);
      this.siftUp(this.heap.length - 1);
      return;
    }
    const top = this.heap[0]!;
    if (compareCandidates(candidate, top) >= 0) return;
    this.byHash.delete(top.hash);
    this.unindex(top);
    this.heap[0] = candidate;
    this.byHash.set(candidate.hash, candidate);
    this.byPriority.set(candidate.priority, candidate);
    this.siftDown(0);
  }

  /** The held candidates, smallest first. */
  sorted(): Candidate[] {
    return [...this.heap].sort(compareCandidates);
  }

  private unindex(candidate: Candidate): void {
    if (this.byPriority.get(candidate.priority) === candidate) this.byPriority.delete(candidate.priority);
  }

  private siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compareCandidates(this.heap[index]!, this.heap[parent]!) <= 0) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(start: number): void {
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < this.heap.length && compareCandidates(this.heap[left]!, this.heap[largest]!) > 0)
        largest = left;
      if (right < this.heap.length && compareCandidates(this.heap[right]!, this.heap[largest]!) > 0)
        largest = right;
      if (largest === index) return;
      this.swap(index, largest);
      index = largest;
    }
  }

  private swap(first: number, second: number): void {
    const item = this.heap[first]!;
    this.heap[first] = this.heap[second]!;
    this.heap[second] = item;
  }
}
