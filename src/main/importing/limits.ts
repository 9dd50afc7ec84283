/** Largest file Spanwise imports. Bigger files are rejected by name before they are read whole. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024

/** Longest document text, in code points: keeps the editor responsive (10x our largest benchmark). */
export const MAX_DOCUMENT_CODE_POINTS = 2_000_000
