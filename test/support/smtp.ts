/** A local SMTP server for the outbox tests (127.0.0.1), whose behaviour after the message can be changed between attempts. */
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * accept: answers 250. drop: reads the whole message, then cuts the line without answering.
 * late: answers 250 only after `lateMs`, past the client's timeout. refuseRcpt: refuses every recipient (before DATA).
 */
export type SmtpMode = 'accept' | 'drop' | 'late' | 'refuseRcpt';

export interface TestSmtp {
  port: number;
  mode: SmtpMode;
  /** Every message the server read to its end, whatever it answered. */
  received: Buffer[];
  rcptAttempts: number;
  close(): Promise<void>;
}

export async function startSmtp(mode: SmtpMode, opts: { port?: number; lateMs?: number } = {}): Promise<TestSmtp> {
  const sockets = new Set<Socket>();
  const state: TestSmtp = { port: 0, mode, received: [], rcptAttempts: 0, close: () => Promise.resolve() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, done) {
      state.rcptAttempts++;
      if (state.mode !== 'refuseRcpt') return done();
      done(Object.assign(new Error('Người nhận không tồn tại'), { responseCode: 550 }));
    },
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received.push(Buffer.concat(chunks));
        if (state.mode === 'drop') for (const s of sockets) s.destroy();
        else if (state.mode === 'late') setTimeout(() => done(), opts.lateMs ?? 2500);
        else done();
      });
    },
  });
  // The client's dropped line shows up here as a write to a closed socket.
  server.on('error', () => undefined);
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
