// One shard process under ShardingManager (DISCORD_SHARDS). discord.js passes the token and this
// process's shard ids in the environment (DISCORD_TOKEN, SHARDS, SHARD_COUNT), and the Client
// picks the ids up by itself.
import { loadHubConfig } from '../config.ts';
import { hubFromConfig } from '../shared/hub.ts';
import { createLogger } from '../shared/log.ts';
import { closeGatewayClient, connect, createGatewayClient } from './gateway.ts';

const log = createLogger(process.env, process.env.LOG_LEVEL ?? 'info').child({ shards: process.env.SHARDS });
const token = process.env.DISCORD_TOKEN;
if (!token) {
  log.fatal('shard started without DISCORD_TOKEN');
  process.exit(1);
}
// The parent validated HF_TOKEN / HF_ENDPOINT at start; each shard reads the same environment.
const client = createGatewayClient(log, {}, undefined, hubFromConfig(loadHubConfig(process.env), log));
const stop = connect(client, token, log);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void closeGatewayClient(client, stop).finally(() => process.exit(0));
};
// The manager kills shards with SIGTERM; a lost parent shows up as an IPC disconnect.
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
process.once('disconnect', shutdown);
