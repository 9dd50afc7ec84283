// The projects opened lately, newest first, kept in the app's user-data folder (app-paths.ts)
// so the desktop app and `spanwise serve` share them. A folder is listed once (the same folder
// reached by another spelling or a symbolic link counts once); a folder that has gone or no
// longer holds a project is kept but flagged, so the user sees it and can remove it.
import { existsSync, realpathSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { readJson, writeJsonAtomic } from '../store/json-file'
import { projectFile } from '../store/layout'

export const RECENT_PROJECTS_FILE = 'recent-projects.json'
/** Enough to find last month's projects; older ones fall off the end. */
export const MAX_RECENT = 20

const entrySchema = z.object({ folder: z.string().min(1), name: z.string(), openedAt: z.string() })
const fileSchema = z.object({ projects: z.array(entrySchema) })
type Entry = z.infer<typeof entrySchema>

export interface RecentEntry extends Entry {
  /** The folder has gone, or holds no project.json any more. */
  missing: boolean
}

function canonicalFolder(folder: string): string {
  const absolute = path.resolve(folder)
  try {
    return realpathSync(absolute)
  } catch {
    return absolute
  }
}

export class RecentProjects {
  constructor(readonly file: string) {}

  private async read(): Promise<Entry[]> {
    // a damaged list is a lost convenience, never a reason the app cannot start
    const data = await readJson<unknown>(this.file).catch(() => null)
    const parsed = fileSchema.safeParse(data)
    return parsed.success ? parsed.data.projects : []
  }

  private async write(projects: Entry[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeJsonAtomic(this.file, { projects })
  }

  /** Newest first, each flagged when its project is no longer there. */
  async list(): Promise<RecentEntry[]> {
    return (await this.read()).map((entry) => ({ ...entry, missing: !existsSync(projectFile(entry.folder)) }))
  }

  /** Puts `folder` first (once), with the name the project has now. */
  async remember(folder: string, name: string, openedAt = new Date()): Promise<void> {
    const canonical = canonicalFolder(folder)
    const others = (await this.read()).filter((entry) => canonicalFolder(entry.folder) !== canonical)
    await this.write([{ folder: canonical, name, openedAt: openedAt.toISOString() }, ...others].slice(0, MAX_RECENT))
  }

  async forget(folder: string): Promise<void> {
    const canonical = canonicalFolder(folder)
    const projects = await this.read()
    const kept = projects.filter((entry) => canonicalFolder(entry.folder) !== canonical)
    if (kept.length !== projects.length) await this.write(kept)
  }
}
