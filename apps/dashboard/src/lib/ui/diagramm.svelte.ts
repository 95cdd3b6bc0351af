import { onMount } from 'svelte';
import type { Chart, ChartConfiguration, ChartOptions, ChartType } from 'chart.js';
import type { VektorDaten } from './vektor-diagramm';

/** What every chart of the app shares: it fills its figure, never animates, a tooltip shows all series of a point. */
export const GRUNDOPTIONEN = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
  locale: 'de-DE',
} as const satisfies ChartOptions;

/**
 * Axes and legend as every chart of the app has them: no vertical grid lines, the y axis from zero
 * titled with its unit, the legend below; `x`, `yTicks` and `legende` add a chart's own settings.
 * `schrift` (px) sizes all of their text for the big screen; without it Chart.js's default applies.
 */
export function achsenUndLegende(
  schrift: number | undefined,
  einheit: string,
  eigene: { x?: object; yTicks?: object; legende?: object } = {},
) {
  const font = schrift ? { font: { size: schrift } } : {};
  return {
    scales: {
      x: { grid: { display: false }, ticks: { ...eigene.x, ...font } },
      y: { beginAtZero: true, ticks: { ...eigene.yTicks, ...font }, title: { display: true, text: einheit, ...font } },
    },
    legend: { position: 'bottom', labels: { ...eigene.legende, ...font } },
  } as const;
}

/**
 * Draws a Chart.js chart on a canvas of the calling component (call during its initialisation).
 * Chart.js needs a canvas, so it is loaded after hydration and never during server rendering;
 * `laden` brings it with the controllers this chart uses. New numbers (a live update, another day
 * or area) only replace the labels and each dataset's data: the chart and its datasets stay.
 */
export function diagramm<A extends ChartType>(
  canvas: () => HTMLCanvasElement | undefined,
  laden: () => Promise<{ Chart: typeof Chart }>,
  konfiguration: () => ChartConfiguration<A, number[], string>,
  daten: () => Pick<VektorDaten, 'labels' | 'reihen'>,
): void {
  let chart = $state.raw<Chart<A, number[], string>>();
  onMount(() => {
    // No canvas: a Druckfassung draws the chart as SVG, Chart.js is not needed.
    if (!canvas()) return;
    let disposed = false;
    void laden().then(({ Chart }) => {
      const element = canvas();
      if (disposed || !element) return;
      chart = new Chart(element, konfiguration());
      // Drawn (charts never animate): what the PDF renderer and the print view wait for.
      element.dataset.gezeichnet = '';
    });
    return () => {
      disposed = true;
      chart?.destroy();
    };
  });
  $effect(() => {
    if (!chart) return;
    const { labels, reihen } = daten();
    chart.data.labels = [...labels];
    reihen.forEach((reihe, index) => {
      const dataset = chart?.data.datasets[index];
      if (dataset) dataset.data = [...reihe.werte];
    });
    chart.update();
  });
}
