import type { Command } from 'commander';

/**
 * `aims dev …`: tools for developers and benchmarks (issue 17), never needed
 * to run OpenAIMS. `aims dev seed` fills an organization with realistic,
 * deterministic data at a chosen size.
 */
export function registerDev(program: Command): void {
  program.command('dev').description('Developer tools: generate realistic data for trials and benchmarks.');
}
