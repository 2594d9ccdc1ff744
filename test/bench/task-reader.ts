/** The task reader's scores on the fixture documents (scripts/score-tasks.ts), as bench figures. */
import { overall, scoreFixtures } from '../../scripts/score-tasks';
import { print } from './stats';

export function taskReaderScores(): void {
  const scores = scoreFixtures();
  for (const s of scores) {
    print({ name: `taskReader.${s.document}.found`, value: s.found, unit: 'tasks', n: s.expected });
    print({ name: `taskReader.${s.document}.extra`, value: s.extra, unit: 'tasks', n: s.expected });
    print({ name: `taskReader.${s.document}.allRight`, value: s.allRight, unit: 'tasks', n: s.found });
  }
  const all = overall(scores);
  for (const [key, value] of Object.entries(all)) {
    if (key.endsWith('Pct')) print({ name: `taskReader.overall.${key.replace(/Pct$/, '')}`, value, unit: '%', n: key === 'foundPct' || key === 'extraPct' ? all.expected : all.found });
  }
}
