/** A small generated portrait, so profiles have a real picture to load from loopback. */
export function avatarSvg(name: string): string {
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  const skin = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524'][name.length % 4];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 70% 42%)"/></linearGradient></defs>
<rect width="96" height="96" fill="url(#g)"/>
<path d="M14 96c3-20 17-30 34-30s31 10 34 30z" fill="hsl(${(hue + 180) % 360} 45% 35%)"/>
<circle cx="48" cy="40" r="18" fill="${skin}"/>
<path d="M29 38c0-14 9-21 19-21s19 7 19 21c-5-7-11-9-19-9s-14 2-19 9z" fill="#3b2a20"/>
</svg>`;
}
