/** `crosscheck revisions <article>`: every stored version of an article and what changed. */
import { Option, type Command } from 'commander';
import { addStoreOptions, withStore, type StoreFlags } from './add.ts';

export function register(program: Command): void {
  const command = program
    .command('revisions')
    .description('list the stored versions of an article (by id, id prefix, URL or source path)')
    .argument('<article>', 'article id, URL or source path')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    );
  addStoreOptions(command).action(async (ref: string, flags: StoreFlags & { format: string }) => {
    await withStore(flags, async (store) => {
      const revisions = await store.revisions(ref);
      if (revisions.length === 0) {
        process.stderr.write(`crosscheck: ${ref}: no stored article has this id, URL or source\n`);
        process.exitCode = 1;
        return;
      }
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify(revisions, null, 2) + '\n');
        return;
      }
      const lines: string[] = [];
      for (const r of revisions) {
        lines.push(
          `revision ${r.number}${r.current ? ' (current)' : ''}  ${r.articleId}  ${r.addedAt}  ${r.source}${r.url && r.url !== r.source ? `  ${r.url}` : ''}`,
        );
        for (const change of r.changes ?? [])
          lines.push(`  ${change.kind === 'added' ? '+' : '-'} ${change.text}`);
        if (r.number > 1 && !r.changes?.length) lines.push('  (whitespace or layout only)');
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
  });
}
