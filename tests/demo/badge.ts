import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';

/**
 * The toolbar button as the browser draws it: a headless browser has no toolbar to photograph,
 * so this draws the extension's own 32 px icon with the badge the extension set right now
 * (chrome.action's text and colours, read from the worker), the way Chrome lays a badge over it.
 */
export async function drawBadge(context: BrowserContext, worker: Worker, buildDir: string): Promise<Page> {
  const badge = await worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    background: await chrome.action.getBadgeBackgroundColor({}),
    color: await chrome.action.getBadgeTextColor({}),
    title: await chrome.action.getTitle({}),
  }));
  const icon = fs.readFileSync(path.join(buildDir, 'icons/32.png')).toString('base64');
  const rgba = ([r, g, b, a]: number[]) => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;
  // No text colour set: Chrome picks white or black for contrast with the background (white here).
  const textColor = badge.color[3] === 0 ? 'white' : rgba(badge.color);
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 56 });
  await page.setContent(`<!doctype html><meta charset="utf-8">
    <style>
      body { margin: 0; font: 13px system-ui, sans-serif; background: #dfe3e8; }
      .toolbar { display: flex; align-items: center; gap: 10px; height: 56px; padding: 0 12px; }
      .button { position: relative; width: 32px; height: 32px; }
      .badge { position: absolute; right: -6px; bottom: -4px; min-width: 16px; height: 16px; padding: 0 3px; border-radius: 8px;
        box-sizing: border-box; font: bold 11px/16px system-ui, sans-serif; text-align: center;
        background: ${rgba(badge.background)}; color: ${textColor}; }
      .title { color: #333; }
    </style>
    <div class="toolbar"><div class="button"><img src="data:image/png;base64,${icon}" width="32" height="32" alt="">
    ${badge.text ? `<span class="badge"></span>` : ''}</div><span class="title"></span></div>`);
  // Text set as text: the badge and the tooltip come from the extension.
  await page.evaluate(
    ({ text, title }) => {
      const span = document.querySelector('.badge');
      if (span) span.textContent = text;
      document.querySelector('.title')!.textContent = title;
    },
    { text: badge.text, title: badge.title },
  );
  return page;
}
