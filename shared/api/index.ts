/** The single list of API methods. Both shells and the typed client read it. */
import type { z } from 'zod';
import { agencyContracts } from './agency';
import { backupContracts } from './backup';
import { trashContracts } from './trash';
import { auditContracts } from './audit';
import { authContracts } from './auth';
import { reportsContracts } from './reports';
import { sendContracts } from './send';
import { templatesContracts } from './templates';
import { jobsContracts } from './jobs';
import { calendarContracts } from './calendar';
import { dossiersContracts } from './dossiers';
import { dossierExportsContracts } from './dossier-exports';
import { tthcContracts } from './tthc';
import { trustContracts } from './trust';
import { attachmentsContracts } from './attachments';
import { exportsContracts } from './exports';
import { importsContracts } from './imports';
import { filesContracts } from './files';
import { incomingContracts } from './incoming';
import { outgoingContracts } from './outgoing';
import { searchContracts } from './search';
import { taskExportsContracts } from './task-exports';
import { taskImportContracts } from './task-import';
import { tasksContracts } from './tasks';
import { unitsContracts } from './units';
import { documentsContracts } from './documents';
import { intakeContracts } from './intake';

export const contracts = {
  ...agencyContracts,
  ...unitsContracts,
  ...incomingContracts,
  ...outgoingContracts,
  ...searchContracts,
  ...attachmentsContracts,
  ...exportsContracts,
  ...importsContracts,
  ...filesContracts,
  ...tasksContracts,
  ...taskImportContracts,
  ...taskExportsContracts,
  ...calendarContracts,
  ...tthcContracts,
  ...dossiersContracts,
  ...dossierExportsContracts,
  ...backupContracts,
  ...trashContracts,
  ...auditContracts,
  ...authContracts,
  ...reportsContracts,
  ...sendContracts,
  ...templatesContracts,
  ...jobsContracts,
  ...documentsContracts,
  ...trustContracts,
  ...intakeContracts,
};

export type Contracts = typeof contracts;
export type MethodName = keyof Contracts;
/** What a caller sends (before defaults and transforms). */
export type Input<M extends MethodName> = z.input<Contracts[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contracts[M]['input']>;
export type Output<M extends MethodName> = z.output<Contracts[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

export * from './errors';
export { shellContracts, isShellMethod, type ShellMethodName, type ShellInput, type ShellOutput } from './office';
