/**
 * The frame of every page: landmarks, a skip link, the stylesheet and the
 * page script (no inline script anywhere, so the CSP can forbid it).
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { CITATION_FORMATS } from '../core/citations';
import type { MetaTag } from '../core/highwire';
import type { Theme } from '../requests/parameters';

export interface LayoutProps {
  title: string;
  /** Highwire `citation_*` tags for reference managers' connectors. */
  meta?: MetaTag[];
  /** `<link rel="alternate">` to machine-readable versions. */
  alternates?: Array<{ type: string; href: string; title: string }>;
  /** The page's own URL, for `<link rel="canonical">`. */
  canonical?: string;
  /** Pages embedded in other sites drop the site header and footer. */
  bare?: boolean;
  /** A fixed colour theme (the embed's `?theme=`); without one, the reader's system setting. */
  theme?: Theme;
  /** More scripts of this origin, after the page's own (the LTI views' frame script: src/lti/views.tsx). */
  scripts?: string[];
  children: Child;
}

/** The machine-readable versions of a cited item, from its citation links, for `alternates`. */
export function citationAlternates(cite: Record<string, string>): NonNullable<LayoutProps['alternates']> {
  return CITATION_FORMATS.filter((f) => f.alternate).map((f) => ({ type: f.mediaType, href: cite[f.name], title: f.shortLabel }));
}

/** The HTML document around a page's content. */
export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en" data-theme={props.theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {(props.meta ?? []).map(([name, content]) => (
          <meta name={name} content={content} />
        ))}
        {(props.alternates ?? []).map((alt) => (
          <link rel="alternate" type={alt.type} href={alt.href} title={alt.title} />
        ))}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/style.css" />
        <script src="/assets/page.js" defer></script>
        <script src="/widget.js" defer></script>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class={props.bare ? 'bare' : undefined}>
        {!props.bare && (
          <a class="skip-link" href="#main">
            Skip to content
          </a>
        )}
        {!props.bare && (
          <header class="site-header">
            <a href="/" class="site-name">
              report-edge
            </a>
          </header>
        )}
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        {!props.bare && (
          <footer class="site-footer">
            <p>
              Served by report-edge. Data: <a href="/api/openapi.json">JSON API</a>.
            </p>
          </footer>
        )}
      </body>
      </html>
    </>
  );
}
