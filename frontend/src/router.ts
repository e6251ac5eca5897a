/**
 * The routes. Every page is its own chunk (lazy), so a resident who scans a door code loads
 * the hub and nothing of the console. Paths match case-insensitively (vue-router's default),
 * so `/Q/<TOKEN>` from a QR code in alphanumeric mode opens the same page as `/q/<token>`.
 */

import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { PERM, ADMIN_PERMS, PLACE_PERMS, TICKET_PERMS } from './console/perms'
import { loadMe, signedIn } from './console/session'
import { COURIER_PERM, COURIER_PERMS } from './pages/courier/console/perms'
import { SOON_TILES } from './services'

export type ConsoleTab = 'home' | 'tickets' | 'places' | 'admin' | 'me'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page's title (the document title and the console's nav bar). */
    titleKey?: string
    /** Needs a signed-in staff member. */
    staff?: boolean
    /** Needs one of these permissions somewhere in the staff member's grants. */
    perms?: readonly string[]
    /** The console tab the page belongs to; tab roots have no back arrow. */
    tab?: ConsoleTab
    tabRoot?: boolean
  }
}

// The warm station's desk: its pages are one chunk (pages/courier/console/pages.ts).
type CourierPages = typeof import('./pages/courier/console/pages')
const courierPage = (name: keyof CourierPages) => () => import('./pages/courier/console/pages').then((pages) => pages[name])

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./pages/misc/LandingPage.vue'), meta: { titleKey: 'home.title' } },
  {
    path: '/q/:token',
    component: () => import('./pages/scan/ScanPage.vue'),
    props: true,
    meta: { titleKey: 'scan.title' },
  },
  {
    path: '/q/:token/report',
    component: () => import('./pages/intake/resident/ReportPage.vue'),
    props: true,
    meta: { titleKey: 'report.title' },
  },
  {
    path: '/q/:token/report/done/:trackingToken',
    component: () => import('./pages/intake/resident/ReportDone.vue'),
    props: true,
    meta: { titleKey: 'reportDone.title' },
  },
  // Reporting was "coming soon" here once: links kept from then open the form.
  { path: '/q/:token/soon/report', redirect: (to) => `/q/${String(to.params.token)}/report` },
  // The hub's tiles of services not built yet (services.toml); none once all are built.
  ...(SOON_TILES.length
    ? [
        {
          path: `/q/:token/soon/:feature(${SOON_TILES.join('|')})`,
          component: () => import('./pages/scan/SoonPage.vue'),
          props: true,
          meta: { titleKey: 'soon.title' },
        },
      ]
    : []),
  {
    path: '/q/:token/mine',
    component: () => import('./pages/intake/resident/MyReports.vue'),
    props: true,
    meta: { titleKey: 'mine.title' },
  },
  // The resident's 我的 (from the hub's header): volunteer hours now, more sections later.
  {
    path: '/q/:token/me',
    component: () => import('./pages/resident/MyPage.vue'),
    props: true,
    meta: { titleKey: 'myPage.title' },
  },
  {
    // The link a reporter keeps (and is texted): the report's progress.
    path: '/t/:trackingToken',
    component: () => import('./pages/intake/resident/TrackPage.vue'),
    props: true,
    meta: { titleKey: 'track.title' },
  },
  {
    path: '/console/login',
    component: () => import('./pages/console/LoginPage.vue'),
    meta: { titleKey: 'login.title' },
  },
  {
    path: '/console',
    component: () => import('./pages/console/ConsoleLayout.vue'),
    meta: { staff: true },
    children: [
      {
        path: '',
        component: () => import('./pages/console/DashboardPage.vue'),
        meta: { titleKey: 'console.title', tab: 'home', tabRoot: true },
      },
      {
        path: 'tickets',
        component: () => import('./pages/intake/console/InboxPage.vue'),
        meta: { titleKey: 'inbox.title', tab: 'tickets', tabRoot: true, perms: TICKET_PERMS },
      },
      {
        path: 'tickets/:id',
        component: () => import('./pages/intake/console/TicketPage.vue'),
        props: true,
        meta: { titleKey: 'ticketPage.title', tab: 'tickets', perms: TICKET_PERMS },
      },
      {
        path: 'stats',
        component: () => import('./pages/intake/console/StatsPage.vue'),
        meta: { titleKey: 'stats.title', tab: 'tickets', perms: TICKET_PERMS },
      },
      {
        path: 'places',
        component: () => import('./pages/directory/console/PlacesPage.vue'),
        meta: { titleKey: 'places.title', tab: 'places', tabRoot: true, perms: PLACE_PERMS },
      },
      {
        path: 'places/:id',
        component: () => import('./pages/directory/console/PlacePage.vue'),
        props: true,
        meta: { titleKey: 'places.title', tab: 'places', perms: PLACE_PERMS },
      },
      {
        path: 'places/:id/sheet',
        component: () => import('./pages/directory/console/SheetPage.vue'),
        props: true,
        meta: { titleKey: 'sheet.title', tab: 'places', perms: [PERM.codesPrint] },
      },
      {
        path: 'admin',
        component: () => import('./pages/console/AdminPage.vue'),
        meta: { titleKey: 'console.tabs.admin', tab: 'admin', tabRoot: true, perms: ADMIN_PERMS },
      },
      {
        path: 'admin/staff',
        component: () => import('./pages/identity/console/StaffListPage.vue'),
        meta: { titleKey: 'staff.title', tab: 'admin', perms: [PERM.staff] },
      },
      {
        path: 'admin/staff/new',
        component: () => import('./pages/identity/console/StaffCreatePage.vue'),
        meta: { titleKey: 'staff.create', tab: 'admin', perms: [PERM.staff] },
      },
      {
        path: 'admin/staff/:id',
        component: () => import('./pages/identity/console/StaffPage.vue'),
        props: true,
        meta: { titleKey: 'staff.title', tab: 'admin', perms: [PERM.staff] },
      },
      {
        path: 'admin/roles',
        component: () => import('./pages/identity/console/RolesPage.vue'),
        meta: { titleKey: 'roles.title', tab: 'admin', perms: [PERM.roles] },
      },
      {
        path: 'admin/organisations',
        component: () => import('./pages/identity/console/OrganisationsPage.vue'),
        meta: { titleKey: 'orgs.title', tab: 'admin', perms: [PERM.organisations] },
      },
      {
        path: 'admin/api-clients',
        component: () => import('./pages/identity/console/ApiClientsPage.vue'),
        meta: { titleKey: 'clients.title', tab: 'admin', perms: [PERM.clients] },
      },
      {
        path: 'admin/categories',
        component: () => import('./pages/intake/console/CategorySettingsPage.vue'),
        meta: { titleKey: 'categorySettings.title', tab: 'admin', perms: [PERM.categories] },
      },
      {
        path: 'admin/webhooks',
        component: () => import('./pages/intake/console/WebhooksPage.vue'),
        meta: { titleKey: 'webhooks.title', tab: 'admin', perms: [PERM.webhooks] },
      },
      {
        path: 'households',
        component: () => import('./pages/identity/console/HouseholdClaimsPage.vue'),
        meta: { titleKey: 'householdClaims.title', tab: 'home', perms: [PERM.households] },
      },
      {
        path: 'acting',
        component: () => import('./pages/identity/console/ActingPage.vue'),
        meta: { titleKey: 'workbench.acting.title', tab: 'home', perms: [PERM.households] },
      },
      {
        path: 'admin/audit',
        component: () => import('./pages/identity/console/AuditPage.vue'),
        meta: { titleKey: 'audit.title', tab: 'admin', perms: [PERM.audit] },
      },
      // ---- courier: the warm station's desk (courier-desk) ----
      {
        path: 'courier',
        component: courierPage('CourierDesk'),
        // Each section's title is the desk's own words (CourierDesk.vue names it once they load).
        meta: { titleKey: 'dashboard.station', tab: 'home', perms: COURIER_PERMS },
        children: [
          {
            path: '',
            component: courierPage('LivePage'),
            meta: { perms: [COURIER_PERM.visitsRead] },
          },
          {
            path: 'scan',
            component: courierPage('ScanCardPage'),
            meta: { perms: [COURIER_PERM.visitsHandle] },
          },
          {
            path: 'visits',
            component: courierPage('VisitsPage'),
            meta: { perms: [COURIER_PERM.visitsRead] },
          },
          {
            path: 'visits/:visitId',
            component: courierPage('VisitPage'),
            props: true,
            meta: { perms: [COURIER_PERM.visitsRead] },
          },
          {
            path: 'supplies',
            component: courierPage('SuppliesPage'),
            meta: { perms: [COURIER_PERM.suppliesRead] },
          },
          {
            path: 'activities',
            component: courierPage('ActivitiesPage'),
            meta: { perms: [COURIER_PERM.activitiesManage, COURIER_PERM.hoursConfirm] },
          },
          {
            path: 'activities/:activityId',
            component: courierPage('ActivityPage'),
            props: true,
            meta: { perms: [COURIER_PERM.activitiesManage, COURIER_PERM.hoursConfirm] },
          },
          {
            path: 'stats',
            component: courierPage('StatsPage'),
            meta: { perms: [COURIER_PERM.statisticsRead] },
          },
        ],
      },
      // ---- end of courier ----
      {
        path: 'soon/:feature(inbox|calendar|parking|station)',
        component: () => import('./pages/console/ConsoleSoonPage.vue'),
        props: true,
        meta: { titleKey: 'soon.title', tab: 'home' },
      },
      {
        path: 'me',
        component: () => import('./pages/console/MePage.vue'),
        meta: { titleKey: 'me.title', tab: 'me', tabRoot: true },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    component: () => import('./pages/misc/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach(async (to) => {
  const wantsStaff = to.matched.some((record) => record.meta.staff)
  if (to.path === '/console/login' && signedIn.value) {
    const next = typeof to.query.next === 'string' && to.query.next.startsWith('/console') ? to.query.next : '/console'
    return next
  }
  if (!wantsStaff) return true
  if (!signedIn.value) return { path: '/console/login', query: { next: to.fullPath } }
  try {
    await loadMe()
  } catch {
    // Refused: the tokens are gone, sign in again. Network trouble: the layout offers a retry.
    if (!signedIn.value) return { path: '/console/login', query: { next: to.fullPath } }
  }
  return true
})
