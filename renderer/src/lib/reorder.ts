/**
 * Moves `id` one step past its visible neighbour (`delta` −1 up, +1 down). With a search active
 * only some ids are visible; hidden ones keep their places relative to each other.
 * Returns null when the move is impossible (already first/last, or not visible).
 */
export function moveByStep(
  ids: readonly string[],
  visible: readonly string[],
  id: string,
  delta: -1 | 1,
): string[] | null {
  const at = visible.indexOf(id);
  const neighbour = visible[at + delta];
  if (at < 0 || neighbour === undefined) return null;
  return moveTo(ids, id, neighbour, delta < 0 ? 'before' : 'after');
}

/** Moves `id` to just before or after `targetId` (a drag and drop); null when nothing changes. */
export function moveTo(
  ids: readonly string[],
  id: string,
  targetId: string,
  place: 'before' | 'after',
): string[] | null {
  if (id === targetId || !ids.includes(id) || !ids.includes(targetId)) return null;
  const rest = ids.filter((x) => x !== id);
  const target = rest.indexOf(targetId);
  rest.splice(place === 'before' ? target : target + 1, 0, id);
  return rest.every((x, i) => x === ids[i]) ? null : rest;
}
