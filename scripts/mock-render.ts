// Look at what we render: writes HTML mock-ups of the Discord embed (dark theme) and the Slack message
// (light theme) for a query, as the platforms lay them out (embed: colored bar, title, description, fields,
// footer, image; Slack: sections, context, buttons), plus the chart PNG, and screenshots the HTML with
// headless Chromium when it is installed (`apt-get install chromium`). A developer's tool, not a test:
//   node --import tsx scripts/mock-render.ts out-dir "13b int4 ctx=8192" "can i run llama 3.1 70b on 2x 3090"
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHART_FILE, renderReply as renderDiscord } from '../adapters/discord/render.ts';
import { closeChartRenderer, renderChartPng } from '../adapters/shared/chart.ts';
import { renderReply as renderSlack } from '../adapters/slack/render.ts';
import { handle } from '../commands/index.ts';

const [outDir = 'mock-renders', ...queries] = process.argv.slice(2);
if (queries.length === 0) queries.push('13b int4 ctx=8192', 'can i run llama 3.1 70b on 2x 3090');
mkdirSync(outDir, { recursive: true });

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Discord markdown, the parts our embeds use: escapes, **bold**, `code`. */
function discordMd(s: string): string {
  return html(s)
    .replace(/\\([\\*_~`|[\]>#-])/g, (_, c: string) => `&#${c.charCodeAt(0)};`)
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

/** Slack mrkdwn, the parts ours uses: *bold*, `code`, :emoji:, entities already escaped. */
const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  warning: '⚠️',
  x: '❌',
  straight_ruler: '📐',
  bulb: '💡',
  chart_with_upwards_trend: '📈',
};
function slackMd(s: string): string {
  return s
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/:([a-z_]+):/g, (m, name: string) => EMOJI[name] ?? m)
    .replace(/\n/g, '<br>');
}

function discordPage(q: string, chart: string | null): string {
  const m = renderDiscord(handle({ text: chart ? `${q} chart` : q }), chart ? { chart: true } : {});
  const e = m.embeds[0]!;
  const color = `#${(e.color ?? 0x5865f2).toString(16).padStart(6, '0')}`;
  const fields = (e.fields ?? [])
    .map(
      (f) =>
        `<div class="field"><div class="fname">${discordMd(f.name)}</div><div>${discordMd(f.value)}</div></div>`,
    )
    .join('');
  const buttons = m.components
    .map(
      (r) =>
        `<div class="row">${r.components.map((b) => `<span class="btn">${html(b.label ?? '')}</span>`).join('')}</div>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
  body{background:#313338;color:#dbdee1;font:15px/1.375 "gg sans","Noto Sans","DejaVu Sans",sans-serif;margin:0;padding:16px;width:520px}
  .who{color:#f2f3f5;font-weight:600;margin-bottom:4px}.tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:0 4px;margin-left:4px}
  .embed{background:#2b2d31;border-left:4px solid ${color};border-radius:4px;padding:8px 16px 16px 12px;max-width:516px}
  .title{color:#f2f3f5;font-weight:600;margin:8px 0}.field{margin-top:8px}.fname{color:#f2f3f5;font-weight:600}
  .footer{color:#b5bac1;font-size:12px;margin-top:8px}code{background:#1e1f22;border-radius:3px;padding:0 3px;font-size:13px}
  img{max-width:100%;border-radius:4px;margin-top:16px}.row{margin-top:8px}.btn{display:inline-block;background:#4e5058;color:#fff;border-radius:3px;padding:2px 16px;margin:0 8px 4px 0;font-size:14px}
  </style><div class="who">vram<span class="tag">APP</span></div><div class="embed">
  <div class="title">${discordMd(e.title ?? '')}</div><div>${discordMd(e.description ?? '')}</div>${fields}
  ${chart && e.image ? `<img src="${chart}">` : ''}<div class="footer">${html(e.footer?.text ?? '')}</div></div>${buttons}`;
}

function slackPage(q: string): string {
  const m = renderSlack(handle({ text: q }));
  const blocks = m.blocks
    .map((b) => {
      const t = b as {
        type: string;
        text?: { text: string };
        elements?: { text: string | { text: string } }[];
      };
      if (b.type === 'section') return `<div class="sec">${slackMd(t.text!.text)}</div>`;
      if (b.type === 'header') return `<div class="hdr">${html(t.text!.text)}</div>`;
      if (b.type === 'context')
        return `<div class="ctx">${t.elements!.map((x) => slackMd(typeof x.text === 'string' ? x.text : '')).join(' ')}</div>`;
      if (b.type === 'actions')
        return `<div class="acts">${t.elements!.map((x) => `<span class="btn">${html(typeof x.text === 'string' ? x.text : x.text.text)}</span>`).join('')}</div>`;
      return '';
    })
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
  body{background:#fff;color:#1d1c1d;font:15px/1.46668 "Lato","Noto Sans","DejaVu Sans",sans-serif;margin:0;padding:16px;width:560px}
  .who{font-weight:900;margin-bottom:2px}.tag{background:#e8e8e8;color:#616061;font-size:10px;border-radius:2px;padding:0 3px;margin-left:4px}
  .sec{margin:4px 0}.hdr{font-size:18px;font-weight:900;margin:4px 0}.ctx{color:#616061;font-size:13px;margin:4px 0}
  .acts{margin-top:8px}.btn{display:inline-block;border:1px solid #c6c6c6;border-radius:4px;padding:3px 12px;margin:0 6px 6px 0;font-size:13px;font-weight:700}
  code{background:#f8f8f8;border:1px solid #e8e8e8;color:#e01e5a;border-radius:3px;padding:0 3px;font-size:12px}
  </style><div class="who">vram<span class="tag">APP</span></div>${blocks}`;
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
for (const [i, q] of queries.entries()) {
  const base = join(outDir, `q${i + 1}`);
  const reply = handle({ text: `${q} chart` });
  let chartFile: string | null = null;
  if (reply.kind === 'estimate' && reply.chart) {
    for (const theme of ['dark', 'light'] as const) {
      const png = await renderChartPng(reply.chart, { theme });
      writeFileSync(`${base}-chart-${theme}.png`, png);
    }
    chartFile = `q${i + 1}-chart-dark.png`;
  }
  const pages = {
    discord: discordPage(q, null),
    'discord-chart': discordPage(q, chartFile),
    slack: slackPage(q),
  };
  for (const [name, page] of Object.entries(pages)) {
    const file = `${base}-${name}.html`;
    writeFileSync(file, page);
    if (chromium)
      execFileSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          `--screenshot=${resolve(`${base}-${name}.png`)}`,
          '--window-size=600,1100',
          `file://${resolve(file)}`,
        ],
        { stdio: 'ignore' },
      );
  }
  console.log(
    `${q} -> ${base}-{discord,discord-chart,slack}.{html${chromium ? ',png' : ''}}, ${base}-chart-{dark,light}.png (${CHART_FILE})`,
  );
}
await closeChartRenderer();
