// A small element tree over saxes (the XML parser exceljs ships with), for checking manifest.xml.
import { SaxesParser } from 'saxes';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

export function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

export function* walk(el: El): Generator<El> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Elements reached by a path of names, e.g. ['VersionOverrides', 'Hosts', 'Host']. */
export function at(el: El, path: string[]): El {
  return path.reduce(child, el);
}
