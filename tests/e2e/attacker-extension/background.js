// Test-only: another extension trying Whoami's message protocol. Driven from the e2e test.
self.tryWhoami = (whoamiId, message) =>
  chrome.runtime.sendMessage(whoamiId, message).then(
    (reply) => ({ answered: true, reply }),
    (error) => ({ answered: false, error: String(error && error.message) }),
  );
