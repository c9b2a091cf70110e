import { describe, expect, it } from 'vitest';
import { CHROMIUM_PLACES, findChromium } from '../../test/browser/find-chromium';

describe('finding a browser for the browser tests', () => {
  const only = (...paths: string[]) => (path: string) => paths.includes(path);

  it('takes CHROME_PATH first, wherever it points', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toBe('/opt/chrome/chrome');
  });

  it('finds none where CHROME_PATH names a file that is not there, rather than another browser', () => {
    expect(findChromium({ CHROME_PATH: '/nowhere/chrome' }, only('/usr/bin/chromium'))).toBeNull();
  });

  it('finds Debian’s, Ubuntu’s and macOS’s browsers in their usual places', () => {
    expect(findChromium({}, only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findChromium({}, only('/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    expect(findChromium({}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(CHROMIUM_PLACES).toContain('/snap/bin/chromium');
  });

  it('finds none on a machine without one', () => {
    expect(findChromium({}, () => false)).toBeNull();
  });
});
