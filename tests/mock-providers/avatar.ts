/** A small generated avatar, so profiles have a real image to load from loopback. */
export function avatarSvg(name: string): string {
  const initials = name.replaceAll(/[^a-z]/gi, '').slice(0, 2).toUpperCase() || '?';
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="48" fill="hsl(${hue} 55% 45%)"/>
<text x="48" y="60" font-family="sans-serif" font-size="38" font-weight="600" fill="#fff" text-anchor="middle">${initials}</text>
</svg>`;
}
