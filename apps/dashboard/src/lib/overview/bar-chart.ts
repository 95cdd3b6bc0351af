import { BarController, BarElement } from 'chart.js';
import { Chart } from '$lib/ui/chart';

// The bar parts are registered here, once, on top of the shared line-chart setup: pages without a
// bar chart do not load them.
Chart.register(BarController, BarElement);

export { Chart };
