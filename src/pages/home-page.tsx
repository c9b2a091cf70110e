/** /: the reports served, each with its reference and a link to its page. */
import type { Report } from '../core/types';
import { Layout } from './layout';
import { pagePaths } from './page-paths';
import { Byline } from './report-parts';

export function HomePage(props: { reports: Report[] }) {
  return (
    <Layout title="report-edge: reports">
      <h1>Reports</h1>
      <ul class="reports">
        {props.reports.map((report) => (
          <li>
            <h2>
              <a href={pagePaths.report(report.id)}>{report.title}</a>
            </h2>
            <p class="doc-type">{report.type}</p>
            <Byline report={report} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
