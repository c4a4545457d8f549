import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Instruction {
  stage: number;
  keyword: string;
  args: string;
}

/** Dockerfile instructions with their stage, continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [keyword = '', ...rest] = trimmed.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage++;
    out.push({ stage, keyword: keyword.toUpperCase(), args: rest.join(' ') });
  }
  return out;
}

/** The commands of an exec-form (JSON array) or shell-form instruction, as one string. */
function command(args: string): string {
  return args.startsWith('[') ? (JSON.parse(args) as string[]).join(' ') : args;
}

describe('Dockerfile', () => {
  const steps = instructions(read('Dockerfile'));
  const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start'] ?? '';
  const [buildStep, runStep] = start.split('&&').map((s) => s.trim());
  const finalStage = Math.max(...steps.map((s) => s.stage));

  it('builds with the very command npm start builds with', () => {
    expect(buildStep).toMatch(/^node scripts\/ensure-built\.mjs/);
    const runs = steps.filter((s) => s.keyword === 'RUN' && s.stage < finalStage).map((s) => s.args);
    expect(runs.some((r) => r.split('&&').map((c) => c.trim()).includes(buildStep ?? '-'))).toBe(true);
  });

  it('runs what npm start runs, as a non-root user, with a health check on /api/health', () => {
    const cmd = steps.filter((s) => s.keyword === 'CMD' && s.stage === finalStage).pop();
    expect(command(cmd?.args ?? '')).toBe(runStep);
    const user = steps.filter((s) => s.keyword === 'USER' && s.stage === finalStage).pop();
    expect(user?.args).toBeTruthy();
    expect(user?.args).not.toMatch(/^(root|0)(:|$)/);
    expect(steps.find((s) => s.keyword === 'HEALTHCHECK' && s.stage === finalStage)?.args).toContain('/api/health');
  });

  it('copies every workspace manifest before npm ci, so the install covers every package', () => {
    const ci = steps.findIndex((s) => s.keyword === 'RUN' && /\bnpm ci\b/.test(s.args));
    const copied = steps.slice(0, ci).filter((s) => s.keyword === 'COPY').map((s) => s.args);
    for (const group of ['apps', 'libs']) {
      for (const name of readdirSync(path.join(ROOT, group))) {
        expect(copied.some((c) => c.startsWith(`${group}/${name}/package.json `))).toBe(true);
      }
    }
  });
});
