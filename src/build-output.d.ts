// The build's JSON files are bundled as text (wrangler.toml [[rules]]).
declare module '*/index/build/widget.js' {
  const text: string;
  export default text;
}
declare module '*/index/build/page.js' {
  const text: string;
  export default text;
}
declare module '*/index/build/frame.js' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
