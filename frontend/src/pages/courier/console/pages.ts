/**
 * The courier desk's pages, one chunk: the router names each through `courierPage`, so the
 * bundle every page loads (the resident's hub too) holds one lazy import for them all, not one
 * per page with its list of styles. Element Plus's pieces stay lazier still (console/lazy).
 */

export { default as CourierDesk } from './CourierDesk.vue'
export { default as LivePage } from './LivePage.vue'
export { default as ScanCardPage } from './ScanCardPage.vue'
export { default as VisitsPage } from './VisitsPage.vue'
export { default as VisitPage } from './VisitPage.vue'
export { default as SuppliesPage } from './SuppliesPage.vue'
export { default as ActivitiesPage } from './ActivitiesPage.vue'
export { default as ActivityPage } from './ActivityPage.vue'
export { default as StatsPage } from './StatsPage.vue'
