/**
 * /embed/{report}: the search widget alone, for sites that can only add an
 * iframe. Compact (one title line, cut with an ellipsis on a phone), in the
 * theme the host page chose (`?theme=`, light by default), and sized to its
 * content when the host page runs /embed/frame.js or is Canvas (the page
 * script reports its height: src/frame/frame-height.ts).
 */
import type { Report } from '../core/types';
import type { Theme } from '../requests/parameters';
import { Layout } from './layout';
import { SearchForm } from './search-form';
import { pagePaths } from '../requests/paths';

export function EmbedPage(props: { report: Report; origin: string; theme: Theme }) {
  return (
    <Layout title={`Search: ${props.report.title}`} bare theme={props.theme}>
      <h1 class="embed-title">
        Search{' '}
        <a href={`${props.origin}${pagePaths.report(props.report.id)}`} target="_blank" rel="noopener" title={props.report.title}>
          {props.report.title}
        </a>
      </h1>
      <report-search report={props.report.id} api={props.origin} target="_blank" theme={props.theme}>
        <SearchForm report={props.report.id} target="_blank" />
      </report-search>
    </Layout>
  );
}
