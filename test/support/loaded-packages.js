// Preloaded into a bot process by a test (`node --require`): on SIGUSR2 it writes the packages from
// node_modules the process has loaded so far to LOADED_PACKAGES_FILE, as a JSON array of names.
const { writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const found = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (found) names.add(found[1].replace(/\\/g, '/'));
  }
  writeFileSync(process.env.LOADED_PACKAGES_FILE, JSON.stringify([...names].sort()));
});
