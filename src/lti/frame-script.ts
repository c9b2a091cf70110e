/**
 * The script of the LTI views, served at /lti/lti.js (the pages' CSP allows
 * no inline script): it posts the Deep Linking response form by itself
 * (the form also has a button, for a browser without JavaScript), tells the
 * platform a dynamic registration is done (LTI Dynamic Registration 1.0
 * §3.7: `{subject: "org.imsglobal.lti.close"}` to the opener or parent),
 * and scrolls a launched printed page to its marker.
 *
 * Plain ES2017 in a string, since it is a few lines and no build step
 * needs to know about it.
 */
import { REGISTRATION_CLOSE_SUBJECT } from './claims';

export const FRAME_SCRIPT = `// report-edge LTI views: see src/lti/frame-script.ts
(function () {
  var form = document.querySelector('form[data-lti-auto-submit]');
  if (form) form.submit();
  if (document.querySelector('[data-lti-registered]')) {
    (window.opener || window.parent).postMessage({ subject: ${JSON.stringify(REGISTRATION_CLOSE_SUBJECT)} }, '*');
  }
  var fragment = document.documentElement.getAttribute('data-lti-fragment');
  if (fragment && /^[A-Za-z0-9_.-]+$/.test(fragment)) location.replace('#' + fragment);
})();
`;
