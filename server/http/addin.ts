// The page served at /addin/* while the add-in has not been built yet.
import type { Locale } from '../../core/types';

const TEXT = {
  'zh-CN': { title: '重点项目台账 Excel 加载项尚未构建', body: '请在项目目录中运行以下命令构建加载项，然后刷新本页：' },
  en: { title: 'The Key Project Ledger Excel add-in has not been built', body: 'Build it in the project folder with the command below, then reload this page:' },
};

export function addinPlaceholder(locale: Locale): string {
  const t = TEXT[locale];
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title}</title></head>
<body style="font-family: sans-serif; margin: 2em">
<h1>${t.title}</h1>
<p>${t.body}</p>
<pre>npm run build:addin</pre>
</body></html>`;
}
