import readXlsxFile from 'read-excel-file/node';

/** The first sheet's rows, whichever shape the installed read-excel-file returns (rows, or sheets of rows). */
export async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const sheets = (await readXlsxFile(bytes)) as unknown as { data: unknown[][] }[] | unknown[][];
  return (Array.isArray(sheets[0]) ? sheets : (sheets as { data: unknown[][] }[])[0]!.data) as unknown[][];
}
