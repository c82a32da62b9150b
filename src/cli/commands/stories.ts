/** `crosscheck stories`: the corpus's stories, newest first, as a table or JSON. */
import { Option, type Command } from 'commander';
import type { StorySummary } from '../../store/index.ts';
import { addStoreOptions, withStore, type StoreFlags } from './add.ts';

function pad(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function storiesTable(stories: StorySummary[]): string {
  const header = ['story', 'articles', 'outlets', 'first seen', 'last seen', 'conflicts', 'title'];
  const rows = stories.map((s) => [
    s.id,
    String(s.articles),
    s.outlets.join(', ') || '—',
    s.firstSeen.slice(0, 10),
    s.lastSeen.slice(0, 10),
    String(s.openConflicts),
    s.title,
  ]);
  const widths = header.map((h, i) =>
    Math.min(
      i === 2 ? 30 : i === 6 ? 50 : 20,
      Math.max(h.length, ...rows.map((r) => r[i]!.length)),
    ),
  );
  return (
    [header, ...rows]
      .map((r) =>
        r
          .map((cell, i) => pad(cell, widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function register(program: Command): void {
  const command = program
    .command('stories')
    .description(
      'list the stories of the corpus: articles, outlets, first/last seen, open conflicts',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('--limit <n>', 'at most N stories (default 100)', (v) => Number.parseInt(v, 10));
  addStoreOptions(command).action(
    async (flags: StoreFlags & { format: string; limit?: number }) => {
      await withStore(flags, async (store) => {
        const stories = await store.listStories({ limit: flags.limit ?? 100 });
        if (flags.format === 'json') process.stdout.write(JSON.stringify(stories, null, 2) + '\n');
        else if (stories.length === 0)
          process.stdout.write('the corpus holds no stories yet (crosscheck add <files>)\n');
        else process.stdout.write(storiesTable(stories));
      });
    },
  );
}
