// The Teams app manifest, generated from the one manifest configuration.
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../bot/commands';
import { publicHost, publicHref, type ManifestConfig } from './config';

/** Schema version bundled by @microsoft/app-manifest and accepted by Teams today. */
export const TEAMS_MANIFEST_VERSION = '1.24';
export const TEAMS_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export { SEARCH_COMMAND_ID, SEARCH_PARAMETER };

interface Command {
  title: string;
  description: string;
}

// The bot's commands as users type them (the bot matches these words).
const QUERY_COMMANDS: Command[] = [
  { title: '帮助', description: '查看可以问什么，例如“衡水湖生态修复项目进展怎么样”“桃城区本月排名”' },
  { title: '全市总体情况', description: '全市重点项目本年完成投资、完成率与序时进度、开工和竣工情况' },
  { title: '哪些项目是红色的', description: '列出基本停滞（红色）的项目及原因；也可问“黄色项目”' },
  { title: '本月还有哪些没报', description: '本月尚未填报月度进度的项目和填报截止日期' },
  { title: '问题清单', description: '待解决和超期的问题，按县市区汇总；在项目的问题卡片上可登记新问题、更新状态' },
];
const REMINDER_COMMANDS: Command[] = [
  { title: '订阅提醒', description: '每周一提醒本会话：例如“订阅提醒 桃城区”或“订阅提醒 全市”' },
  { title: '取消订阅', description: '本会话不再接收每周提醒' },
  { title: '提醒设置', description: '查看本会话订阅的范围、发送时间和下次提醒' },
];

export function teamsManifest(c: ManifestConfig): Record<string, unknown> {
  const zh = c.name['zh-CN'];
  const dz = c.description['zh-CN'];
  const manifest: Record<string, unknown> = {
    $schema: TEAMS_SCHEMA_URL,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: c.version,
    id: c.teamsAppId,
    localizationInfo: { defaultLanguageTag: 'zh-cn' },
    developer: {
      name: c.developer.name['zh-CN'],
      websiteUrl: publicHref(c, c.developer.websiteUrl),
      privacyUrl: publicHref(c, c.developer.privacyUrl),
      termsOfUseUrl: publicHref(c, c.developer.termsOfUseUrl),
    },
    name: { short: zh.short, full: zh.full },
    description: { short: dz.short, full: dz.full },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: c.accentColor,
    bots: [
      {
        botId: c.botId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands: [...QUERY_COMMANDS, ...REMINDER_COMMANDS] },
          { scopes: ['team', 'groupChat'], commands: [...QUERY_COMMANDS, ...REMINDER_COMMANDS] },
        ],
      },
    ],
    composeExtensions: [
      {
        botId: c.botId,
        commands: [
          {
            id: SEARCH_COMMAND_ID,
            type: 'query',
            title: '搜索重点项目',
            description: '按项目名称、简称、繁体或拼音首字母查找重点项目，插入进展卡片',
            initialRun: false,
            parameters: [
              { name: SEARCH_PARAMETER, title: '项目名称', description: '项目名称的一部分，例如 衡水湖 或 hsh', inputType: 'text' },
            ],
          },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [publicHost(c)],
  };
  if (c.sso) manifest.webApplicationInfo = { id: c.sso.appId, resource: c.sso.resource };
  return manifest;
}
