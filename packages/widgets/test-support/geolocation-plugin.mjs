// A test-runner command that sets what the browser answers to a page asking for its position:
// `executeServerCommand('geolocation', { latitude, longitude, accuracy })` grants the permission
// and overrides the position; `executeServerCommand('geolocation', null)` denies it.
export function geolocationPlugin() {
  return {
    name: 'geolocation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'geolocation') return undefined;
      const page = session.browser.getPage(session.id);
      const context = page.browserContext();
      const origin = new URL(page.url()).origin;
      await context.clearPermissionOverrides();
      if (payload === null) {
        await context.overridePermissions(origin, []);
        return true;
      }
      await context.overridePermissions(origin, ['geolocation']);
      await page.setGeolocation(payload);
      return true;
    },
  };
}
