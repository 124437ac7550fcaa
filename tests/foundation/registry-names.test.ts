import assert from "node:assert/strict";
import { test } from "node:test";
import { mapServerJson, slugFromName } from "@/lib/servers/official/map-server-json";
import { registryNameOf, registryNamespace, slugOfDerivedName } from "@/lib/servers/official/registry-name";
import { toServerResponse } from "@/lib/servers/official/server-json";
import { assertServerJson } from "../api/support/server-json-schema";

test("derived names: REGISTRY_URL's host reversed (port left out) + slug; an imported name wins", () => {
  assert.equal(registryNamespace("http://localhost:3000"), "localhost");
  assert.equal(registryNamespace("https://registry.contoso.com"), "com.contoso.registry");
  assert.equal(registryNamespace("https://Registry.Contoso.com:8443/"), "com.contoso.registry");
  assert.equal(
    registryNameOf({ slug: "github", registryName: null }, "https://registry.contoso.com"),
    "com.contoso.registry/github",
  );
  assert.equal(
    registryNameOf({ slug: "github", registryName: "io.github.acme/github" }, "https://registry.contoso.com"),
    "io.github.acme/github",
  );
  assert.equal(slugOfDerivedName("com.contoso.registry/github", "https://registry.contoso.com"), "github");
  assert.equal(slugOfDerivedName("io.github.acme/github", "https://registry.contoso.com"), null);
});

test("slugs from names: the last segment, lower-cased, other characters → hyphens; none when nothing is left", () => {
  assert.equal(slugFromName("io.github.acme/My_Server"), "my-server");
  assert.equal(slugFromName("io.github.acme/weather.v2"), "weather-v2");
  assert.equal(slugFromName("io.github.acme/--x--"), "x");
  assert.equal(slugFromName(`io.example/${"a".repeat(80)}`), "a".repeat(63));
  assert.equal(slugFromName("io.example/___"), null);
});

test("a server.json without a usable remote, or with a URL template, is refused with the field named", () => {
  const base = { name: "io.example/x", description: "X", version: "1" };
  assert.deepEqual(mapServerJson({ ...base, remotes: [{ type: "stdio", url: "x" }] }), {
    errors: [
      {
        path: "remotes",
        message:
          "needs a remote of type streamable-http or sse: this registry fronts remote MCP servers (packages are not run here)",
      },
    ],
  });
  assert.match(
    JSON.stringify(mapServerJson({ ...base, remotes: [{ type: "sse", url: "https://{host}/sse" }] })),
    /\{variables\}/,
  );
  assert.match(
    JSON.stringify(mapServerJson({ ...base, remotes: [{ type: "sse", url: "ftp://example.test/sse" }] })),
    /"path":"url"/,
  );
});

test("what the API answers is valid server.json even for long or empty descriptions and no version", () => {
  const row = {
    slug: "x",
    registryName: null,
    registryMetadata: null,
    name: "N".repeat(120),
    description: "",
    version: "",
    enabled: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const { server } = toServerResponse(row, "http://localhost:3000");
  assertServerJson(server);
  assert.equal(server.description.length, 100);
  assert.equal(server.version, "0.0.0");
  assertServerJson(toServerResponse({ ...row, description: "d".repeat(2000) }, "http://localhost:3000").server);
});
