// Where suggestion data lives in a project folder.
//   suggest/settings.json                      patterns and the model's label mapping (the project's)
//   suggest/dictionaries/<label>.txt           one entry a line (the project's)
//   annotations/<annotator>/suggestions/<id>.json
//                                              one annotator's rejections for one document, and the
//                                              suggestions `spanwise suggest` left there to review
// The project's files have the project owner as their one writer, like project.json; each
// annotator's suggestion files have that annotator as their one writer, and sync with their layers.
import path from 'node:path'

export function suggestDir(folder: string): string {
  return path.join(folder, 'suggest')
}

export function settingsFile(folder: string): string {
  return path.join(folder, 'suggest', 'settings.json')
}

export function dictionariesDir(folder: string): string {
  return path.join(folder, 'suggest', 'dictionaries')
}

export function dictionaryFile(folder: string, label: string): string {
  return path.join(folder, 'suggest', 'dictionaries', `${label}.txt`)
}

export function suggestionFile(folder: string, annotator: string, documentId: string): string {
  return path.join(folder, 'annotations', annotator, 'suggestions', `${documentId}.json`)
}
