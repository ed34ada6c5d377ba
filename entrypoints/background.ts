import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/wake';

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle like Chrome's service worker — the
  // background keeps nothing in memory that storage doesn't also hold.
  persistent: false,
  main() {
    startBackground();
  },
});
