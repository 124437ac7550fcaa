import { execFile } from "node:child_process";
import { X509Certificate, createPrivateKey } from "node:crypto";
import { chmod, mkdir, mkdtemp, open, readFile, rename, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;

export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

/**
 * A self-signed certificate for `localhost` / `127.0.0.1`, created once with the openssl CLI and
 * reused while it is valid. It is its own trust anchor (CA:TRUE), so a client trusts it with
 * `NODE_EXTRA_CA_CERTS=<certPath>` set when its process starts.
 */
export async function ensureTlsCertificate(dir: string): Promise<TlsFiles> {
  const absDir = resolve(dir);
  const files = { certPath: join(absDir, "cert.pem"), keyPath: join(absDir, "key.pem") };
  if (await isUsable(files)) return files;
  await mkdir(absDir, { recursive: true });
  // Several test processes may start at once: one creates, the others wait and reuse.
  const release = await acquireLock(join(absDir, ".lock"));
  try {
    if (!(await isUsable(files))) await createCertificate(absDir, files);
  } finally {
    await release();
  }
  return files;
}

async function isUsable({ certPath, keyPath }: TlsFiles): Promise<boolean> {
  try {
    const cert = new X509Certificate(await readFile(certPath));
    const key = createPrivateKey(await readFile(keyPath));
    return (
      cert.ca &&
      cert.checkHost("localhost") !== undefined &&
      cert.checkIP("127.0.0.1") !== undefined &&
      Date.parse(cert.validTo) - Date.now() > MIN_REMAINING_MS &&
      cert.checkPrivateKey(key)
    );
  } catch {
    return false;
  }
}

async function createCertificate(dir: string, files: TlsFiles): Promise<void> {
  const tmp = await mkdtemp(join(dir, ".new-"));
  try {
    const key = join(tmp, "key.pem");
    const cert = join(tmp, "cert.pem");
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "825",
      "-subj",
      "/CN=localhost",
      "-keyout",
      key,
      "-out",
      cert,
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
      "-addext",
      "extendedKeyUsage=serverAuth",
    ]);
    await chmod(key, 0o600);
    await rename(key, files.keyPath);
    await rename(cert, files.certPath);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function acquireLock(path: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() > deadline) throw e;
      // A lock left behind by a killed process is stale after 30 s.
      const age = await stat(path).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30_000) await rm(path, { force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
}
