/**
 * A closed set of codes, written once as the map of their German labels. The codes in the map's order
 * are the list (process order, scale order …): a code cannot be added without its label.
 */
export function codesOf<const K extends string>(labels: Record<K, string>): readonly K[] {
  return Object.keys(labels) as K[];
}
