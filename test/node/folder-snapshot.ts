import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under a folder, by relative path, with its bytes (base64): what
 * the build tests compare to prove a failed build left the last one as it was.
 */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name)).toString('base64');
  }
  return files;
}
