import { getContext, setContext } from 'svelte';

const DRUCKFASSUNG = Symbol('druckfassung');

/**
 * Everything below the calling component is laid out for paper (the Lagebericht): every chart's
 * table starts open, and charts are drawn as SVG during server rendering instead of by Chart.js
 * after hydration, so the page is complete without a script and its PDF keeps sharp lines and
 * searchable labels.
 */
export function alsDruckfassung(): void {
  setContext(DRUCKFASSUNG, true);
}

/** Whether the calling component is part of a Druckfassung (see `alsDruckfassung`). */
export function istDruckfassung(): boolean {
  return getContext<boolean | undefined>(DRUCKFASSUNG) === true;
}
