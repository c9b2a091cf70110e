/**
 * Each result's Cite button and the menu it opens: copy a formatted reference
 * (APA, MLA, Chicago), or download a file for a reference manager. One menu is
 * open at a time (`state.openMenu`); Escape closes it and gives the focus back
 * to its button, ArrowDown/ArrowUp move between its entries.
 *
 * @example
 * const cite = createCiteMenus(state, (text) => (live.textContent = text));
 * item.append(link, ...cite.controls('https://HOST/api/reports/r/sections/7/cite?format=', 0));
 */
import { h } from './element';
import type { WidgetState } from './widget-state';

/** How long "Copied" stays on a copy button. */
const FLASH_MS = 2000;

/** Formatted references to copy: [label, the API's style name]. */
const COPY_STYLES = [
  ['APA', 'apa'],
  ['MLA', 'mla'],
  ['Chicago', 'chicago-author-date'],
];
/** Files for reference managers: [label, the API's format name]. */
const DOWNLOAD_FORMATS = [
  ['RIS', 'ris'],
  ['BibTeX', 'bibtex'],
  ['BibLaTeX', 'biblatex'],
  ['CSL-JSON', 'csl-json'],
];

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

  async function copyReference(button: HTMLButtonElement, url: string, name: string) {
    try {
      // Synchronous when the menu's prefetch has arrived, so the copy stays inside the click.
      const known = references.get(url);
      await navigator.clipboard.writeText(known ?? (await fetchReference(url)));
      button.textContent = 'Copied';
      announce(`Copied the ${name} reference.`);
    } catch {
      button.textContent = 'Copy failed';
      announce(`Could not copy the ${name} reference.`);
    }
    setTimeout(() => (button.textContent = `Copy ${name}`), FLASH_MS);
  }

  const menus: CiteMenus = {
    controls(cite, i) {
      const button = h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', 'aria-controls': `m${i}`, 'aria-describedby': `t${i}` }, 'Cite');
      const menu = h('div', { id: `m${i}`, class: 'menu', role: 'group', 'aria-label': 'Cite this section' });
      menu.hidden = true;
      const copyUrls = COPY_STYLES.map(([, style]) => `${cite}text&style=${style}`);
      COPY_STYLES.forEach(([name], k) => {
        const copy = h('button', { type: 'button' }, `Copy ${name}`);
        copy.onclick = () => copyReference(copy, copyUrls[k], name);
        menu.append(copy);
      });
      menu.append(h('span', {}, 'Download:'));
      for (const [name, format] of DOWNLOAD_FORMATS) menu.append(h('a', { href: cite + format, download: '' }, name));
      button.onclick = () => {
        const wasOpen = state.openMenu?.menu === menu;
        menus.close(true); // focus must not stay on a hidden entry: losing it would close the list
        if (wasOpen) return;
        menu.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        state.openMenu = { button, menu };
        (menu.firstElementChild as HTMLElement).focus();
        for (const url of copyUrls) fetchReference(url).catch(() => {});
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
