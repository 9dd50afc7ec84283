// `spanwise serve --root DIR`: every folder a browser names must stay under DIR. Absolute
// paths, `..` and symbolic links that lead out are refused with a message naming the root.
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyFolder, FolderAccessError, noFolders, ProjectRoot } from '../../../src/main/projects/project-root'
import { removeTempDirs, tempDir } from '../../helpers/temp'

let outside: string
let root: ProjectRoot

beforeAll(async () => {
  const dir = await tempDir()
  await mkdir(path.join(dir, 'root', 'team', 'news'), { recursive: true })
  await mkdir(path.join(dir, 'elsewhere'))
  await writeFile(path.join(dir, 'elsewhere', 'secret.txt'), 'not for the browser')
  outside = path.join(dir, 'elsewhere')
  // a link inside the root to a folder outside it, and one to a folder inside it
  await symlink(outside, path.join(dir, 'root', 'escape'))
  await symlink(path.join(dir, 'root', 'team'), path.join(dir, 'root', 'shortcut'))
  root = new ProjectRoot(path.join(dir, 'root'))
})

afterAll(removeTempDirs)

function refusal(clientPath: string): string {
  try {
    root.resolve(clientPath)
  } catch (error) {
    expect(error).toBeInstanceOf(FolderAccessError)
    return (error as Error).message
  }
  throw new Error(`"${clientPath}" was accepted`)
}

describe('a root given to spanwise serve', () => {
  it('resolves folders named relative to it, existing or to be made', () => {
    expect(root.resolve('')).toBe(root.folder)
    expect(root.resolve('.')).toBe(root.folder)
    expect(root.resolve('team/news')).toBe(path.join(root.folder, 'team', 'news'))
    expect(root.resolve('team\\news')).toBe(path.join(root.folder, 'team', 'news'))
    expect(root.resolve('team/new project')).toBe(path.join(root.folder, 'team', 'new project'))
    // a link that stays inside the root is followed
    expect(root.resolve('shortcut/news')).toBe(path.join(root.folder, 'team', 'news'))
  })

  it('refuses absolute paths, naming the root', () => {
    expect(refusal('/etc')).toMatch(/relative to the projects folder .*root/)
    expect(refusal(outside)).toMatch(/not as absolute paths/)
    expect(refusal('C:\\Users\\x')).toMatch(/not as absolute paths/)
  })

  it('refuses any ".." part, even one that would come back inside', () => {
    expect(refusal('..')).toMatch(/".." is not allowed/)
    expect(refusal('team/../../elsewhere')).toMatch(/".." is not allowed/)
    expect(refusal('team/../team')).toMatch(/".." is not allowed/)
    expect(refusal('team\\..\\..')).toMatch(/".." is not allowed/)
  })

  it('refuses a symbolic link out of the root, and folders to be made under it', () => {
    expect(refusal('escape')).toMatch(/leads outside .* \(through a symbolic link\)/)
    expect(refusal('escape/new project')).toMatch(/leads outside/)
    expect(refusal('escape/secret.txt')).toMatch(/leads outside/)
  })

  it('refuses NUL bytes and overlong names', () => {
    expect(refusal('team\0news')).toMatch(/not a folder name/)
    expect(refusal('a'.repeat(2000))).toMatch(/not a folder name/)
  })

  it('shows folders relative to itself, and nothing outside it', () => {
    expect(root.show(path.join(root.folder, 'team', 'news'))).toBe('team/news')
    expect(root.show(root.folder)).toBe('')
    expect(root.show(outside)).toBeNull()
    expect(root.show(path.join(root.folder, 'escape'))).toBeNull()
    // a sibling whose name starts like the root's is not inside it
    expect(root.show(`${root.folder}-other`)).toBeNull()
  })

  it('must exist', () => {
    expect(() => new ProjectRoot(path.join(outside, 'nope'))).toThrow(/does not exist/)
  })
})

describe('without a root', () => {
  it('the desktop app takes absolute paths only', () => {
    expect(anyFolder.resolve(outside)).toBe(outside)
    expect(() => anyFolder.resolve('relative/path')).toThrow(/not an absolute folder path/)
  })

  it('a server of one project opens no other folder', () => {
    expect(() => noFolders.resolve('team')).toThrow(/spanwise serve --root DIR/)
    expect(noFolders.show(outside)).toBeNull()
  })
})
