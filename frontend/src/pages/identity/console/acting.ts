/**
 * 代办's steps, the same on a phone (ActingPage.vue, Vant) and at a desk (ActingDesk.vue,
 * Element Plus): find a resident of my communities (a phone typed in full is a phone, any
 * other text part of a name), or record one at their home; then act for them with a reason:
 * the resident session holds the act-for token and the door's hub opens as a scan would.
 */

import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { directory, identity } from '../../../api'
import type { ResidentRecordOut } from '../../../api/identity/types'
import { useProblems } from '../../../composables/problems'
import { startActing } from '../../../resident/session'
import { toast } from '../../../utils/toast'

export type Relation = 'owner' | 'tenant' | 'family'
export const RELATIONS: readonly Relation[] = ['owner', 'tenant', 'family']

/** The resident's homes as a line: door code and room. */
export function homeLine(r: ResidentRecordOut): string {
  return r.homes.map((h) => `${h.unit_code} ${h.room_no}`).join('、')
}

export type Acting = ReturnType<typeof useActing>

export function useActing() {
  const { t } = useI18n()
  const router = useRouter()
  const { message, fields } = useProblems()

  const query = ref('')
  const searching = ref(false)
  const found = ref<ResidentRecordOut[] | null>(null)
  const error = ref<string | null>(null)
  const saving = ref(false)
  const record = reactive({ name: '', unitCode: '', room: '', relation: 'owner' as Relation, contactPhone: '' })
  const recordErrors = ref<Record<string, string>>({})
  const chosen = ref<ResidentRecordOut | null>(null)
  const reason = ref('')
  const starting = ref(false)

  async function search(): Promise<void> {
    const typed = query.value.trim()
    if (!typed) return
    error.value = null
    searching.value = true
    try {
      const digits = typed.replace(/[\s-]/g, '')
      found.value = await identity.searchResidents(/^1\d{10}$/.test(digits) ? { phone: digits } : { name: typed })
    } catch (caught) {
      error.value = message(caught)
    } finally {
      searching.value = false
    }
  }

  /** Record a resident at their home; true when stored (they become the chosen one). */
  async function save(): Promise<boolean> {
    error.value = null
    recordErrors.value = {}
    saving.value = true
    try {
      let unitId: string
      try {
        unitId = (await directory.placeByCode(record.unitCode.trim().toUpperCase())).id
      } catch {
        recordErrors.value = { unitCode: t('workbench.acting.unknownUnit') }
        return false
      }
      chosen.value = await identity.recordResident({
        name: record.name.trim(),
        unit_place_id: unitId,
        room_no: record.room.trim(),
        relation: record.relation,
        contact_phone: record.contactPhone.replace(/[\s-]/g, '') || null,
      })
      return true
    } catch (caught) {
      error.value = message(caught)
      recordErrors.value = fields(caught)
      return false
    } finally {
      saving.value = false
    }
  }

  function phoneLine(r: ResidentRecordOut): string {
    if (r.phone) return t('workbench.acting.ownPhone', { phone: r.phone })
    if (r.contact_phone) return t('workbench.acting.contact', { phone: r.contact_phone })
    return ''
  }

  async function start(): Promise<void> {
    const who = chosen.value
    const why = reason.value.trim()
    if (!who || !why) return
    error.value = null
    starting.value = true
    try {
      const pair = await identity.actFor(who.id, why)
      // The door's code opens the building hub, as a scan of it would.
      const home = who.homes[0]
      const codes = home ? await directory.placeCodes(home.unit_place_id) : []
      const door = codes.find((c) => c.kind === 'unit' && c.status === 'active')
      startActing(pair.access_token, { residentId: who.id, name: who.name ?? '', reason: why })
      toast(t('workbench.acting.started'))
      await router.push(door ? `/q/${door.token}` : '/')
    } catch (caught) {
      error.value = message(caught)
    } finally {
      starting.value = false
    }
  }

  // homeLine and the relations travel with the state: ActingDesk.vue takes all of it as one
  // prop and imports nothing of this module's code, so no chunk of its own is split off and
  // named in the entry's preload list (the hub's first load).
  return { query, searching, found, error, saving, record, recordErrors, chosen, reason, starting, search, save, phoneLine, homeLine, relations: RELATIONS, start }
}
