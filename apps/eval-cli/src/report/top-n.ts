/**
 * Keeps the `capacity` items of highest priority seen so far, in O(log capacity) per item and
 * O(capacity) memory: a min-heap whose root is the next item to drop.
 */
export class TopN<T> {
  private readonly heap: { item: T; priority: number }[] = [];

  constructor(private readonly capacity: number) {}

  /** Whether an item of this priority would be kept (check before building an expensive item). */
  admits(priority: number): boolean {
    return this.heap.length < this.capacity || (this.heap.length > 0 && priority > this.heap[0]!.priority);
  }

  add(item: T, priority: number): void {
    if (!this.admits(priority)) return;
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push({ item, priority });
      this.siftUp(heap.length - 1);
    } else {
      heap[0] = { item, priority };
      this.siftDown(0);
    }
  }

  /** The kept items, in no particular order. */
  items(): T[] {
    return this.heap.map((entry) => entry.item);
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    let child = start;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (heap[parent]!.priority <= heap[child]!.priority) break;
      [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
      child = parent;
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let parent = start;
    while (true) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < heap.length && heap[left]!.priority < heap[smallest]!.priority) smallest = left;
      if (right < heap.length && heap[right]!.priority < heap[smallest]!.priority) smallest = right;
      if (smallest === parent) return;
      [heap[parent], heap[smallest]] = [heap[smallest]!, heap[parent]!];
      parent = smallest;
    }
  }
}
