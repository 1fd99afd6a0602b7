/** `bcp --help`, `bcp help COMMAND`, `bcp COMMAND --help`: exit 0 with the text; unknown commands exit 2. */
import { describe, expect, it } from 'vitest';
import { bcp as run } from '../helpers.ts';

const bcp = (...args: string[]) => run(args);

const COMMANDS = ['init', 'check', 'build', 'revisions', 'migrate', 'pdf', 'schema', 'help'];

describe('bcp help', () => {
  it('lists every command for --help, -h and help, with exit 0', async () => {
    const results = await Promise.all([bcp('--help'), bcp('-h'), bcp('help')]);
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^使い方:\n/);
      for (const command of COMMANDS) expect(result.stdout).toContain(`  bcp ${command}`);
    }
    expect(results[1]!.stdout).toBe(results[0]!.stdout);
  });

  it('explains one command for help COMMAND and COMMAND --help, options included', async () => {
    const [viaHelp, viaOption, short] = await Promise.all([bcp('help', 'init'), bcp('init', '--help'), bcp('migrate', '-h')]);
    expect(viaHelp).toEqual(viaOption);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout.split('\n')[0]).toBe('使い方: bcp init [--answers ファイル | --plan 計画] [--force]');
    expect(viaHelp.stdout).toContain('  --force ');
    expect(short.code).toBe(0);
    expect(short.stdout.split('\n')[0]).toBe('使い方: bcp migrate [--answers ファイル] [--to 版]');
  });

  it('still exits 2 with the usage for an unknown command, a bare bcp and help on an unknown topic', async () => {
    const [unknown, bare, topic] = await Promise.all([bcp('hlep'), bcp(), bcp('help', 'nai')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^知らないコマンド「hlep」です。\n使い方:\n/);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^使い方:\n/);
    expect(topic.code).toBe(2);
    expect(topic.stderr).toMatch(/^知らないコマンド「nai」です。\n使い方:\n/);
  });
});
