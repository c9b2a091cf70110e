/** Stable URL paths of the pages a person reads; like the API's, they never change. */
export const pagePaths = {
  home: () => '/',
  report: (report: string) => `/reports/${encodeURIComponent(report)}`,
  section: (report: string, n: number) => `/reports/${encodeURIComponent(report)}/sections/${n}`,
  search: (report: string) => `/reports/${encodeURIComponent(report)}/search`,
  export: (report: string) => `/reports/${encodeURIComponent(report)}/export`,
  embed: (report: string) => `/embed/${encodeURIComponent(report)}`,
};
