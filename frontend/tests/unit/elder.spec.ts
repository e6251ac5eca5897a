import { beforeEach, describe, expect, it } from 'vitest'
import { ELDER_KEY, initElderMode, setElderMode, useElderMode } from '../../src/composables/elder'

describe('elder mode', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.className = ''
  })

  it('is off by default', () => {
    expect(initElderMode()).toBe(false)
    expect(document.documentElement.classList.contains('elder')).toBe(false)
  })

  it('switches the class on <html> and remembers the choice', () => {
    initElderMode()
    useElderMode().toggle()
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    expect(localStorage.getItem(ELDER_KEY)).toBe('1')
    expect(useElderMode().enabled.value).toBe(true)
  })

  it('survives a reload: a fresh start reads it back', () => {
    setElderMode(true)
    document.documentElement.className = '' // a new page
    expect(initElderMode()).toBe(true)
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    setElderMode(false)
    document.documentElement.className = 'elder'
    expect(initElderMode()).toBe(false)
    expect(document.documentElement.classList.contains('elder')).toBe(false)
  })

  it('works when storage refuses (private mode)', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(initElderMode(refusing)).toBe(false)
    setElderMode(true, refusing)
    expect(document.documentElement.classList.contains('elder')).toBe(true)
  })
})
