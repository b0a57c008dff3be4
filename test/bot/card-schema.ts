// A strict reading of the Adaptive Card 1.5 schema for what the bot sends: every element and action
// type known, enum properties within their values, Action.Submit data an object, ShowCard cards
// well formed, no empty TextBlock or FactSet, input ids unique, and the payload inside Teams' limit.
// Returns the problems found, each with the JSON path, so a failing test says where.

const ELEMENTS = new Set([
  'TextBlock', 'RichTextBlock', 'Image', 'Media', 'Container', 'ColumnSet', 'FactSet', 'ImageSet', 'ActionSet', 'Table',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const ACTIONS = new Set(['Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);
const ENUMS: Record<string, readonly string[]> = {
  size: ['Small', 'Default', 'Medium', 'Large', 'ExtraLarge'],
  weight: ['Lighter', 'Default', 'Bolder'],
  color: ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'],
  spacing: ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'],
  horizontalAlignment: ['Left', 'Center', 'Right'],
  style: ['default', 'emphasis', 'good', 'attention', 'warning', 'accent', 'compact', 'expanded', 'filtered', 'positive', 'destructive', 'person', 'text', 'tel', 'url', 'email', 'password', 'Default', 'Emphasis'],
  fontType: ['Default', 'Monospace'],
};
/** Teams rejects cards over about 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

type J = Record<string, any>;

export function checkCard(card: J, opts: { nested?: boolean } = {}): string[] {
  const bad: string[] = [];
  const ids = new Map<string, string>();
  const problem = (path: string, what: string) => bad.push(`${path}: ${what}`);

  function props(node: J, path: string) {
    for (const [k, allowed] of Object.entries(ENUMS)) {
      if (k in node && !allowed.includes(node[k])) problem(`${path}.${k}`, `“${node[k]}” is not one of ${allowed.join('/')}`);
    }
    if ('isSubtle' in node && typeof node.isSubtle !== 'boolean') problem(`${path}.isSubtle`, 'not a boolean');
    if ('wrap' in node && typeof node.wrap !== 'boolean') problem(`${path}.wrap`, 'not a boolean');
    if ('separator' in node && typeof node.separator !== 'boolean') problem(`${path}.separator`, 'not a boolean');
  }

  function action(a: J, path: string, inSelect = false) {
    if (!ACTIONS.has(a?.type)) return problem(path, `unknown action type ${JSON.stringify(a?.type)}`);
    if (!inSelect && (typeof a.title !== 'string' || !a.title.trim())) problem(`${path}.title`, 'an action needs a title');
    if (a.type === 'Action.Submit' || a.type === 'Action.Execute') {
      if (!a.data || typeof a.data !== 'object' || Array.isArray(a.data)) problem(`${path}.data`, 'Submit data must be an object');
      else if (!a.data.verb && !a.data.msteams) problem(`${path}.data`, 'neither a verb for the bot nor an msteams action');
    }
    if (a.type === 'Action.ShowCard') {
      if (inSelect) problem(path, 'a selectAction cannot be a ShowCard');
      if (a.card?.type !== 'AdaptiveCard') problem(`${path}.card`, 'ShowCard needs an AdaptiveCard');
      else root(a.card, `${path}.card`);
    }
    if (a.type === 'Action.OpenUrl' && !/^https:\/\//.test(a.url ?? '')) problem(`${path}.url`, 'OpenUrl needs an https URL');
  }

  function element(e: J, path: string) {
    if (!e || typeof e !== 'object') return problem(path, 'not an object');
    if (!ELEMENTS.has(e.type)) return problem(path, `unknown element type ${JSON.stringify(e.type)}`);
    props(e, path);
    if (e.selectAction) action(e.selectAction, `${path}.selectAction`, true);
    switch (e.type) {
      case 'TextBlock':
        if (typeof e.text !== 'string' || !e.text.trim()) problem(`${path}.text`, 'empty TextBlock');
        break;
      case 'FactSet':
        if (!Array.isArray(e.facts) || !e.facts.length) problem(path, 'empty FactSet');
        else e.facts.forEach((f: J, i: number) => {
          if (typeof f.title !== 'string' || typeof f.value !== 'string') problem(`${path}.facts[${i}]`, 'title and value must be text');
          else if (!f.title.trim()) problem(`${path}.facts[${i}].title`, 'empty');
        });
        break;
      case 'Container':
        if (!Array.isArray(e.items) || !e.items.length) problem(path, 'empty Container');
        else e.items.forEach((x: J, i: number) => element(x, `${path}.items[${i}]`));
        break;
      case 'ColumnSet':
        (e.columns ?? []).forEach((c: J, i: number) => {
          if (c.type !== undefined && c.type !== 'Column') problem(`${path}.columns[${i}]`, 'not a Column');
          (c.items ?? []).forEach((x: J, k: number) => element(x, `${path}.columns[${i}].items[${k}]`));
        });
        break;
      case 'ActionSet':
        if (!Array.isArray(e.actions) || !e.actions.length) problem(path, 'empty ActionSet');
        else e.actions.forEach((a: J, i: number) => action(a, `${path}.actions[${i}]`));
        break;
      case 'Table':
        if (!Array.isArray(e.columns) || !Array.isArray(e.rows)) problem(path, 'Table needs columns and rows');
        else e.rows.forEach((r: J, i: number) => {
          if (r.type !== 'TableRow') problem(`${path}.rows[${i}]`, 'not a TableRow');
          if ((r.cells ?? []).length !== e.columns.length) problem(`${path}.rows[${i}]`, `${(r.cells ?? []).length} cells for ${e.columns.length} columns`);
          (r.cells ?? []).forEach((c: J, k: number) => {
            if (c.type !== 'TableCell') problem(`${path}.rows[${i}].cells[${k}]`, 'not a TableCell');
            (c.items ?? []).forEach((x: J, m: number) => element(x, `${path}.rows[${i}].cells[${k}].items[${m}]`));
          });
        });
        break;
      default:
        if (e.type.startsWith('Input.')) {
          if (typeof e.id !== 'string' || !e.id) problem(`${path}.id`, 'an input needs an id');
          else if (ids.has(e.id)) problem(`${path}.id`, `id “${e.id}” also used at ${ids.get(e.id)}`);
          else ids.set(e.id, path);
          if (e.isRequired && !e.errorMessage) problem(path, 'a required input needs an errorMessage');
          if (e.label !== undefined && (typeof e.label !== 'string' || !e.label.trim())) problem(`${path}.label`, 'empty label');
        }
    }
  }

  function root(c: J, path: string) {
    if (c.type !== 'AdaptiveCard') problem(path, 'not an AdaptiveCard');
    if (c.version !== '1.5') problem(`${path}.version`, `version ${c.version}, expected 1.5`);
    if (!Array.isArray(c.body) || !c.body.length) problem(`${path}.body`, 'empty body');
    else c.body.forEach((e: J, i: number) => element(e, `${path}.body[${i}]`));
    if (c.actions !== undefined) {
      if (!Array.isArray(c.actions) || !c.actions.length) problem(`${path}.actions`, 'actions present but empty');
      else c.actions.forEach((a: J, i: number) => action(a, `${path}.actions[${i}]`));
    }
  }

  root(card, '$');
  if (!opts.nested) {
    if (typeof card.fallbackText !== 'string' || !card.fallbackText.trim()) problem('$.fallbackText', 'no plain-text fallback');
    const bytes = Buffer.byteLength(JSON.stringify(card));
    if (bytes > MAX_CARD_BYTES) problem('$', `${bytes} bytes, over Teams' ${MAX_CARD_BYTES}`);
  }
  return bad;
}
