/**
 * The pages' only script: copy buttons, the "Export selected" check, and,
 * in a frame (the embed page), the frame's height for the host page
 * (src/frame/frame-height.ts). Everything else works without it.
 *
 * A copy button copies its `data-copy` text, or the text of the element named
 * by `data-copy-from`; with `data-copy-html-from` it also puts that element's
 * HTML on the clipboard, so a reference pasted into a word processor keeps
 * its italic title. Where the Clipboard API is refused (a sandboxed or
 * cross-origin frame), the text is selected for the reader to copy by hand.
 */
import { reportFrameHeight } from '../frame/frame-height';

const FLASH_MS = 2500;

/** The copy shortcut as this reader's keyboard has it. */
const COPY_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘C' : 'Ctrl+C';

function copySource(button: HTMLButtonElement): { text: string; html: string | null; element: Element | null } {
  const from = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
  const htmlFrom = button.dataset.copyHtmlFrom ? document.getElementById(button.dataset.copyHtmlFrom) : null;
  const text = from ? (from.textContent ?? '') : (button.dataset.copy ?? '');
  return { text, html: htmlFrom ? htmlFrom.innerHTML.trim() : null, element: from ?? htmlFrom };
}

/** Writes text, and HTML when given, to the clipboard; throws where the browser refuses. */
async function writeClipboard(text: string, html: string | null): Promise<void> {
  if (html !== null && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}

/** Selects an element's text so the reader can copy it with the keyboard or the menu. */
function selectText(element: Element | null): boolean {
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

function flash(button: HTMLButtonElement, message: string): void {
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  button.textContent = message;
  setTimeout(() => (button.textContent = label), FLASH_MS);
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest?.('button.copy');
  if (!(button instanceof HTMLButtonElement)) return;
  const source = copySource(button);
  try {
    await writeClipboard(source.text, source.html);
    flash(button, 'Copied');
  } catch {
    flash(button, selectText(source.element) ? `Selected: press ${COPY_KEYS} to copy` : 'Copy failed: select the text instead');
  }
});

// "Export selected" with nothing ticked: say so beside the button instead of leaving the page.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('export-form')) return;
  if (form.querySelector('input[name="section"]:checked')) return;
  event.preventDefault();
  const message = form.querySelector('.export-message');
  if (message) message.textContent = 'Tick at least one section to export.';
});

reportFrameHeight();
