import type { Label } from '../../../shared/model'

interface Props {
  labels: Label[]
  onApply(label: string): void
}

/** One button per label with its hotkey; a click does what the key does. */
export function LabelBar({ labels, onApply }: Props) {
  return (
    <div className="label-bar" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.name}
          type="button"
          className="label-button"
          ref={(el) => el?.style.setProperty('--label-color', label.color)}
          onMouseDown={(event) => event.preventDefault() /* keep the text selection */}
          onClick={() => onApply(label.name)}
          aria-keyshortcuts={label.hotkey}
          data-testid={`label-${label.name}`}
        >
          <kbd>{label.hotkey}</kbd> {label.name}
        </button>
      ))}
    </div>
  )
}
