/** Edit distance with adjacent transpositions (optimal string alignment), two rows at a time. */
function editDistance(left: string, right: string): number {
  let before = Array.from({ length: right.length + 1 }, (_, index) => index);
  let previous = before;
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      ) {
        best = Math.min(best, before[column - 2]! + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * The subcommand a mistyped word most likely meant (`reprot` → `report`), or undefined when no name
 * is close: at most 1 edit for names of up to 4 letters, 2 for longer ones, or a prefix of 3+ letters.
 */
export function suggestCommand(word: string, names: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    if (word === name) return undefined;
    if (typed === name) return name;
    const distance = typed.length >= 3 && name.startsWith(typed) ? 1 : editDistance(typed, name);
    const allowed = name.length <= 4 ? 1 : 2;
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
