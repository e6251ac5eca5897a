/**
 * ECharts, only what the dashboard draws (line and bar charts on a canvas, with axes,
 * tooltip and legend), loaded by the dashboard alone: this module is
 * imported dynamically, so no other page ships it.
 */

import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export { init }
