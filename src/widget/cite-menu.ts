/**
 * Each result's Cite button and the menu it opens: copy the reference or the
 * in-text citation in APA, MLA or Chicago (with its italics, as HTML and
 * text), or download a file for a reference manager. Styles, forms and
 * formats come from the citation registry, bundled in by esbuild. One menu is
 * open at a time (`state.openMenu`); Escape closes it and gives the focus back
 * to its button, ArrowDown/ArrowUp move between its entries.
 *
 * @example
 * const cite = createCiteMenus(state, (text) => (live.textContent = text));
 * item.append(link, ...cite.controls('https://HOST/api/reports/r/sections/7/cite?format=', 0));
 */
import { CITATION_FORMS, FEATURED_STYLES, MACHINE_FORMATS, type CitationForm } from '../core/citations/registry';
import { h } from './element';
import type { WidgetState } from './widget-state';

/** How long "Copied" stays on a copy button. */
const FLASH_MS = 2500;

/** What the menu copies: the featured author-date styles, each as reference and in-text citation. */
const COPY_FORMS: CitationForm[] = ['reference', 'in-text'];
const COPY_CHOICES = FEATURED_STYLES.filter(({ style }) => style !== 'chicago-notes-bibliography').flatMap(({ style, label }) =>
  COPY_FORMS.map((form) => ({ style, form, name: `${label} ${CITATION_FORMS.find((f) => f.name === form)!.label.toLowerCase()}` })),
);

export interface CiteMenus {
  /** The Cite button and its menu for result `i`; `cite` is the section's cite URL up to `format=`. */
  controls(cite: string, i: number): HTMLElement[];
  /** Closes the open menu, if any; with `focusButton`, the focus goes back to its Cite button. */
  close(focusButton?: boolean): void;
  /** Keys inside the open menu: Escape closes it, arrows move between entries. True when a menu is open (the key is its business). */
  keydown(event: KeyboardEvent): boolean;
}

/** The Cite menus of one widget; `announce` tells screen readers what a copy did. */
export function createCiteMenus(state: WidgetState, announce: (text: string) => void): CiteMenus {
  /** Formatted references fetched so far, by URL: copying needs no wait (Safari's clipboard wants the click's own task). */
  const references = new Map<string, string>();

  async function fetchReference(url: string): Promise<string> {
    const known = references.get(url);
    if (known !== undefined) return known;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status}`);
    const text = (await response.text()).trim();
    references.set(url, text);
    return text;
  }

  /** Copies text and HTML (italics kept); where the Clipboard API is refused, shows the text selected to copy by hand. */
  async function copyReference(button: HTMLButtonElement, url: string, name: string, shown: HTMLElement) {
    let text = '';
    try {
      // Synchronous when the menu's prefetch has arrived, so the copy stays inside the click.
      text = references.get(`${url}text`) ?? (await fetchReference(`${url}text`));
      const html = references.get(`${url}html`) ?? (await fetchReference(`${url}html`).catch(() => null));
      if (html && typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      button.textContent = 'Copied';
      announce(`Copied the ${name}.`);
    } catch {
      shown.textContent = text;
      shown.hidden = !text;
      const selection = getSelection();
      if (text && selection) selection.selectAllChildren(shown);
      button.textContent = text ? 'Selected: press Ctrl+C' : 'Copy failed';
      announce(text ? `Copying is blocked here: the ${name} is selected, press Control C to copy it.` : `Could not copy the ${name}.`);
    }
    setTimeout(() => (button.textContent = `Copy ${name}`), FLASH_MS);
  }

  const menus: CiteMenus = {
    controls(cite, i) {
      const button = h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', 'aria-controls': `m${i}`, 'aria-describedby': `t${i}` }, 'Cite');
      const menu = h('div', { id: `m${i}`, class: 'menu', role: 'group', 'aria-label': 'Cite this section' });
      menu.hidden = true;
      // Each copy's URL up to its format: …&style=apa&form=in-text&format= then text or html.
      const copyUrls = COPY_CHOICES.map(({ style, form }) => `${cite.replace(/format=$/, '')}style=${style}&form=${form}&format=`);
      const shown = h('span', { class: 'sel' });
      shown.hidden = true;
      COPY_CHOICES.forEach(({ name }, k) => {
        const copy = h('button', { type: 'button' }, `Copy ${name}`);
        copy.onclick = () => copyReference(copy, copyUrls[k], name, shown);
        menu.append(copy);
      });
      menu.append(shown, h('span', {}, 'Download:'));
      for (const { name, shortLabel } of MACHINE_FORMATS) menu.append(h('a', { href: cite + name, download: '' }, shortLabel));
      button.onclick = () => {
        const wasOpen = state.openMenu?.menu === menu;
        menus.close(true); // focus must not stay on a hidden entry: losing it would close the list
        if (wasOpen) return;
        menu.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        state.openMenu = { button, menu };
        (menu.firstElementChild as HTMLElement).focus();
        for (const url of copyUrls) for (const format of ['text', 'html']) fetchReference(url + format).catch(() => {});
      };
      return [button, menu];
    },

    close(focusButton = false) {
      if (!state.openMenu) return;
      const { button, menu } = state.openMenu;
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      state.openMenu = null;
      if (focusButton) button.focus();
    },

    keydown(event) {
      const open = state.openMenu;
      if (!open) return false;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        menus.close(true);
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open.menu.contains(event.target as Node)) {
        event.preventDefault();
        const entries = Array.from(open.menu.querySelectorAll<HTMLElement>('button, a'));
        const at = entries.indexOf(event.target as HTMLElement) + (event.key === 'ArrowDown' ? 1 : -1);
        entries[(at + entries.length) % entries.length].focus();
      }
      return true;
    },
  };
  return menus;
}
