// One colour scale for every agreement chart: red for poor agreement, yellow in the middle, blue
// for good (ColorBrewer RdYlBu, readable with the common colour-vision deficiencies). Scores
// below 0 (kappa, alpha and gamma can go negative) take the colour of 0; the text shows the value.
import * as Plot from '@observablehq/plot'

export const SCORE_COLOR: Plot.ScaleOptions = { type: 'linear', domain: [0, 1], scheme: 'RdYlBu', clamp: true }

/** The colour of a score that is not defined (nothing to compare). */
export const UNDEFINED_COLOR = '#b9b9b9'

const scale = Plot.scale({ color: SCORE_COLOR })

export function scoreColor(value: number | null | undefined): string {
  return value === null || value === undefined ? UNDEFINED_COLOR : String(scale.apply(value))
}

/** Black or white, whichever reads better on `color` (an "rgb(…)" or "#rrggbb" string). */
export function textColorOn(color: string): string {
  const rgb = color.startsWith('#')
    ? [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16))
    : (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  // the luminance where black and white text have equal contrast
  return luminance > 0.179 ? '#111' : '#fff'
}

/** Chart text at the page's reading size (Plot's default is 10px). Set through the CSSOM, which the CSP allows. */
export const CHART_STYLE = { fontSize: '13px' }
