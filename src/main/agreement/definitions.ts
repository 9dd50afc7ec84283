// What each measure means, stored in every report and printed beside every number.
import type { MeasureDefinition, MeasureId } from '../../shared/agreement/report'
import { GAMMA_SAMPLES } from './gamma'
import { OVERLAP_THRESHOLD } from './span-f1'

const TOKEN_NESTING =
  'each token takes the label of the innermost (shortest) span covering it; stacked spans with equal bounds: the alphabetically first label. Per label, one IO sequence of that label only, so nesting hides nothing.'
const TOKEN_ONE_SIDED = 'a token only one rater labelled is that label against O: a disagreement. A rater with no layer for a document is missing there, not O.'
const SPAN_NESTING = 'every span is its own unit; nested spans are matched independently (one to one).'
const SPAN_ONE_SIDED = 'a span with no partner counts in |A| + |B| but not in TP (only-row / only-column).'

export const DEFINITIONS: Record<MeasureId, MeasureDefinition> = {
  span_f1_exact: {
    id: 'span_f1_exact',
    name: 'Span F1, exact',
    unit: 'span',
    formula: 'F1 = 2·TP / (|A| + |B|)',
    definition:
      'Pairs of spans with the same start, end and label, matched one to one; TP is the number of pairs. Micro: TP and span counts are summed over documents (and over pairs when more than two raters). Symmetric; equals positive specific agreement. No chance correction.',
    nesting: SPAN_NESTING,
    oneSided: SPAN_ONE_SIDED,
    scope: 'pairwise'
  },
  span_f1_overlap: {
    id: 'span_f1_overlap',
    name: 'Span F1, overlap',
    unit: 'span',
    formula: `F1 = 2·TP / (|A| + |B|); a pair needs IoU = |a∩b| / |a∪b| ≥ ${OVERLAP_THRESHOLD} and the same label`,
    definition: `Optimal one-to-one matching (Hungarian algorithm: most pairs, then most same-label pairs, then largest total IoU) of spans with the same label whose character ranges have IoU ≥ θ = ${OVERLAP_THRESHOLD}. Micro over documents and pairs.`,
    nesting: SPAN_NESTING,
    oneSided: SPAN_ONE_SIDED,
    scope: 'pairwise'
  },
  span_f1_boundary: {
    id: 'span_f1_boundary',
    name: 'Span F1, boundaries only',
    unit: 'span',
    formula: `F1 = 2·TP / (|A| + |B|); a pair needs IoU ≥ ${OVERLAP_THRESHOLD}, labels ignored`,
    definition: `As overlap F1, but labels are ignored: did both raters mark the same stretch of text (IoU ≥ θ = ${OVERLAP_THRESHOLD})? Micro over documents and pairs.`,
    nesting: SPAN_NESTING,
    oneSided: SPAN_ONE_SIDED,
    scope: 'pairwise'
  },
  cohen_kappa: {
    id: 'cohen_kappa',
    name: "Cohen's κ (tokens)",
    unit: 'token',
    formula: 'κ = (p_o − p_e) / (1 − p_e); p_o = Σ_k n_kk / N; p_e = Σ_k (n_k· / N)(n_·k / N)',
    definition:
      "Items are tokens of the documents both raters have a layer for; each carries the label of the span covering it or O (O included, so true negatives count). Summed over documents (one confusion matrix). With more than two raters: the mean of the pairwise κ (Light's κ).",
    nesting: TOKEN_NESTING,
    oneSided: TOKEN_ONE_SIDED,
    scope: 'pairwise'
  },
  fleiss_kappa: {
    id: 'fleiss_kappa',
    name: "Fleiss' κ (tokens)",
    unit: 'token',
    formula: 'κ = (P̄ − P̄_e) / (1 − P̄_e); P_i = Σ_j n_ij(n_ij − 1) / (R(R − 1)); P̄_e = Σ_j p_j², p_j = Σ_i n_ij / (N R)',
    definition: "Tokens labelled or O, over the documents every chosen rater has a layer for (Fleiss' κ allows no missing ratings). Two raters: Scott's π.",
    nesting: TOKEN_NESTING,
    oneSided: TOKEN_ONE_SIDED,
    scope: 'all'
  },
  alpha_tokens: {
    id: 'alpha_tokens',
    name: "Krippendorff's α, nominal (tokens)",
    unit: 'token',
    formula: 'α = [(n − 1) Σ_c o_cc − Σ_c n_c(n_c − 1)] / [n(n − 1) − Σ_c n_c(n_c − 1)]',
    definition:
      'Coincidence matrix over tokens labelled or O; a rater without a layer for a document is missing there (α allows missing values); tokens with fewer than two values are not pairable.',
    nesting: TOKEN_NESTING,
    oneSided: TOKEN_ONE_SIDED,
    scope: 'all'
  },
  alpha_units: {
    id: 'alpha_units',
    name: "Krippendorff's α, nominal (aligned units, ∅ explicit)",
    unit: 'aligned unit',
    formula: 'α nominal as for tokens; values are labels or ∅ ("nothing")',
    definition:
      'Items are the units of the span alignment (src/shared/alignment alignUnits: spans of different raters matched one to one by overlap, preferring the same label); each rater gives the label of their span in the unit, or ∅ when they marked nothing there. Per label: the same units, those where some rater chose that label; a rater\'s value is the label, or ∅ for nothing or another label.',
    nesting: 'nested spans of one rater stay in separate units, each aligned with the closest version of the others.',
    oneSided: 'a unit only one rater marked is that label against ∅: a disagreement (not a dropped position, unlike INCEpTION\'s coding measures).',
    scope: 'all'
  },
  alpha_unitizing: {
    id: 'alpha_unitizing',
    name: "Krippendorff's α_U, unitizing (1995, as DKPro/INCEpTION)",
    unit: 'character (code point)',
    formula:
      'α_U = 1 − mean_c D_o(c) / mean_c D_e(c); D_o(c) = 2 Σ_{r1<r2} Σ δ² / (R(R − 1)L²); D_e(c) = (2/L) Σ_u [(N_c − 1)(2ℓ³ − 3ℓ² + ℓ)/3 + ℓ² Σ_{gaps ≥ ℓ}(ℓ_γ − ℓ + 1)] / [RL(RL − 1) − Σ_u ℓ(ℓ − 1)]',
    definition:
      'Per category, each rater\'s continuum is cut into units and gaps; δ² between intersecting segments is (Δstart)² + (Δend)² for two units, a unit\'s length² when it lies inside the other\'s gap, else 0. Documents are laid end to end (no unit or gap crosses a document edge); only documents every chosen rater has a layer for.',
    nesting: "a rater's overlapping spans of one category are merged into one unit; spans of different categories are independent continua.",
    oneSided: "a unit inside the other rater's gap adds its length² to the observed disagreement.",
    scope: 'all'
  },
  gamma: {
    id: 'gamma',
    name: 'γ (Mathet, Widlöcher & Métivier 2015)',
    unit: 'span (aligned)',
    formula:
      'γ = 1 − δ(best alignment) / δ_expected; d(u,v) = ((|Δs| + |Δe|)/(ℓ_u + ℓ_v))² + [labels differ]; d(u,∅) = Δ∅ = 1; δ(A) = Σ_ā (Σ_pairs d / C(R,2)) / ū',
    definition: `Best alignment: exact for two raters (assignment problem, munkres); more raters: units split into groups that may pair (exact), groups of up to 7 units solved by trying every partition, larger ones by a heuristic (exact insertion of one rater at a time, then each rater re-inserted until no improvement). Expected disorder: ${GAMMA_SAMPLES} random continua drawn with the report's seed from the scope's observed documents (lengths, units per rater) and units (length, label), ratio of summed disorders. Only documents every chosen rater has a layer for.`,
    nesting: 'every span is a unit; nested spans are aligned like any others.',
    oneSided: 'a unit aligned with ∅ costs Δ∅ = 1 per rater pair.',
    scope: 'all'
  }
}
