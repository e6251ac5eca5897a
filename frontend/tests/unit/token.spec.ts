import { describe, expect, it } from 'vitest'
import { normaliseToken, parseToken } from '../../src/utils/token'

describe('QR tokens', () => {
  it('reads the upper-case link of a QR code in alphanumeric mode and a lower-case one alike', () => {
    expect(parseToken('ABCDEFGH2345')).toBe('ABCDEFGH2345')
    expect(parseToken('abcdefgh2345')).toBe('ABCDEFGH2345')
    expect(parseToken(' AbCdEfGh2345/ ')).toBe('ABCDEFGH2345')
  })

  it('takes the first value when the router hands a repeated parameter', () => {
    expect(parseToken(['abcdefgh2345', 'x'])).toBe('ABCDEFGH2345')
  })

  it('refuses what cannot be a token: wrong length, 0/1/8/9, other characters', () => {
    for (const raw of ['', 'ABC', 'ABCDEFGH23456', 'ABCDEFGH2341', 'ABCDEFGH2349', 'ABCDEF-H2345', undefined]) {
      expect(parseToken(raw)).toBeNull()
    }
  })

  it('normalises without judging', () => {
    expect(normaliseToken('  xx// ')).toBe('XX')
  })
})
