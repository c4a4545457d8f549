import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// SVG: crisp at any zoom, lighter on phones, and the chart's text (axis labels, denial markers) is in the DOM.
// Only the parts our charts use, so the lazily loaded chart chunk stays small (ECharts tree-shaking API).
echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
