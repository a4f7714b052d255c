#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the server share one source with no build.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
