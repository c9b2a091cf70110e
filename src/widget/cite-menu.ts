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
import { CITATION_FORMS, FEATURED_STYLES, formsOf, MACHINE_FORMATS } from '../core/citations/registry';
import { h } from './element';
import type { WidgetState } from './widget-state';

/** How long "Copied" stays on a copy button. */
const FLASH_MS = 2500;

/** The copy shortcut as this reader's keyboard has it. */
const COPY_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘C' : 'Ctrl+C';

/** What the menu copies: each featured style in each of its forms (reference and in-text, or the notes). */
const COPY_CHOICES = FEATURED_STYLES.map(({ style, label, styleClass }) => ({
  style,
  label,
  forms: formsOf(styleClass).map((form) => ({ form, label: CITATION_FORMS.find((f) => f.name === form)!.label })),
}));

export interface CiteMenus {
  /**
   * The Cite button and its menu for result `i`; `cite` is the section's cite
   * URL up to `format=`; `page`, the printed page of the match, goes into the
   * in-text citation and the notes (the reference lists the whole report).
   */
  controls(cite: string, i: number, page: string | null): HTMLElement[];
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

  /**
   * Copies text and HTML (italics kept) in the click's own task: the
   * clipboard item takes the answers as promises, as Safari requires. Where
   * the Clipboard API is refused, shows the text selected to copy by hand.
   */
  async function copyReference(button: HTMLButtonElement, url: string, name: string, shown: HTMLElement) {
    const text = fetchReference(`${url}text`);
    const blob = (answer: Promise<string>, type: string) => answer.then((body) => new Blob([body], { type }));
    try {
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob(text, 'text/plain'), 'text/html': blob(fetchReference(`${url}html`), 'text/html') })]);
      } else {
        await navigator.clipboard.writeText(await text);
      }
      button.textContent = 'Copied';
      announce(`Copied the ${name}.`);
    } catch {
      const copied = await text.catch(() => '');
      shown.textContent = copied;
      shown.hidden = !copied;
      const selection = getSelection();
      if (copied && selection) selection.selectAllChildren(shown);
      button.textContent = copied ? `Selected: press ${COPY_KEYS} to copy` : 'Copy failed';
      announce(copied ? `Copying is blocked here: the ${name} is selected, press ${COPY_KEYS} to copy it.` : `Could not copy the ${name}.`);
    }
    setTimeout(() => (button.textContent = button.dataset.label!), FLASH_MS);
  }

  const menus: CiteMenus = {
    controls(cite, i, page) {
      const button = h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', 'aria-controls': `m${i}`, 'aria-describedby': `t${i}` }, 'Cite');
      const menu = h('div', { id: `m${i}`, class: 'menu', role: 'group', 'aria-label': page === null ? 'Cite this section' : `Cite this section, page ${page}` });
      menu.hidden = true;
      const shown = h('span', { class: 'sel' });
      shown.hidden = true;
      // A row per style: its name, then a button per form; each button's name says all ("Copy APA in-text citation").
      for (const { style, label, forms } of COPY_CHOICES) {
        const row = h('span', { class: 'row' });
        row.append(h('span', {}, `${label}:`));
        for (const form of forms) {
          const atPage = page !== null && form.form !== 'reference';
          const name = `${label} ${form.label.toLowerCase()}${atPage ? ` for page ${page}` : ''}`;
          const copy = h('button', { type: 'button', 'aria-label': `Copy ${name}`, 'data-label': form.label }, atPage ? `${form.label}, p. ${page}` : form.label);
          copy.dataset.label = copy.textContent!;
          // The answer's URL up to its format: …&style=apa&form=in-text[&page=11]&format= then text or html.
          const url = `${cite.replace(/format=$/, '')}style=${style}&form=${form.form}${atPage ? `&page=${encodeURIComponent(page)}` : ''}&format=`;
          copy.onclick = () => copyReference(copy, url, name, shown);
          row.append(copy);
        }
        menu.append(row);
      }
      menu.append(shown, h('span', {}, 'Download:'));
      for (const { name, shortLabel } of MACHINE_FORMATS) menu.append(h('a', { href: cite + name, download: '' }, shortLabel));
      button.onclick = () => {
        const wasOpen = state.openMenu?.menu === menu;
        menus.close(true); // focus must not stay on a hidden entry: losing it would close the list
        if (wasOpen) return;
        menu.hidden = false;
        button.setAttribute('aria-expanded', 'true');
        state.openMenu = { button, menu };
        menu.querySelector<HTMLElement>('button')!.focus();
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
