// Test-only: a content script on a web page relaying the page's attempts to reach Whoami.
window.addEventListener('message', (event) => {
  if (!event.data || event.data.kind !== 'try-whoami') return;
  chrome.runtime.sendMessage(event.data.whoamiId, event.data.message).then(
    (reply) => window.postMessage({ kind: 'whoami-result', answered: true, reply }, '*'),
    (error) => window.postMessage({ kind: 'whoami-result', answered: false, error: String(error && error.message) }, '*'),
  );
});
