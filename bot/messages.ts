// Every sentence the bot says outside a card's figures, in Simplified Chinese and English.
import type { Text } from '../core/i18n';

export const M = {
  apology: { 'zh-CN': '抱歉，处理您的请求时出了点问题，请稍后再试。如果一直这样，请联系市重点办管理员。', en: 'Sorry, something went wrong while handling your request. Please try again later, or contact the administrator if it keeps happening.' },
  unknownUser: {
    'zh-CN': '您好！您还不是重点项目台账的用户，暂时不能查询。请联系市重点办管理员，请其运行：\nkeyproj user add --name 您的姓名 --role leader --aad {id}\n把您添加进来（您的 Teams 用户 ID：{id}）。',
    en: 'Hello! You are not a user of the Key Project Ledger yet. Please ask the city key-project office administrator to run:\nkeyproj user add --name YOUR-NAME --role leader --aad {id}\n(your Teams user id: {id}).',
  },
  noUserId: { 'zh-CN': '无法识别您的身份（缺少 Teams 用户 ID），请在 Teams 中与我对话。', en: 'I cannot tell who you are (no Teams user id). Please talk to me from Teams.' },
  notUnderstood: { 'zh-CN': '没有找到与“{q}”相符的项目，也没能理解这个问题。发送“帮助”查看我能回答的问题。', en: 'I found no project matching "{q}" and did not understand the question. Send "help" to see what I can answer.' },
  didYouMean: { 'zh-CN': '没有找到与“{q}”相符的项目。您是不是要找：', en: 'No project matches "{q}". Did you mean:' },
  choose: { 'zh-CN': '有 {n} 个项目与“{q}”相符，请选择：', en: '{n} projects match "{q}". Which one?' },
  outOfScope: { 'zh-CN': '您只能查看{county}的项目和数据。', en: 'You can only see the projects and figures of {county}.' },
  projectGone: { 'zh-CN': '没有找到项目代码为 {code} 的项目，它可能已被删除或改名。', en: 'There is no project with code {code}; it may have been removed or renamed.' },
  noLeaderName: { 'zh-CN': '您的用户信息中没有登记“包联领导”姓名，请联系管理员补充（keyproj user add … --leader 姓名）。', en: 'Your user record has no 包联领导 (responsible leader) name; ask the administrator to add it.' },
  noProjects: { 'zh-CN': '没有符合条件的项目。', en: 'No projects match.' },
  nudgeRefused: { 'zh-CN': '抱歉，只有管理员和领导可以催报。如需催报，请联系市重点办。', en: 'Sorry, only administrators and leaders can send a reporting reminder.' },
  nudgeNothing: { 'zh-CN': '{county}{period} 的月报已全部报送，无需催报。', en: 'Every {county} report for {period} is in; no reminder needed.' },
  nudgeText: {
    'zh-CN': '【催报】{county}还有 {n} 个重点项目未报送 {period} 月度进展：{names}。报送截止日期为 {deadline}，请填报员尽快在 Excel 台账中填报并提交。（{actor} 催报）',
    en: '[Reminder] {county} still has {n} key projects without a {period} report: {names}. The deadline is {deadline}; staff, please fill in and submit the ledger in Excel. (sent by {actor})',
  },
  nudgeSent: { 'zh-CN': '已同时发送到 {n} 个订阅了{county}提醒的会话。', en: 'Also sent to {n} conversations subscribed to {county} reminders.' },
  nudgeFailed: { 'zh-CN': '另有 {n} 个会话发送失败，请稍后再试。', en: ' {n} could not be reached; please try again later.' },
  nudgeNoTargets: {
    'zh-CN': '{county}还没有订阅提醒的会话，催报只发在本会话。请在{county}填报员所在的群里发送“订阅提醒 {county}”，以后催报会直接送达。',
    en: 'No conversation subscribes to {county} reminders, so the reminder is only in this chat. Send "subscribe {county}" in the chat of its staff so nudges reach them.',
  },
  subscribeAsk: { 'zh-CN': '请写明订阅范围，例如“订阅提醒 桃城区”或“订阅提醒 全市”。', en: 'Please name the scope, e.g. "subscribe Taocheng" or "subscribe city".' },
  subscribeBadCounty: { 'zh-CN': '“{target}”不是已配置的县市区。可选：{options}，或“全市”。', en: '"{target}" is not a configured county. Choose one of: {options}, or the whole city (全市).' },
  subscribeDenied: { 'zh-CN': '您只能订阅本县市区（{county}）的提醒。', en: 'You can only subscribe to reminders of your own county ({county}).' },
  unsubscribed: { 'zh-CN': '已取消本会话的每周提醒。需要时发送“订阅提醒 县市区名称”即可重新订阅。', en: 'This conversation will no longer receive the weekly reminder. Send "subscribe <county>" to subscribe again.' },
  notSubscribed: { 'zh-CN': '本会话没有订阅每周提醒。发送“订阅提醒 桃城区”或“订阅提醒 全市”即可订阅。', en: 'This conversation has no reminder subscription. Send "subscribe <county>" or "subscribe city".' },
  noSubscriptions: { 'zh-CN': '提醒功能暂不可用（服务未启用订阅存储）。', en: 'Reminders are not available (the service has no subscription store).' },
  badButton: { 'zh-CN': '这个按钮已失效，请重新提问（发送“帮助”查看示例）。', en: 'That button no longer works; please ask again (send "help" for examples).' },
  problemRefused: {
    'zh-CN': '抱歉，只有管理员、领导和本县市区的填报员可以登记或更新问题；您可以查看问题清单。',
    en: 'Sorry, only administrators, leaders and the county\'s own staff can record or update problems; you can still read the list.',
  },
  problemMissing: { 'zh-CN': '没有找到编号为 {id} 的问题，它可能已被删除。', en: 'There is no problem {id}; it may have been removed.' },
  problemBadDescription: { 'zh-CN': '未登记：“问题描述”不能为空，最多 500 个字。请重新打开“新增问题”填写。', en: 'Not recorded: the problem description must be 1 to 500 characters.' },
  problemBadUnit: { 'zh-CN': '未登记：“责任单位”最多 100 个字。', en: 'Not recorded: the responsible unit must be at most 100 characters.' },
  problemBadDeadline: {
    'zh-CN': '未登记：“限时办结日期”应为今天（{today}）或以后的日期，格式 YYYY-MM-DD，例如 {example}；收到的是“{value}”。',
    en: 'Not recorded: the deadline must be today ({today}) or later, as YYYY-MM-DD, e.g. {example}; got "{value}".',
  },
  problemDuplicate: {
    'zh-CN': '该项目已有相同描述的未解决问题（#{id}，{status}），未重复登记。',
    en: 'This project already has an open problem with the same description (#{id}, {status}); nothing new recorded.',
  },
  problemCreated: {
    'zh-CN': '已登记问题 #{id}：{description}（{project}；责任单位 {unit}；限 {deadline} 前办结）。登记人：{actor}，{at}。',
    en: 'Recorded problem #{id}: {description} ({project}; responsible unit {unit}; due {deadline}). By {actor}, {at}.',
  },
  problemMoved: {
    'zh-CN': '问题 #{id}（{description}）已由“{from}”改为“{to}”。操作人：{actor}，{at}。',
    en: 'Problem #{id} ({description}) moved from "{from}" to "{to}" by {actor}, {at}.',
  },
  cityScope: { 'zh-CN': '全市', en: 'the whole city' },
} satisfies Record<string, Text>;
