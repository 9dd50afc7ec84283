import type { Label } from '../../../../shared/model'

/** A label's name on its colour, as the span list shows it. */
export function LabelChip({ label, labels }: { label: string; labels: Label[] }) {
  const color = labels.find((l) => l.name === label)?.color ?? '#888'
  return (
    <span className="label-chip" ref={(el) => el?.style.setProperty('--label-color', color)}>
      {label}
    </span>
  )
}
