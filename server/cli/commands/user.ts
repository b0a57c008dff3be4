// `keyproj user add|list|remove` — who may use the service. A new user's API token is printed
// once and only its hash is stored.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { processIo, type CliIo } from '../args';
import { openDb } from '../../store/db';
import { checkNewUser, ROLE_LABELS, ROLES, Users, type Role, type User } from '../../store/users';


export const USAGE = `用法：
  keyproj user add --name 姓名 --role admin|staff|leader|viewer [--county 县市区] [--aad 对象ID] [--leader 包联领导姓名] [--db 文件] [--json]
  keyproj user list [--db 文件] [--json]
  keyproj user remove <编号或姓名> [--db 文件]
说明：staff（填报员）必须指定 --county；--aad 为 Entra ID 对象 ID，用于 Teams 和 Entra 登录；
      --leader 把领导账号与项目的“包联领导”关联。新用户的 API 令牌只显示一次。`;

const ROLE_LABEL = (r: Role) => ROLE_LABELS[r]['zh-CN'];

const describe = (u: User) =>
  `${u.id}\t${u.name}\t${ROLE_LABEL(u.role)}（${u.role}）\t${u.county ?? '—'}\t${u.leaderName ?? '—'}\t${u.aadObjectId ?? '—'}\t${u.createdAt}`;

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        name: { type: 'string' }, role: { type: 'string' }, county: { type: 'string' }, aad: { type: 'string' },
        leader: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        locale: { type: 'string' },
      },
    });
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  const [sub, ...rest] = positionals;
  if (o.help || !sub) {
    (o.help ? io.out : io.err)(USAGE);
    return o.help ? 0 : 2;
  }
  if (!['add', 'list', 'remove'].includes(sub)) {
    io.err(`未知的子命令“${sub}”\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(io.env as NodeJS.ProcessEnv);
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  const dbPath = o.db ?? config.dbPath;
  const db = openDb(dbPath);
  try {
    const users = new Users(db);
    if (sub === 'add') {
      const input = { name: o.name ?? '', role: (o.role ?? '') as Role, county: o.county, aadObjectId: o.aad, leaderName: o.leader ?? (o.role === 'leader' ? o.name : undefined) };
      const bad = checkNewUser(input, config.config);
      if (input.name && users.findByName(input.name.trim())) bad.push(`--name：已有名为“${input.name}”的用户，请换一个名称（例如加上单位）`);
      if (input.aadObjectId && users.findByAadObjectId(input.aadObjectId)) bad.push(`--aad：对象 ID ${input.aadObjectId} 已属于另一位用户`);
      if (bad.length) {
        io.err('无法添加用户：\n' + bad.map((b) => `  - ${b}`).join('\n') + `\n可选角色：${ROLES.join('、')}`);
        return 2;
      }
      const { user, token } = users.add(input, { actor: `cli:${io.env.USER ?? 'admin'}` });
      if (o.json) io.out(JSON.stringify({ user, token }));
      else {
        io.out(`已添加用户 ${user.name}（编号 ${user.id}，${ROLE_LABEL(user.role)}${user.county ? `，${user.county}` : ''}）。`);
        io.out(`API 令牌（只显示这一次，请立即转交本人妥善保存）：\n${token}`);
      }
      return 0;
    }
    if (sub === 'list') {
      const used = users.lastUsed();
      const list = users.list().map((u) => ({ ...u, tokenLastUsedAt: used.get(u.id) ?? null }));
      if (o.json) io.out(JSON.stringify({ users: list }));
      else if (list.length === 0) io.out('尚无用户。添加管理员：keyproj user add --name 姓名 --role admin');
      else io.out(['编号\t姓名\t角色\t县市区\t包联领导\tEntra 对象 ID\t添加时间\t令牌最近使用', ...list.map((u) => `${describe(u)}\t${u.tokenLastUsedAt ?? '从未'}`)].join('\n'));
      return 0;
    }
    const who = rest[0];
    if (!who) {
      io.err(`请指定要删除的用户编号或姓名\n${USAGE}`);
      return 2;
    }
    const removed = users.remove(who, { actor: `cli:${io.env.USER ?? 'admin'}` });
    if (!removed) {
      io.err(`找不到用户“${who}”。用 keyproj user list 查看编号和姓名`);
      return 1;
    }
    io.out(`已删除用户 ${removed.name}（编号 ${removed.id}），其 API 令牌随即失效`);
    return 0;
  } finally {
    db.close();
  }
}
