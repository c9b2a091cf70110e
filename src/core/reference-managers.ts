/**
 * One-click export links for reference managers that document an
 * import-by-URL ("direct export"): the service fetches our RIS link itself.
 * EasyBib, NoodleTools, Zotero and Mendeley document none; they import the
 * RIS file. None of these services can be reached from our machines, so the
 * links are tested for their construction only.
 */

/** How report-edge names itself to the services. */
export const VENDOR_NAME = 'report-edge';

/**
 * RefWorks "Direct Export" callback: RefWorks GETs `url` and imports it with
 * its RIS filter, reading it as UTF-8 (code page 65001).
 * @example refWorksLink('https://host/api/reports/r/cite?format=ris')
 * // 'https://www.refworks.com/express/expressimport.asp?vendor=report-edge&filter=RIS+Format&encoding=65001&url=https%3A%2F%2Fhost%2F…'
 */
export function refWorksLink(risUrl: string): string {
  const params = new URLSearchParams({ vendor: VENDOR_NAME, filter: 'RIS Format', encoding: '65001', url: risUrl });
  return `https://www.refworks.com/express/expressimport.asp?${params}`;
}

/**
 * EndNote online "Direct Export": EndNote GETs `dataRequestUrl`;
 * `dataIdentifier=1` says the data is RIS (0, the default, is RSXML).
 * @example endNoteLink('https://host/api/reports/r/cite?format=ris')
 * // 'https://www.myendnoteweb.com/EndNoteWeb.html?func=directExport&partnerName=report-edge&dataIdentifier=1&dataRequestUrl=https%3A%2F%2F…'
 */
export function endNoteLink(risUrl: string): string {
  const params = new URLSearchParams({ func: 'directExport', partnerName: VENDOR_NAME, dataIdentifier: '1', dataRequestUrl: risUrl });
  return `https://www.myendnoteweb.com/EndNoteWeb.html?${params}`;
}
