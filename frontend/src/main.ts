import { createApp } from 'vue'
import App from './App.vue'
import { onSignedOut, staffTokens } from './api'
import { initElderMode } from './composables/elder'
import { i18n, initialLocale, setLocale } from './i18n'
import { router } from './router'
import './styles/theme.css'

initElderMode()

// A staff session that ends (refresh refused) goes back to the sign-in page, then returns.
onSignedOut((store) => {
  const here = router.currentRoute.value
  if (store === staffTokens && here.matched.some((record) => record.meta.staff)) {
    void import('./utils/toast').then(({ toast }) => toast(i18n.global.t('console.signedOut')))
    void router.replace({ path: '/console/login', query: { next: here.fullPath } })
  }
})

const app = createApp(App).use(i18n).use(router)
const locale = initialLocale()
void (locale === 'zh-CN' ? Promise.resolve() : setLocale(locale, false))
  .catch(() => undefined)
  .finally(() => app.mount('#app'))
