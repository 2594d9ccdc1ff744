// npm run security: Electronegativity (Doyensec) on the Electron sources and
// on the shell compiled to JS by esbuild (the shipped main.cjs bundles every
// library, 4.6 MB, which the tool does not parse). Fails on any HIGH or MEDIUM
// finding that is not justified in the code by a comment
// `electronegativity-justified CHECK_NAME: why` on the line or the two lines
// above. The compiled JS loses comments, so there a finding passes only if
// the same check was justified in the sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
const bin = path.resolve('node_modules/.bin/electronegativity');

function stage(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-eg-'));
  for (const [from, to] of files) fs.cpSync(from, path.join(dir, to), { recursive: true });
  return dir;
}

/** CSV with quoted cells that may hold commas, doubled quotes and line breaks (code samples). */
function parseCsv(text) {
  const records = [];
  let cells = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else if (ch === '\n') {
      cells.push(cur);
      records.push(cells);
      cells = [];
      cur = '';
    } else if (ch !== '\r') cur += ch;
  }
  if (cur || cells.length) {
    cells.push(cur);
    records.push(cells);
  }
  return records.slice(1).filter((c) => c.length >= 6).map((c) => {
    const [issue, severity, confidence, file, location, sample] = c.map((x) => x.trim());
    return { issue, severity, confidence, file, line: Number(location.split(':')[0]), sample };
  });
}

function scan(label, dir) {
  const out = path.join(dir, 'report.csv');
  const r = spawnSync(bin, ['-i', dir, '-e', electronVersion, '-r', '-v', 'false', '-o', out], { encoding: 'utf8' });
  if (!fs.existsSync(out)) {
    console.error(r.stdout, r.stderr);
    throw new Error(`Electronegativity did not write its report for ${label}.`);
  }
  return parseCsv(fs.readFileSync(out, 'utf8')).map((f) => ({ ...f, label, dir }));
}

function justifiedInSource(f) {
  if (!f.file || f.file === 'N/A') return false;
  const lines = fs.readFileSync(path.join(f.dir, f.file), 'utf8').split('\n');
  return lines.slice(Math.max(0, f.line - 3), f.line).some((l) => l.includes(`electronegativity-justified ${f.issue}`));
}

const serious = (f) => f.severity === 'HIGH' || f.severity === 'MEDIUM';
const sources = scan('sources', stage([['electron', 'electron'], ['renderer/index.html', 'index.html']]));
const justified = new Set(sources.filter((f) => serious(f) && justifiedInSource(f)).map((f) => f.issue));
let findings;
const compiled = stage([['renderer/index.html', 'index.html']]);
const entryPoints = fs.readdirSync('electron/desktop').filter((f) => f.endsWith('.ts')).map((f) => `electron/desktop/${f}`);
await build({ entryPoints, outdir: path.join(compiled, 'electron'), bundle: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'error' });
const built = scan('compiled JS', compiled);
findings = [...sources, ...built.map((f) => ({ ...f, builtJustified: justified.has(f.issue) }))];
let bad = 0;
for (const f of findings) {
  const ok = !serious(f) || (f.builtJustified ?? justifiedInSource(f));
  if (!ok) bad++;
  console.log(`${ok ? (serious(f) ? 'justified' : 'ok       ') : 'FAIL     '} ${f.label}: ${f.severity} ${f.issue} ${f.file}:${f.line} ${f.sample.slice(0, 90)}`);
}
console.log(`electronegativity: ${findings.length} findings, ${findings.filter(serious).length} high or medium, ${bad} not justified`);
process.exit(bad ? 1 : 0);
