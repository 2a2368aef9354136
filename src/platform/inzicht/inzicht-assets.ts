import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The tab's files: its own page (web/inzicht) and the libraries' dist files, by a fixed list of names. */
export interface Asset {
  body: Buffer;
  contentType: string;
}

function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the Inzicht assets');
    dir = up;
  }
  return dir;
}

const js = 'text/javascript; charset=utf-8';

/** Only these names are served: nothing else under the folder or node_modules can be asked for. */
export function loadAssets(): Map<string, Asset> {
  const root = packageRoot();
  const web = join(root, 'web', 'inzicht');
  const files: Array<[string, string, string]> = [
    ['index.html', join(web, 'index.html'), 'text/html; charset=utf-8'],
    ['app.js', join(web, 'app.js'), js],
    ['app.css', join(web, 'app.css'), 'text/css; charset=utf-8'],
    ['echarts.min.js', require.resolve('echarts/dist/echarts.min.js'), js],
    ['teams-js.min.js', require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'), js],
    ['fluent.min.js', require.resolve('@fluentui/web-components/dist/web-components.min.js'), js],
  ];
  return new Map(files.map(([name, path, contentType]) => [name, { body: readFileSync(path), contentType }]));
}
