import type { Page } from '@playwright/test';

/** WCAG 2.5.8 Target Size (Minimum): 24 × 24 CSS px. Issue 26 adds: body text at least 13 px. */
const MIN_TARGET_PX = 24;
const MIN_TEXT_PX = 13;

export interface PageMeasures {
  /** Every visible control, smallest first: "button Copy 36×24". */
  controls: Array<{ what: string; width: number; height: number }>;
  /** The smallest text on the page, and where. */
  smallestText: { px: number; what: string };
  /** Controls under the minimum, and text under the minimum. */
  smallControls: string[];
  smallText: string[];
}

/**
 * Measures every visible button, link, select, input and disclosure of a page. A checkbox or
 * radio is measured with its label (a click on either toggles it, the target people aim at);
 * a link inside a sentence is left out, as WCAG's "inline" exception does.
 */
export function measureTargets(page: Page): Promise<PageMeasures> {
  return page.evaluate(
    ({ minTarget, minText }) => {
      const shown = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
      };
      const name = (element: Element) =>
        `${element.tagName.toLowerCase()} ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}`;
      const inSentence = (link: Element) =>
        [...(link.parentElement?.childNodes ?? [])].some((node) => node !== link && (node.textContent ?? '').trim().length > 0);
      const controls = [...document.querySelectorAll('button, a[href], select, input, textarea, summary')]
        .filter(shown)
        .filter((element) => !(element.tagName === 'A' && inSentence(element)))
        .map((element) => {
          const toggle = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
          const target = (toggle && element.closest('label')) || element;
          const box = target.getBoundingClientRect();
          return { what: name(element), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
        })
        .sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height));
      const texts: Array<{ px: number; what: string }> = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !(node.textContent ?? '').trim() || !shown(parent)) continue;
        // Screen-reader-only text (the clipped 1 px box) is not read by eye.
        if (parent.closest('.visually-hidden')) continue;
        texts.push({
          px: parseFloat(getComputedStyle(parent).fontSize),
          what: `${parent.tagName.toLowerCase()} ${node.textContent!.trim().slice(0, 40)}`,
        });
      }
      texts.sort((a, b) => a.px - b.px);
      return {
        controls,
        smallestText: texts[0] ?? { px: Infinity, what: '' },
        smallControls: controls.filter((c) => c.width < minTarget || c.height < minTarget).map((c) => `${c.what} ${c.width}×${c.height}`),
        smallText: texts.filter((text) => text.px < minText).map((text) => `${text.what} ${text.px}px`),
      };
    },
    { minTarget: MIN_TARGET_PX, minText: MIN_TEXT_PX },
  );
}

/** Whether the popup fits Chrome's 600 px tall popup, with each of these buttons inside it. */
export function popupFits(page: Page, buttonNames: string[]) {
  return page.evaluate((names) => {
    // The content's own height (the page's scroll height is never less than the 600 px viewport).
    const height = Math.ceil(document.querySelector('.popup')!.getBoundingClientRect().bottom);
    const buttons = [...document.querySelectorAll('button')];
    const hidden = names.filter((wanted) => {
      const button = buttons.find((b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === wanted);
      return !button || button.getBoundingClientRect().bottom > 600;
    });
    return { height, hidden };
  }, buttonNames);
}
