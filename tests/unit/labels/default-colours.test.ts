// Every colour Spanwise picks by itself passes the label editor's own contrast check (3:1 against
// the page, WCAG's minimum for graphics) in the light and the dark theme.
import { describe, expect, it } from 'vitest'
import { PALETTE } from '../../../src/main/store/label-defaults'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../src/shared/model'
import { contrastRatio, lowContrastThemes, THEME_BACKGROUNDS } from '../../../src/shared/contrast'

describe('default colours', () => {
  const colours = [...DEFAULT_LABELS.map((l) => [l.name, l.color]), ...DEFAULT_RELATION_TYPES.map((t) => [t.name, t.color]), ...PALETTE.map((c, i) => [`palette ${i}`, c])]
  for (const [name, colour] of colours) {
    it(`${name} ${colour} reads in both themes`, () => expect(lowContrastThemes(colour!)).toEqual([]))
  }

  it('the check itself: WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(lowContrastThemes('#d9822b')).toEqual(['light'])
    expect(contrastRatio(THEME_BACKGROUNDS.light, THEME_BACKGROUNDS.light)).toBe(1)
  })
})
