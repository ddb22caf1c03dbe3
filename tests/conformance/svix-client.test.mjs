// The official Svix client library (npm `svix`, pinned in package-lock.json) against tokendesk-sandbox's Svix
// emulator: what Svix's own SDK sends must be understood by the emulator, and what the emulator answers must be
// read by the SDK as Svix's answers are. Also checks that TokenDesk picks a key's region exactly as the SDK does.
// Run by ctest (conformance_svix_client) as `node --test` with:
//   TOKENDESK_NODE_MODULES  the node_modules folder install-node-tools filled
//   TOKENDESK_BINARY_DIR    the build tree (tokendesk-sandbox, tokendesk-cli)
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import readline from "node:readline";

const modules = process.env.TOKENDESK_NODE_MODULES;
const binaryDir = process.env.TOKENDESK_BINARY_DIR;
assert.ok(modules, "TOKENDESK_NODE_MODULES is not set");
assert.ok(binaryDir, "TOKENDESK_BINARY_DIR is not set");
const require = createRequire(path.join(modules, "conformance.js"));
const { Svix, ApiException } = require("svix");

let sandbox;
let svixInfo;

before(async () => {
    sandbox = spawn(path.join(binaryDir, "app/sandbox/tokendesk-sandbox"), ["--port", "0"], {
        stdio: ["ignore", "pipe", "ignore"],
    });
    const lines = readline.createInterface({ input: sandbox.stdout });
    const ready = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("tokendesk-sandbox printed no ready line")), 30000);
        sandbox.once("exit", (code) => reject(new Error(`tokendesk-sandbox exited (${code})`)));
        lines.once("line", (line) => {
            clearTimeout(timer);
            resolve(JSON.parse(line));
        });
    });
    svixInfo = ready.services.svix;
    assert.ok(svixInfo?.base_url, "the sandbox has no Svix emulator");
});

after(() => {
    sandbox?.kill("SIGTERM");
});

// The SDK appends /api/v1/... to the server URL, as TokenDesk does: the emulator's base URL is such a server URL.
function client(token = svixInfo.api_key) {
    return new Svix(token, { serverUrl: svixInfo.base_url, retryScheduleInMs: [], numRetries: 0 });
}

test("appPortalAccess: token and magic link, and the token expires as asked", async () => {
    const out = await client().authentication.appPortalAccess(svixInfo.app_ids[0], {
        expiry: 3600,
        sessionId: "sdk-session",
        featureFlags: ["sdk.flag"],
        capabilities: ["ViewBase"],
    });
    assert.match(out.token, /^appsk_/);
    assert.match(out.url, /^https:\/\/app\.svix\.com\/login#key=otk_/);
});

test("appPortalAccess: the emulator's 422 is the SDK's ValidationError shape", async () => {
    await assert.rejects(
        client().authentication.appPortalAccess(svixInfo.app_ids[0], { expiry: 5 }),
        (error) => {
            assert.ok(error instanceof ApiException);
            assert.equal(error.code, 422);
            assert.deepEqual(error.body.detail[0].loc, ["body", "expiry"]);
            assert.equal(typeof error.body.detail[0].msg, "string");
            return true;
        },
    );
});

test("appPortalAccess with a wrong key: 401 with Svix's error body", async () => {
    await assert.rejects(client("sk_wrong.key").authentication.appPortalAccess(svixInfo.app_ids[0], {}), (error) => {
        assert.equal(error.code, 401);
        assert.equal(error.body.code, "authentication_failed");
        return true;
    });
});

test("expireAll, then logout with a portal token of that session", async () => {
    const app = svixInfo.app_ids[0];
    const kept = await client().authentication.appPortalAccess(app, { sessionId: "sdk-kept" });
    const expired = await client().authentication.appPortalAccess(app, { sessionId: "sdk-expired" });
    // 204: the SDK resolves with nothing.
    assert.equal(await client().authentication.expireAll(app, { expiry: 0, sessionIds: ["sdk-expired"] }), undefined);
    // The expired session's token is refused, the other one logs out once.
    await assert.rejects(client(expired.token).authentication.logout(), (error) => error.code === 401);
    assert.equal(await client(kept.token).authentication.logout(), undefined);
    await assert.rejects(client(kept.token).authentication.logout(), (error) => error.code === 401);
});

test("expireAll of an unknown application: 404", async () => {
    await assert.rejects(client().authentication.expireAll("app_unknown_sdk", {}), (error) => {
        assert.equal(error.code, 404);
        assert.equal(error.body.code, "not_found");
        return true;
    });
});

test("dashboardAccess (deprecated, still in the SDK): token and link", async () => {
    const out = await client().authentication.dashboardAccess(svixInfo.app_ids[1]);
    assert.match(out.token, /^appsk_/);
    assert.match(out.url, /#key=otk_/);
});

test("idempotency: the same key answers with the first token", async () => {
    const options = { idempotencyKey: "sdk-idempotency-1" };
    const first = await client().authentication.appPortalAccess(svixInfo.app_ids[0], { sessionId: "sdk-idem" }, options);
    const second = await client().authentication.appPortalAccess(svixInfo.app_ids[0], { sessionId: "sdk-idem" }, options);
    assert.equal(second.token, first.token);
});

test("application API: not emulated, answered as Svix answers an unknown route", async () => {
    await assert.rejects(client().application.get(svixInfo.app_ids[0]), (error) => {
        assert.ok(error instanceof ApiException);
        assert.equal(error.code, 404);
        assert.equal(error.body.code, "not_found");
        return true;
    });
});

// The SDK picks the host from the key's region suffix; TokenDesk must pick the same one when no URL is set.
test("region from the key: TokenDesk's effective URL is the SDK's", async () => {
    const config = mkdtempSync(path.join(tmpdir(), "tokendesk-conformance-"));
    try {
        const cli = (args, input) =>
            spawnSync(path.join(binaryDir, "app/cli/tokendesk-cli"), ["--config", config, ...args], {
                input,
                encoding: "utf8",
                timeout: 60000,
            });
        const keys = ["sk_sdk.us", "sk_sdk.eu", "sk_sdk.in", "sk_sdk.ca", "sk_sdk.au", "sk_sdk.zz", "sk_sdknodot"];
        for (const [index, key] of keys.entries()) {
            const added = cli(["--secrets-stdin", "account", "add", "--provider", "svix", "--name", `R${index}`],
                `api_key=${key}\n`);
            assert.equal(added.status, 0, added.stderr);
        }
        const listed = cli(["account", "list", "--json"]);
        assert.equal(listed.status, 0, listed.stderr);
        const effective = new Map(JSON.parse(listed.stdout).map((account) => [account.name, account.effective_url]));
        for (const [index, key] of keys.entries()) {
            let sdkUrl;
            const recorder = async (url) => {
                sdkUrl = new URL(url).origin;
                return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
            };
            await new Svix(key, { fetch: recorder }).authentication.dashboardAccess("app_x").catch(() => {});
            assert.ok(sdkUrl, `the SDK made no request for ${key}`);
            assert.equal(effective.get(`R${index}`), sdkUrl, `region of ${key}`);
        }
    } finally {
        rmSync(config, { recursive: true, force: true });
    }
});
