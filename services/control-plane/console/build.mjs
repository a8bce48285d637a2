// Builds the console into the control plane's package (src/switchboard_control_plane/console/
// static): one minified app.js, app.css and index.html. Deterministic: the same sources and
// package-lock.json give the same bytes (`make console-check` rebuilds and compares).
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, "../src/switchboard_control_plane/console/static");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: join(here, "src/main.js") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  legalComments: "none",
  outdir: out,
  logLevel: "warning",
});
await build({
  entryPoints: { app: join(here, "src/style.css") },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: "warning",
});
copyFileSync(join(here, "src/index.html"), join(out, "index.html"));
