/**
 * ECharts' heatmap and its colour scale, added to the console's charts (console/charts.ts)
 * by the courier desk's statistics only: imported before its heatmap is drawn, so the
 * intake's statistics never load them.
 */

import { HeatmapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'

use([HeatmapChart, VisualMapComponent])

export const heatmapReady = true
