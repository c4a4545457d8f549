import { loadEnvironment } from '@parallax/pipeline';
import { hashPassword, MIN_PASSWORD_LENGTH, Store, USER_ROLES, UserRepository, type UserRole } from '@parallax/store';
import type { CliCommand } from './command.js';

/** Where the password comes from: never an argument, which other users of the machine can read in `ps`. */
export const PASSWORD_ENV = 'PARALLAX_PASSWORD';

/**
 * `create-user <username> --role admin|analyst|viewer`: the first-run way to make the first admin, with no
 * default password. The password is read from `PARALLAX_PASSWORD` or, without it, from the first line of stdin.
 */
export const createUserCommand: CliCommand = {
  async run(args) {
    const username = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--role');
    const roleAt = args.indexOf('--role');
    const role = (roleAt >= 0 ? args[roleAt + 1] : 'analyst') as UserRole;
    if (!username) throw new Error('usage: create-user <username> --role admin|analyst|viewer   (password from PARALLAX_PASSWORD or stdin)');
    if (!USER_ROLES.includes(role)) throw new Error(`--role must be one of ${USER_ROLES.join(', ')}`);
    const password = process.env[PASSWORD_ENV] ?? (await firstLineOfStdin());
    if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters (set ${PASSWORD_ENV} or pipe it on stdin)`);
    const store = Store.open(Store.fileIn(loadEnvironment().dataDir));
    try {
      const user = new UserRepository(store.db).create({ username, role, passwordHash: await hashPassword(password) });
      process.stdout.write(JSON.stringify({ id: user.id, username: user.username, role: user.role }) + '\n');
      return 0;
    } finally {
      store.close();
    }
  },
};

async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error(`no password: set ${PASSWORD_ENV} or pipe it on stdin`);
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
