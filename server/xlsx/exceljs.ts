// exceljs, loaded the first time a workbook is read or written: the service needs it only for
// templates, exports, imports, bulletins and reconciliations, and loading it costs about 25 MB of
// resident memory in a service that may never be asked for one.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let lib: typeof ExcelJS | undefined;

export function excel(): typeof ExcelJS {
  return (lib ??= require('exceljs') as typeof ExcelJS);
}
