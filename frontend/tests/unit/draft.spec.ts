import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { loadDraft, saveDraft, useDraft } from '../../src/composables/draft'

describe('form drafts', () => {
  beforeEach(() => sessionStorage.clear())

  it('keeps what was typed across a reload', async () => {
    const first = useDraft('test.form', { phone: '', code: '' })
    first.form.phone = '13800001111'
    await nextTick()
    const second = useDraft('test.form', { phone: '', code: '' })
    expect(second.form.phone).toBe('13800001111')
    expect(second.form.code).toBe('')
  })

  it('is forgotten after a successful submit', async () => {
    const draft = useDraft('test.form', { reason: '' })
    draft.form.reason = 'torn off'
    await nextTick()
    draft.clear()
    await nextTick()
    expect(loadDraft('test.form', { reason: '' }).reason).toBe('')
  })

  it('ignores fields the form no longer has and values of the wrong type', () => {
    saveDraft('test.old', { phone: 13800001111, gone: 'x', name: 'ok' })
    expect(loadDraft('test.old', { phone: '', name: '' })).toEqual({ phone: '', name: 'ok' })
  })

  it('survives garbage in storage', () => {
    sessionStorage.setItem('sqwb.draft.test.bad', '{not json')
    expect(loadDraft('test.bad', { a: 'x' })).toEqual({ a: 'x' })
  })
})
