/**
 * What an office file really is, by its first bytes rather than its name. Offices rename files:
 * an old .xls saved as "表格.xlsx", a WPS or LibreOffice .ods renamed .xlsx. exceljs and mammoth
 * then fail with English messages ("Can't find end of central directory"), or read an .ods as an
 * empty workbook; telling the kind first lets the office read what the file is and what to do.
 */
import { unzipSync } from 'fflate';

export type FileKind =
  /** An OLE2 compound file: .xls, .doc, .et or .wps saved by old Office or WPS. */
  | 'legacy-office'
  /** An OpenDocument file (.ods, .odt) from LibreOffice or WPS. */
  | 'opendocument'
  /** An Office Open XML workbook (a zip with xl/workbook.xml). */
  | 'xlsx'
  /** An Office Open XML document (a zip with word/document.xml). */
  | 'docx'
  /** Another zip, or a zip too damaged to list. */
  | 'zip'
  /** Not a zip at all (text, HTML, PDF, an image …). */
  | 'other';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, OLE2)) return 'legacy-office';
  if (!startsWith(bytes, ZIP)) return 'other';
  let entries: Record<string, Uint8Array>;
  const names: string[] = [];
  try {
    // Only the names are listed; the one small `mimetype` entry is inflated.
    entries = unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return entry.name === 'mimetype';
      },
    });
  } catch {
    return 'zip';
  }
  const mimetype = entries.mimetype ? new TextDecoder().decode(entries.mimetype).trim() : '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return 'opendocument';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('word/document.xml')) return 'docx';
  return 'zip';
}
