// suggest/settings.json: the project's patterns and the model's label mapping. Read fresh on
// every use (another window or a `git pull` may change it); a save states the version it edited
// and a stale one is a conflict, as for project.json.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ABSENT_VERSION, type FileVersion } from '../../shared/api/contract'
import { DEFAULT_SUGGEST_SETTINGS, type SuggestSettings } from '../../shared/suggest/types'
import { fileVersion, readJsonVersioned } from '../store/file-version'
import { writeJsonAtomic } from '../store/json-file'
import { KeyedLock } from '../store/keyed-lock'
import { StoreError } from '../store/errors'
import { settingsFile } from './layout'

const lock = new KeyedLock()

export function readSuggestSettings(folder: string): { settings: SuggestSettings; version: FileVersion } {
  const file = settingsFile(folder)
  let read: { data: SuggestSettings | null; version: FileVersion }
  try {
    read = readJsonVersioned<SuggestSettings>(file)
  } catch (error) {
    throw new StoreError('invalid_input', (error as Error).message)
  }
  if (read.data === null) return { settings: DEFAULT_SUGGEST_SETTINGS, version: ABSENT_VERSION }
  const data = read.data
  if (typeof data !== 'object' || !Array.isArray(data.patterns) || typeof data.modelMapping !== 'object' || data.modelMapping === null) {
    throw new StoreError('invalid_input', `${file}: not suggestion settings (patterns and modelMapping expected)`)
  }
  return { settings: data, version: read.version }
}

/** Writes the settings if the file is still `baseVersion`; returns the new version. */
export async function saveSuggestSettings(folder: string, baseVersion: FileVersion, settings: SuggestSettings): Promise<FileVersion> {
  const file = settingsFile(folder)
  return lock.run(file, async () => {
    if (fileVersion(file) !== baseVersion) {
      throw new StoreError('conflict', `the suggestion settings were changed elsewhere since they were read (${file}): reload them and try again`)
    }
    mkdirSync(path.dirname(file), { recursive: true })
    await writeJsonAtomic(file, settings)
    return fileVersion(file)
  })
}
