// WCAG contrast, to warn when a label colour would be hard to see in either theme.
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  const channel = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export const THEME_BACKGROUNDS = { light: '#fbfaf7', dark: '#17191d' }

/** Themes in which a label colour falls below 3:1 against the page (WCAG for graphics). */
export function lowContrastThemes(color: string): string[] {
  return Object.entries(THEME_BACKGROUNDS)
    .filter(([, background]) => contrastRatio(color, background) < 3)
    .map(([theme]) => theme)
}
