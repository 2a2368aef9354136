import { DirectoryError } from '../../../src/platform/directory/directory.port';
import { GraphGroupWriter } from '../../../src/platform/graph/graph-group-writer';
import { FakeGraph } from '../../support/fake-graph';
import { capturedLogger, graphHttp, userId } from './graph-fixture';

const group = '9a000000-0000-4000-8000-0000000000e1';

describe('GraphGroupWriter: POST /groups/{id}/members/$ref', () => {
  let graph: FakeGraph;
  beforeEach(async () => (graph = await FakeGraph.start({ groups: { [group]: [userId(1)] } })));
  afterEach(() => graph.stop());

  const writer = () => new GraphGroupWriter(graphHttp(graph), capturedLogger().logger);

  it('adds a user as a directory object reference', async () => {
    await writer().addMember(group, userId(2).toUpperCase());
    const [call] = graph.calls('addGroupMember');
    expect(call).toMatchObject({ method: 'POST', status: 204, path: `/groups/${group}/members/$ref` });
    expect(call.body).toEqual({ '@odata.id': `${graph.url}/directoryObjects/${userId(2)}` });
  });

  it('counts "already a member" (400) as success', async () => {
    await expect(writer().addMember(group, userId(1))).resolves.toBeUndefined();
    expect(graph.calls('addGroupMember')[0].status).toBe(400);
  });

  it.each([
    [403, 'forbidden'],
    [404, 'groupNotFound'],
    [400, 'unavailable'],
  ] as const)('maps %d to %s', async (status, code) => {
    graph.inject({ path: /members\/\$ref$/, status, times: 10 });
    const err = await writer()
      .addMember(group, userId(3))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DirectoryError);
    expect((err as DirectoryError).code).toBe(code);
  });
});
