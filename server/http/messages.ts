// Every error message the API returns, by code, in both locales. Placeholders: {name}.
import type { Text } from '../../core/i18n';

export const MESSAGES = {
  unauthenticated: { 'zh-CN': '未登录：请在请求头中提供 Authorization: Bearer <令牌>（Entra ID 令牌或 kp_ 开头的 API 令牌）', en: 'Not signed in: send Authorization: Bearer <token> (an Entra ID token or a kp_ API token)' },
  invalid_token: { 'zh-CN': '令牌无效：{detail}。请重新登录或向管理员申请新的 API 令牌', en: 'Invalid token: {detail}. Sign in again or ask an administrator for a new API token' },
  token_expired: { 'zh-CN': '令牌已过期，请重新登录', en: 'The token has expired; sign in again' },
  entra_not_configured: { 'zh-CN': '本服务未配置 Entra ID 登录（KEYPROJ_AUTH_ISSUER、KEYPROJ_AUTH_AUDIENCE、KEYPROJ_AUTH_JWKS_URL），请使用 API 令牌', en: 'Entra ID sign-in is not configured on this service (KEYPROJ_AUTH_ISSUER, KEYPROJ_AUTH_AUDIENCE, KEYPROJ_AUTH_JWKS_URL); use an API token' },
  unknown_user: { 'zh-CN': '您的账号（对象 ID {oid}）尚未开通本系统。请联系市重点办管理员执行：keyproj user add --name 您的姓名 --role staff --county 县市区 --aad {oid}', en: 'Your account (object id {oid}) has not been added. Ask the administrator to run: keyproj user add --name NAME --role staff --county COUNTY --aad {oid}' },
  forbidden_role: { 'zh-CN': '无权访问：{role}角色不能执行此操作（{route}）', en: 'Forbidden: the {role} role cannot do this ({route})' },
  forbidden_county: { 'zh-CN': '无权访问：您只能查看和填报{own}的项目，不能访问{county}', en: 'Forbidden: you may only read and report projects of {own}, not {county}' },
  forbidden_row: { 'zh-CN': '无权提交：第 {row} 行（{code}）属于{county}，您只能填报{own}的项目', en: 'Forbidden: row {row} ({code}) belongs to {county}; you may only report projects of {own}' },
  not_found: { 'zh-CN': '找不到该地址：{method} {path}', en: 'No such route: {method} {path}' },
  project_not_found: { 'zh-CN': '找不到项目代码为“{code}”的项目', en: 'No project with code "{code}"' },
  problem_not_found: { 'zh-CN': '找不到编号为 {id} 的问题', en: 'No problem with id {id}' },
  malformed_json: { 'zh-CN': '请求内容不是有效的 JSON：{detail}', en: 'The request body is not valid JSON: {detail}' },
  body_too_large: { 'zh-CN': '请求内容过大（上限 {limit}），请分批提交', en: 'The request body is too large (limit {limit}); submit in smaller batches' },
  too_many_rows: { 'zh-CN': '一次最多提交 {max} 行，本次有 {count} 行，请分批提交', en: 'At most {max} rows per submission; this one has {count}. Submit in smaller batches' },
  bad_field: { 'zh-CN': '参数 {field} 不正确：{expected}', en: 'Field {field} is invalid: {expected}' },
  stale_version: { 'zh-CN': '{county}{period}的台账已被他人更新（您的版本 {base}，当前版本 {current}），请重新加载后再提交', en: 'The {county} ledger for {period} was updated by someone else (your version {base}, current {current}); reload and submit again' },
  validation_failed: { 'zh-CN': '校验未通过：{errors} 个错误、{warnings} 个警告，未保存任何数据。请按提示修改后重新提交', en: 'Validation failed: {errors} errors, {warnings} warnings; nothing was stored. Fix them and submit again' },
  idempotency_mismatch: { 'zh-CN': '幂等键 Idempotency-Key“{key}”已用于另一份不同的提交，请为新的提交使用新的键', en: 'Idempotency-Key "{key}" was already used for a different submission; use a new key' },
  bad_idempotency_key: { 'zh-CN': 'Idempotency-Key 应为 1 到 200 个可见 ASCII 字符', en: 'Idempotency-Key must be 1 to 200 printable ASCII characters' },
  bad_transition: { 'zh-CN': '{detail}', en: '{detail}' },
  unavailable: { 'zh-CN': '此功能尚未安装：{feature}', en: 'This feature is not installed: {feature}' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试；如持续出现请联系管理员（编号 {ref}）', en: 'Internal server error; try again later, and contact the administrator if it persists (ref {ref})' },
} satisfies Record<string, Text>;

export type MessageCode = keyof typeof MESSAGES;
