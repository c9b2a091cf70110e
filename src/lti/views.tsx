/**
 * The pages the LTI tool shows inside the platform's frame: the
 * deep-linking picker, the form that posts the choice back, the end of a
 * dynamic registration, and the refusals. All in the site's layout, bare
 * (no site header or footer: the platform frames them), with the frame
 * scripts below.
 */
import type { Child } from 'hono/jsx';
import type { Problem } from '../problem';
import { Layout } from '../pages/layout';
import { ltiPaths } from '../requests/paths';
import { PICK_KINDS } from './picker';

/**
 * The scripts every framed LTI view carries, in one place: the tool's own
 * (auto-post, the registration's close message). Canvas's `lti.frameResize`
 * script (posting the view's height to the platform) joins this list when
 * it exists; the launched pages get the same list (./launch-view.ts).
 */
export const FRAME_SCRIPTS: readonly string[] = [ltiPaths.script()];

/** A framed LTI view. */
export function LtiPage(props: { title: string; children: Child }) {
  return (
    <Layout title={props.title} bare scripts={[...FRAME_SCRIPTS]}>
      {props.children}
    </Layout>
  );
}

/** A refusal: what went wrong, in the platform's frame. */
export function LtiErrorPage(props: { problem: Problem }) {
  return (
    <LtiPage title={props.problem.title}>
      <h1>{props.problem.title}</h1>
      <p class="lti-problem">{props.problem.detail}</p>
      <p>
        <a href="/" target="_blank" rel="noopener">
          See the reports served here
        </a>{' '}
        (opens a new tab).
      </p>
    </LtiPage>
  );
}

export interface PickerProps {
  /** The signed deep-linking context (./deep-linking.ts). */
  context: string;
  reports: Array<{ id: string; title: string }>;
  /** More reports than the list shows: then the id is typed. */
  more: number;
  styles: Array<{ style: string; label: string }>;
  /** The platform's suggested heading, if any. */
  heading?: string;
}

/** The deep-linking picker: what to place in the course. */
export function PickerPage(props: PickerProps) {
  return (
    <LtiPage title="Place a report in your course">
      <h1>{props.heading ?? 'Place a report in your course'}</h1>
      <form method="post" action={ltiPaths.deepLink()} class="lti-picker">
        <input type="hidden" name="context" value={props.context} />
        <p>
          <label for="lti-report">Report</label>{' '}
          {props.more === 0 ? (
            <select id="lti-report" name="report" required>
              {props.reports.map((r) => (
                <option value={r.id}>{r.title}</option>
              ))}
            </select>
          ) : (
            <input id="lti-report" name="report" required maxlength={200} placeholder="report id" />
          )}
        </p>
        <fieldset>
          <legend>What to place</legend>
          {PICK_KINDS.map((k, i) => (
            <label>
              <input type="radio" name="kind" value={k.kind} checked={i === 0} /> {k.label}
              <br />
            </label>
          ))}
        </fieldset>
        <p>
          <label for="lti-section">Section number</label> <input id="lti-section" name="section" inputmode="numeric" pattern="[1-9][0-9]{0,4}" size={5} />{' '}
          <label for="lti-page">Printed page</label> <input id="lti-page" name="page" maxlength={20} size={6} placeholder="11 or ii" />
        </p>
        <p>
          <label for="lti-style">Citation style</label>{' '}
          <select id="lti-style" name="style">
            {props.styles.map((s) => (
              <option value={s.style}>{s.label}</option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">Place in course</button>
        </p>
      </form>
    </LtiPage>
  );
}

/** Posts the Deep Linking response to the platform: by itself with JavaScript, with the button without. */
export function ReturnPage(props: { returnUrl: string; jwt: string; title: string }) {
  return (
    <LtiPage title="Returning to your course">
      <h1>Returning to your course</h1>
      <p>Placing “{props.title}”…</p>
      <form method="post" action={props.returnUrl} data-lti-auto-submit>
        <input type="hidden" name="JWT" value={props.jwt} />
        <button type="submit">Continue</button>
      </form>
    </LtiPage>
  );
}

/** The end of a dynamic registration: what the platform now knows; the script tells the platform to close it. */
export function RegisteredPage(props: { issuer: string; clientId: string; deploymentIds: string[] }) {
  return (
    <LtiPage title="report-edge is registered">
      <h1 data-lti-registered>report-edge is registered</h1>
      <p>
        Registered with <code>{props.issuer}</code> as client <code>{props.clientId}</code>
        {props.deploymentIds.length > 0 ? (
          <>
            , deployment <code>{props.deploymentIds.join(', ')}</code>
          </>
        ) : (
          ''
        )}
        . You may close this window.
      </p>
      <p data-lti-pending>
        Launches work once this deployment's administrator approves the registration, by the link the tool wrote in its log.
      </p>
    </LtiPage>
  );
}

/** The approval link's page: what would be approved, and the button that does it (a POST, so a prefetched link approves nothing). */
export function ApprovePage(props: { issuer: string; clientId: string; token: string }) {
  return (
    <LtiPage title="Approve a registration">
      <h1>Approve a registration</h1>
      <p>
        <code>{props.issuer}</code> registered this tool as client <code>{props.clientId}</code>. Once approved, its courses can launch the tool.
      </p>
      <form method="post" action={ltiPaths.approve()}>
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">Approve</button>
      </form>
    </LtiPage>
  );
}

export function ApprovedPage(props: { issuer: string; clientId: string }) {
  return (
    <LtiPage title="Registration approved">
      <h1 data-lti-approved>Registration approved</h1>
      <p>
        <code>{props.issuer}</code> (client <code>{props.clientId}</code>) can now launch the tool.
      </p>
    </LtiPage>
  );
}

/** The error page of an LTI refusal, keeping its status. */
export function ltiErrorHtml(problem: Problem) {
  return <LtiErrorPage problem={problem} />;
}
