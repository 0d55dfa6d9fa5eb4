/**
 * A Teams-like look (light theme) for the Adaptive Cards renderer: Teams' font sizes, spacing,
 * colours and buttons, close enough for a reviewer to judge a card before it is deployed.
 */
const colors = (overrides: Record<string, string> = {}) => ({
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#ffffff', subtle: '#f5f5f5' },
  accent: { default: '#5b5fc7', subtle: '#4f52b2' },
  good: { default: '#0e700e', subtle: '#107c10' },
  warning: { default: '#835b00', subtle: '#8a6100' },
  attention: { default: '#c4314b', subtle: '#a4262c' },
  ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, { default: v, subtle: v }])),
});

export const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Liberation Sans', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors: colors() },
    emphasis: { backgroundColor: '#f5f5f5', foregroundColors: colors() },
    accent: { backgroundColor: '#e8ebfa', foregroundColors: colors() },
    good: { backgroundColor: '#e7f2da', foregroundColors: colors() },
    attention: { backgroundColor: '#fdd8db', foregroundColors: colors() },
    warning: { backgroundColor: '#fbf6d9', foregroundColors: colors() },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 8,
  },
  textStyles: { heading: { size: 'large', weight: 'bolder', color: 'default', fontType: 'default' } },
};

export const TEAMS_CARD_CSS = `
  body { margin: 0; background: #f5f5f5; font-family: 'Segoe UI', 'Liberation Sans', sans-serif; }
  #card { width: 480px; margin: 12px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #fff;
    border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 12px; }
  .ac-pushButton.style-positive { color: #fff; background: #5b5fc7; border-color: #5b5fc7; }
  .ac-pushButton.style-destructive { color: #c4314b; }
  .ac-input { font-family: inherit; font-size: 14px; }
  .ac-input.ac-textInput, .ac-input.ac-multichoiceInput { border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 8px; }
  a.ac-anchor:link, a.ac-anchor:visited { color: #5b5fc7; }
  .ac-actionSet { flex-wrap: wrap !important; row-gap: 8px; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 22px; box-sizing: border-box; }
`;

/**
 * The bit of Markdown Teams renders in a TextBlock: bold, italics, links and lists. Runs in the
 * page, so it uses nothing from outside its own body. HTML is escaped first.
 */
export function teamsMarkdown(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (s: string) =>
    escape(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+|mailto:[^)\s]+)\)/g, '<a class="ac-anchor" href="$2">$1</a>');
  const html: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  for (const line of text.split('\n')) {
    const item = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    const kind = item ? (item[1] ? 'ul' : 'ol') : undefined;
    if (list && kind !== list) html.push(`</${list}>`);
    if (kind && kind !== list) html.push(`<${kind}>`);
    list = kind;
    html.push(item ? `<li>${inline(item[3])}</li>` : `<p>${inline(line) || '&nbsp;'}</p>`);
  }
  if (list) html.push(`</${list}>`);
  return html.join('');
}
