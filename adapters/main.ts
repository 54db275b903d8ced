// Start every platform whose credentials are set; with none, the console adapter (design 2.3).
import 'dotenv/config';
import { loadConfig, ConfigError } from './config.ts';
import { runConsole } from './console/console.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  if (config.platforms.length === 0) {
    await runConsole(process.stdin, process.stdout, (m) => process.stderr.write(`${m}\n`));
    return;
  }
  // Discord and Slack adapters arrive with their own issues; name what is configured but not yet served.
  process.stderr.write(
    `configured platforms (${config.platforms.join(', ')}) are not available in this build; answering on the console\n`,
  );
  await runConsole(process.stdin, process.stdout, (m) => process.stderr.write(`${m}\n`));
}

main().catch(() => {
  process.stderr.write('fatal: the bot could not start\n');
  process.exitCode = 1;
});
