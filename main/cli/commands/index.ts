import type { Command } from '../command';
import { importCommand } from './import';
import { listCommand } from './list';
import { showCommand } from './show';
import { searchCommand } from './search';
import { historyCommand } from './history';
import { statusCommand } from './status';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { webCommand } from './web';
import { rundownCommand } from './rundown';
import { serverCommand } from './server';
import { connectCommand, disconnectCommand, syncCommand, whoamiCommand } from './newsroom';
import { mosCommand } from './mos';

/** Every `copydesk` command, in the order the usage lists them. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  listCommand,
  showCommand,
  searchCommand,
  historyCommand,
  statusCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  exportCommand,
  rundownCommand,
  mosCommand,
  webCommand,
  serverCommand,
  connectCommand,
  syncCommand,
  whoamiCommand,
  disconnectCommand,
];
