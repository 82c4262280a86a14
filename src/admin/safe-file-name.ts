import type { UploadExtension } from './sniff-upload.js';

// File systems hold 255 bytes a name; Vietnamese letters take up to 3 bytes in UTF-8. Room is left for " (12)".
const MAX_STEM_BYTES = 180;
// Characters Windows refuses in names (the corpus folder may be copied there), path separators, control characters.
const UNSAFE = /[\u0000-\u001F\u007F<>:"/\\|?*]+/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;

/**
 * The name an upload is kept under in the corpus folder: the last segment of what the browser sent, without
 * folders (no path traversal), control or reserved characters, leading dots (no hidden files, no `..`), NFC, at
 * most 180 bytes, with the extension of what the content is. Vietnamese stays as it was typed:
 * "Kế hoạch 12/KH-UBND.docx" → "Kế hoạch 12 KH-UBND.docx".
 */
export function safeFileName(uploaded: string, extension: UploadExtension): string {
  const last = uploaded.normalize('NFC').split(/[/\\]/u).at(-1) ?? '';
  let stem = last
    .replace(/\.[a-z][a-z\d]{0,4}$/iu, '')
    .replace(UNSAFE, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  while (Buffer.byteLength(stem) > MAX_STEM_BYTES) stem = [...stem].slice(0, -1).join('').trimEnd();
  if (RESERVED.test(stem)) stem = `${stem}_`;
  return `${stem || 'tai-lieu'}${extension}`;
}

/** `name`, or "stem (2).ext", "stem (3).ext"… the first that `taken` does not refuse. */
export function uniqueFileName(name: string, taken: (candidate: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const extension = name.slice(dot);
  let candidate = name;
  for (let n = 2; taken(candidate); n += 1) candidate = `${stem} (${n})${extension}`;
  return candidate;
}
