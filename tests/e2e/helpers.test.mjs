// The test helpers themselves, without a node: `rpc()` exposes the node's error code and message.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { rpc, RpcError } from './lib/node.mjs';

// Each test settles in milliseconds; one that waits this long waits forever.
const quick = { timeout: 10_000 };

describe('rpc()', () => {
  // A JSON-RPC server that refuses every call as a node refuses a malformed extrinsic.
  const refusal = { code: 1002, message: 'Verification Error: Runtime error', data: 'detail' };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const { id, method } = JSON.parse(body);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(method === 'system_health'
        ? { jsonrpc: '2.0', id, result: { peers: 0 } }
        : { jsonrpc: '2.0', id, error: refusal }));
    });
  });
  const listening = new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('returns the result of a call', quick, async () => {
    await listening;
    assert.deepEqual(await rpc(server.address().port, 'system_health'), { peers: 0 });
  });

  it('rejects with the node\'s error code and message', quick, async () => {
    await listening;
    await assert.rejects(rpc(server.address().port, 'author_submitExtrinsic', ['0x00']), (error) => {
      assert.ok(error instanceof RpcError);
      assert.equal(error.method, 'author_submitExtrinsic');
      assert.equal(error.code, 1002);
      assert.equal(error.rpcMessage, refusal.message);
      assert.equal(error.data, 'detail');
      return true;
    });
  });
});
