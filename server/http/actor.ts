// How a caller appears in the audit log.
import type { User } from '../store/users';

export const actorOf = (u: User): string => `${u.name}#${u.id}`;
