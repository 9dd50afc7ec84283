// One option of a tag group as a toggle button, in its option's colour with its hotkey: the
// editor's tag bar (the annotator's tags) and the Review view (the gold tags) both show these.
import type { TagOption } from '../../../shared/model'

interface Props {
  option: TagOption
  on: boolean
  onToggle(): void
  /** The editor keeps the text selection when the button is clicked (a label key may follow). */
  keepTextSelection?: boolean
  'data-testid'?: string
}

export function TagOptionButton({ option, on, onToggle, keepTextSelection = false, 'data-testid': testId }: Props) {
  return (
    <button
      type="button"
      className={`tag-button${on ? ' on' : ''}`}
      // the colour through a custom property: the strict CSP allows no inline style attribute
      ref={(el) => el?.style.setProperty('--tag-color', option.color)}
      aria-pressed={on}
      aria-keyshortcuts={option.hotkey}
      onMouseDown={keepTextSelection ? (event) => event.preventDefault() : undefined}
      onClick={onToggle}
      data-testid={testId}
    >
      {option.hotkey && <kbd>{option.hotkey}</kbd>} {option.name}
    </button>
  )
}
