/**
 * The pages' only script: copy buttons. Everything else works without it.
 * A button copies its `data-copy` text, or the text of the element named by
 * `data-copy-from`, and says so.
 */
function copyText(button: HTMLButtonElement): string {
  const from = button.dataset.copyFrom;
  return from ? (document.getElementById(from)?.textContent ?? '') : (button.dataset.copy ?? '');
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest?.('button.copy');
  if (!(button instanceof HTMLButtonElement)) return;
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  try {
    await navigator.clipboard.writeText(copyText(button));
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed: select the text instead';
  }
  setTimeout(() => (button.textContent = label), 2000);
});
