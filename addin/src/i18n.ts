// Every text the task pane shows, in Simplified Chinese and English (core's Text / tr).
import { tr, toLocale, type Text } from '../../core/i18n';
import type { Locale } from '../../core/types';

export const TEXTS = {
  title: { 'zh-CN': '重点项目台账', en: 'Key Project Ledger' },
  langToggle: { 'zh-CN': 'English', en: '中文' },
  period: { 'zh-CN': '填报月份', en: 'Report month' },
  insertTemplate: { 'zh-CN': '插入台账模板', en: 'Insert ledger template' },
  load: { 'zh-CN': '加载本县项目', en: "Load my county's projects" },
  validate: { 'zh-CN': '校验', en: 'Validate' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  colour: { 'zh-CN': '四色评分', en: 'Four-colour score' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signOut: { 'zh-CN': '退出', en: 'Sign out' },
  tokenLabel: { 'zh-CN': 'API 令牌（向市重点办索取）', en: 'API token (ask the city office)' },
  tokenSave: { 'zh-CN': '保存令牌', en: 'Save token' },
  signedInAs: { 'zh-CN': '当前用户：{name}（{county}）', en: 'Signed in as {name} ({county})' },
  notSignedIn: { 'zh-CN': '未登录：校验和评分可离线使用；加载和提交需要登录。', en: 'Not signed in: validation and scoring work offline; loading and submitting need sign-in.' },
  ssoFailed: { 'zh-CN': '无法使用 Office 单点登录，请粘贴 API 令牌。', en: 'Office single sign-on is not available; paste an API token.' },
  tokenBadInput: { 'zh-CN': 'API 令牌为空或含有空格：请粘贴市重点办发给您的完整令牌。', en: 'The API token is empty or contains spaces: paste the whole token the city office gave you.' },
  periodBad: { 'zh-CN': '填报月份“{value}”无效，请选择年月，如 2026-03。', en: 'Report month "{value}" is not valid; pick a month such as 2026-03.' },
  tokenRejected: { 'zh-CN': '令牌无效或已过期，请重新粘贴 API 令牌。', en: 'The token is invalid or has expired; paste a new API token.' },
  outsideExcel: { 'zh-CN': '本页面是 Excel 加载项，请在 Excel 中打开：在 Excel 的“开始 → 加载项”中添加“重点项目台账”，或由管理员部署后从功能区打开。', en: 'This page is an Excel add-in. Open it in Excel: add "Key Project Ledger" from Home → Add-ins, or from the ribbon after your administrator deploys it.' },
  tooOld: { 'zh-CN': '当前 Excel 版本过旧（需要支持 ExcelApi 1.7 及以上）。请升级到 Microsoft 365 版 Excel、Excel 2019 及以上，或使用 Excel 网页版。', en: 'This version of Excel is too old (ExcelApi 1.7 or later is required). Use Excel for Microsoft 365, Excel 2019 or later, or Excel on the web.' },
  noDropDowns: { 'zh-CN': '此版本 Excel 不支持数据验证，模板不含下拉列表。', en: 'This Excel does not support data validation; the template has no drop-down lists.' },
  templateInserted: { 'zh-CN': '已插入“{sheet}”工作表（{cols} 列），请从第 2 行开始填写。', en: 'Inserted sheet "{sheet}" ({cols} columns); start filling in from row 2.' },
  templateExists: { 'zh-CN': '工作簿中已有“{sheet}”工作表，已切换到该表，未作改动。', en: 'The workbook already has a sheet "{sheet}"; switched to it and left it unchanged.' },
  needSignIn: { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  needCounty: { 'zh-CN': '当前账号未绑定县市区，无法加载；请联系市重点办。', en: 'Your account has no county; ask the city office.' },
  loaded: { 'zh-CN': '已加载 {county} {period} 的 {n} 个项目，已填入上月累计数。', en: 'Loaded {n} projects of {county} for {period}, with last month\'s totals filled in.' },
  keptOld: { 'zh-CN': '原台账已改名为“{sheet}”保留。', en: 'The previous ledger was kept as "{sheet}".' },
  loadedNone: { 'zh-CN': '{county} 在 {period} 没有项目。', en: '{county} has no projects for {period}.' },
  noLedger: { 'zh-CN': '没有找到台账：请先点“插入台账模板”或“加载本县项目”。', en: 'No ledger found: press "Insert ledger template" or "Load my county\'s projects" first.' },
  noRows: { 'zh-CN': '台账中没有填写任何项目。', en: 'The ledger has no projects filled in.' },
  noHeaders: { 'zh-CN': '“{sheet}”第 1 行不是台账表头（找不到“项目名称”等列）。', en: 'Row 1 of "{sheet}" is not the ledger header (no "项目名称" column etc.).' },
  validOk: { 'zh-CN': '校验通过：{rows} 行，没有发现问题。', en: 'Validation passed: {rows} rows, no problems found.' },
  validSummary: { 'zh-CN': '校验完成：{rows} 行，错误 {errors} 处，提醒 {warnings} 处。', en: 'Validated {rows} rows: {errors} errors, {warnings} warnings.' },
  marksAs: { 'zh-CN': '问题单元格已标红（错误）或标黄（提醒），说明见批注。', en: 'Problem cells are red (errors) or yellow (warnings); see their notes.' },
  marksSheet: { 'zh-CN': '此版本 Excel 不支持批注，说明已写入“{sheet}”工作表。', en: 'This Excel has no comments; the explanations are on the "{sheet}" sheet.' },
  marksTaken: { 'zh-CN': '其中 {n} 个单元格原有他人的批注，已保留未改动，这些单元格的问题说明见下方清单和“{sheet}”工作表。', en: '{n} cells already had someone else\'s note, which was left as it was; their findings are in the list below and on the "{sheet}" sheet.' },
  colourTaken: { 'zh-CN': '其中 {n} 个“状态”单元格原有他人的批注，已保留未改动，评分理由未写入这些单元格。', en: '{n} Status cells already had someone else\'s note, which was left as it was; their reasons were not written there.' },
  submitBlocked: { 'zh-CN': '有 {errors} 处错误，未提交。请改正标红的单元格后再提交。', en: '{errors} errors; nothing was submitted. Fix the red cells and submit again.' },
  submitted: { 'zh-CN': '提交成功：已保存 {county} {period} 的 {stored} 个项目（版本 {version}），提醒 {warnings} 处。', en: 'Submitted: {stored} projects of {county} for {period} saved (version {version}); {warnings} warnings.' },
  rejected: { 'zh-CN': '服务器校验发现 {errors} 处错误，全部未保存。请改正标红的单元格后再提交。', en: 'The server found {errors} errors; nothing was saved. Fix the red cells and submit again.' },
  stale: { 'zh-CN': '提交失败：其他人已在您加载之后提交了新版本。请先点“加载本县项目”重新加载（您的修改请先另存），再提交。', en: 'Not submitted: someone submitted a newer version after you loaded. Press "Load my county\'s projects" again (save your edits elsewhere first), then submit.' },
  networkError: { 'zh-CN': '无法连接服务器：{detail}', en: 'Cannot reach the server: {detail}' },
  serverError: { 'zh-CN': '服务器返回错误（{status}）：{message}', en: 'The server answered with an error ({status}): {message}' },
  excelError: { 'zh-CN': 'Excel 操作失败：{message}', en: 'Excel could not do it: {message}' },
  tooLarge: { 'zh-CN': '台账有 {rows} 行，超过一次提交的上限 {max} 行，请分县或分批整理后提交。', en: 'The ledger has {rows} rows, more than the {max} allowed in one submission.' },
  coloured: { 'zh-CN': '已评分 {n} 个项目：绿 {green}、白 {white}、黄 {yellow}、红 {red}、不评色 {none}。理由见“状态”列批注。', en: 'Scored {n} projects: green {green}, white {white}, yellow {yellow}, red {red}, not scored {none}. Reasons are in the notes of the Status column.' },
  phaseRead: { 'zh-CN': '读取台账…', en: 'Reading the ledger…' },
  phaseValidate: { 'zh-CN': '本地校验…', en: 'Validating…' },
  phaseSend: { 'zh-CN': '发送到服务器…', en: 'Sending to the server…' },
  phaseMark: { 'zh-CN': '标注结果…', en: 'Marking the results…' },
  phaseDone: { 'zh-CN': '完成', en: 'Done' },
  findingsTitle: { 'zh-CN': '问题清单（点击定位单元格）', en: 'Findings (click to go to the cell)' },
  rowLabel: { 'zh-CN': '第 {row} 行', en: 'Row {row}' },
  wholeSheet: { 'zh-CN': '整体', en: 'Whole ledger' },
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '提醒', en: 'Warning' },
  moreFindings: { 'zh-CN': '共 {n} 条，仅列出前 {shown} 条；单元格上的标记是全部的。', en: '{n} in all; the first {shown} are listed. The cells carry all of them.' },
  busy: { 'zh-CN': '正在处理，请稍候…', en: 'Working…' },
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

export function t(locale: Locale, key: TextKey, params?: Record<string, string | number | undefined>): string {
  return tr(locale, TEXTS[key], params);
}

/** The pane's locale: a saved choice, else Office's display language, else Chinese. */
export function initialLocale(saved: string | null | undefined, displayLanguage: string | undefined): Locale {
  return toLocale(saved ?? displayLanguage ?? 'zh-CN');
}
