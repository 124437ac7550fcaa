import assert from "node:assert/strict";
import { test } from "node:test";
import { isMachinePath } from "@/lib/api/machine-paths";

test("machine paths go to the API application; everything else to Next", () => {
  for (const target of [
    "/api/servers",
    "/api/servers?q=x",
    "/api",
    "/api/",
    "/mcp/github",
    "/mcp",
    "/scim/v2/Users",
    "/scim/v2/Users?filter=userName%20eq%20%22x%22",
    "/scim",
    "/v0.1/servers",
    "/.well-known/oauth-protected-resource",
    "/.well-known/oauth-protected-resource/mcp/github",
    "http://registry.example/api/me",
  ]) {
    assert.equal(isMachinePath(target), true, target);
  }
  for (const target of [
    "/",
    "/servers/github",
    "/settings/iam/users",
    "/auth/sign-in",
    "/_next/static/chunks/x.js",
    "/apis",
    "/api-docs",
    "/mcpx",
    "/scimx",
    "/scim-docs",
    "/.well-known/openid-configuration",
    "/sign-in?next=/api/me",
    "not a url",
    "//api/me",
  ]) {
    assert.equal(isMachinePath(target), false, target);
  }
});
