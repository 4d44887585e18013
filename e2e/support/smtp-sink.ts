import { appendFileSync } from "node:fs";

import { SMTPServer } from "smtp-server";

/** A real SMTP server on loopback that appends each message to a JSON-lines file for the specs. */
export async function startSmtpSink(options: { port: number; inbox: string }): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        appendFileSync(
          options.inbox,
          `${JSON.stringify({ to, raw, at: new Date().toISOString() })}\n`,
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return server;
}
