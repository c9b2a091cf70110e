// The build's JSON files are bundled as text (wrangler.toml [[rules]]).
declare module '*/index/build/catalogue.json' {
  const text: string;
  export default text;
}
declare module '*/index/build/citations.json' {
  const text: string;
  export default text;
}
declare module '*/index/build/search-index.json' {
  const text: string;
  export default text;
}
