"use strict";
// eslint-plugin-boundaries resolves imports through eslint-plugin-import's resolver interface;
// this one adds tsconfig's `@/*` → `./*` alias (and TypeScript extensions) to the Node resolver,
// so `@/lib/db` and `../../lib/db` are the same element to the boundary rules.
const path = require("node:path");
const node = require("eslint-import-resolver-node");

const root = path.resolve(__dirname, "../..");
const extensions = [".ts", ".tsx", ".mjs", ".js", ".json"];

exports.interfaceVersion = 2;
exports.resolve = (source, file) =>
  node.resolve(source.startsWith("@/") ? path.join(root, source.slice(2)) : source, file, { extensions });
