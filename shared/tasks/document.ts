/** A task document read whole: its header as the tasks' source, the tasks, and every document it cites. */
import { extractTasks, type ExtractOptions, type ProposedTask } from './extract';
import { readSource, type DocumentSource } from './header';
import { documentReferences } from './phrases';

export interface TaskDocument {
  source: DocumentSource;
  tasks: ProposedTask[];
  references: string[];
}

export function readTaskDocument(text: string, options: ExtractOptions = {}): TaskDocument {
  const source = readSource(text);
  return { source, tasks: extractTasks(text, options), references: documentReferences(text, source.notation) };
}
