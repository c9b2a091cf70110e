/**
 * The stylesheet of `<report-search>`, applied inside its shadow root (as a
 * constructable stylesheet, so a host page's strict Content-Security-Policy
 * does not block it). Host-page CSS cannot reach these elements, and these
 * rules cannot reach the host page.
 *
 * Colours and font come from CSS custom properties, which do cross the
 * shadow boundary: set them on the element or any ancestor.
 *
 * | property                     | what it colours                       | light     | dark      |
 * |------------------------------|---------------------------------------|-----------|-----------|
 * | --report-search-accent       | titles, buttons, focus rings, busy bar | #0b5cad   | #8ab8ff   |
 * | --report-search-background   | the box, the input, menus             | #ffffff   | #17191c   |
 * | --report-search-text         | body text                             | #1b1f24   | #e8eaed   |
 * | --report-search-muted        | pages, placeholder, status messages   | #57606a   | #a6adb6   |
 * | --report-search-border       | borders and separators                | #6e7781   | #8b949e   |
 * | --report-search-mark         | background of matched words           | #fde68a   | #6b5400   |
 * | --report-search-font         | font-family (system fonts by default) | system-ui | system-ui |
 *
 * @example
 * report-search { --report-search-accent: #7a1f5c; --report-search-font: Georgia, serif; }
 *
 * Every default pair has a contrast of at least 4.5:1 (text on background,
 * on a hovered or focused result and on a mark; borders at least 3:1). If you set your
 * own colours, keep those ratios. The `theme` attribute picks the defaults:
 * `light` (without the attribute, or with any other value), `dark`, or
 * `auto` (the reader's prefers-color-scheme). Light by default: the widget
 * sits on a course page, which is light whatever the reader's system says.
 *
 * The font size is the reader's default (`medium`), not the host page's, so
 * the widget keeps its size on any page and follows the browser's settings.
 */

// --b background, --t text, --m muted, --a accent, --l border (line), --k mark, --h a hovered result or button.
const LIGHT =
  'color-scheme:light;--b:var(--report-search-background,#fff);--t:var(--report-search-text,#1b1f24);--m:var(--report-search-muted,#57606a);--a:var(--report-search-accent,#0b5cad);--l:var(--report-search-border,#6e7781);--k:var(--report-search-mark,#fde68a);--h:#e7f0fb';
const DARK =
  'color-scheme:dark;--b:var(--report-search-background,#17191c);--t:var(--report-search-text,#e8eaed);--m:var(--report-search-muted,#a6adb6);--a:var(--report-search-accent,#8ab8ff);--l:var(--report-search-border,#8b949e);--k:var(--report-search-mark,#6b5400);--h:#243247';

/** Touch targets: 44 CSS pixels, the size WCAG's AAA target-size criterion asks for. */
const TARGET = '44px';

/** The widget's CSS, as one string for `CSSStyleSheet.replaceSync`. */
export const WIDGET_CSS = `
:host{display:block}
[hidden]{display:none!important}
.root{all:initial;display:block;position:relative;${LIGHT};font-family:var(--report-search-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);line-height:1.45;color:var(--t);background:var(--b);overflow-wrap:anywhere}
:host([theme=dark]) .root{${DARK}}
@media (prefers-color-scheme:dark){:host([theme=auto]) .root{${DARK}}}
*{box-sizing:border-box}
input,button{font:inherit;margin:0}
.q{-webkit-appearance:none;appearance:none;width:100%;min-height:${TARGET};padding:8px 12px;color:var(--t);background:var(--b) no-repeat 0 100%/0 3px;border:1px solid var(--l);border-radius:6px}
.q::placeholder{color:var(--m);opacity:1}
:focus-visible,.q:focus{outline:3px solid var(--a);outline-offset:1px}
[aria-busy=true] .q{background-image:linear-gradient(var(--a),var(--a));background-size:100% 3px;animation:busy 1s ease-in-out infinite alternate}
@keyframes busy{from{background-size:10% 3px}}
@media (prefers-reduced-motion:reduce){[aria-busy=true] .q{animation:none}}
.status{color:var(--m)}
.status:not(:empty){padding:8px 2px}
button{min-height:${TARGET};min-width:${TARGET};padding:0 12px;color:var(--a);background:var(--b);border:1px solid var(--l);border-radius:6px;cursor:pointer}
button:hover{background:var(--h)}
.list{list-style:none;margin:6px 0 0;padding:0;border:1px solid var(--l);border-radius:6px}
.opt{display:flex;flex-wrap:wrap;align-items:flex-start;border-top:1px solid var(--l);cursor:pointer}
.opt:first-child{border:0}
.opt:hover,.opt:focus-within{background:var(--h)}
.x{flex:1 1 12em;display:block;padding:10px 12px}
.link{display:block;color:var(--a);text-decoration:none}
.link:hover,.link:focus{text-decoration:underline}
.t{font-weight:600}
.p{display:block;font-size:.875em;color:var(--m)}
.r{display:block;font-size:.875em;color:var(--m)}
.advice{margin:4px 0 0;padding-left:1.2em}
.s{display:block;margin-top:2px}
mark{background:var(--k);color:var(--t);border-radius:2px}
.cite{margin:8px}
.menu{flex-basis:100%;display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:0 12px 12px}
.menu a{display:inline-flex;align-items:center;min-height:${TARGET};padding:0 12px;color:var(--a);border-radius:6px}
.menu span{color:var(--m);margin-left:6px}
.menu .row{display:flex;flex-wrap:wrap;align-items:center;gap:6px;flex-basis:100%;margin:0;color:inherit}
.menu .row>span{min-width:7.5em}
.menu .sel{flex-basis:100%;color:inherit;margin:0;padding:6px;border:1px dashed var(--m);user-select:all}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;
