/**
 * Reads Bicep with the tree-sitter Bicep grammar (WebAssembly, no Bicep CLI): syntax errors, and the
 * declarations as plain values so tests can check what the templates say. Not a type checker: it does
 * not know Azure resource schemas; `az bicep build` (or a what-if) remains the check for those.
 */
import { readFileSync } from 'node:fs';
import { Language, Parser, type Node } from 'web-tree-sitter';

export type BicepValue = string | number | boolean | null | BicepValue[] | { [key: string]: BicepValue } | { expr: string };

export interface Declaration {
  kind: 'param' | 'resource' | 'module' | 'output' | 'var';
  name: string;
  /** Resource type ('Microsoft.Web/sites@2023-12-01') or module path. */
  target?: string;
  hasDefault?: boolean;
  existing?: boolean;
  /** The body: the object, or the loop's / condition's object. */
  body?: BicepValue;
}

export interface BicepFile {
  errors: string[];
  declarations: Declaration[];
}

let parser: Parser | undefined;

async function getParser(): Promise<Parser> {
  if (!parser) {
    await Parser.init();
    // Bytes, not a path: given a path it uses a dynamic import() that jest's VM does not allow.
    const language = await Language.load(readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')));
    parser = new Parser();
    parser.setLanguage(language);
  }
  return parser;
}

function unquote(node: Node): string {
  const t = node.text;
  return t.startsWith("'''") ? t.slice(3, -3) : t.slice(1, -1);
}

export function toValue(node: Node): BicepValue {
  switch (node.type) {
    case 'string':
      return unquote(node);
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'array':
      return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map(toValue);
    case 'object': {
      const out: Record<string, BicepValue> = {};
      for (const prop of node.namedChildren) {
        if (!prop || prop.type !== 'object_property') continue;
        const [key, value] = prop.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        out[key.type === 'string' ? unquote(key) : key.text] = toValue(value);
      }
      return out;
    }
    case 'for_statement':
      return toValue(node.childForFieldName('body') ?? node.namedChildren[node.namedChildren.length - 1]!);
    case 'if_statement':
      return toValue(node.namedChildren[node.namedChildren.length - 1]!);
    default:
      return { expr: node.text };
  }
}

function errorsOf(root: Node, file: string): string[] {
  const errors: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'ERROR' || n.isMissing) errors.push(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.isMissing ? `missing ${n.type}` : `cannot parse "${n.text.slice(0, 40)}"`}`);
    else n.children.forEach((c) => c && walk(c));
  };
  walk(root);
  return errors;
}

const KINDS: Record<string, Declaration['kind']> = {
  parameter_declaration: 'param',
  resource_declaration: 'resource',
  module_declaration: 'module',
  output_declaration: 'output',
  variable_declaration: 'var',
};

export async function parseBicep(source: string, file = '(source)'): Promise<BicepFile> {
  const tree = (await getParser()).parse(source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${file}`);
  const declarations: Declaration[] = [];
  for (const node of tree.rootNode.namedChildren) {
    const kind = node && KINDS[node.type];
    if (!node || !kind) continue;
    const parts = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const name = parts[0]?.text ?? '';
    if (kind === 'param') declarations.push({ kind, name, hasDefault: parts.length > 2 });
    else if (kind === 'resource' || kind === 'module') {
      declarations.push({ kind, name, target: unquote(parts[1]), existing: /\bexisting\s*=/.test(node.text.split('{')[0]), body: toValue(parts[parts.length - 1]) });
    } else declarations.push({ kind, name, body: toValue(parts[parts.length - 1]) });
  }
  return { errors: errorsOf(tree.rootNode, file), declarations };
}

export async function readBicep(file: string): Promise<BicepFile> {
  return parseBicep(readFileSync(file, 'utf8'), file);
}
