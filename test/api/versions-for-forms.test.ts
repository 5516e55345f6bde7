import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// What the web app's forms need to send If-Match (issue 10): the settings
// read carries its version (updatedAt, null while the defaults apply) in the
// body as well as the ETag, and a supplier review is made on a version of the
// supplier it rates, so a supplier changed since is a 409, not a silent
// overwrite of its rating. Without If-Match both go through as before.

const answers = {
  customerDataTraining: { answer: 'no' },
  modelChangeNotification: { answer: 'partial' },
  dataLocation: { answer: 'yes' },
  incidentNotification: { answer: 'yes' },
  certificationsHeld: { answer: 'yes' },
  contractReviewed: { answer: 'unknown' },
};
const review = (riskRating: string, reviewDate: string) => ({
  reviewDate,
  answers,
  riskRating,
  nextReviewDate: '2027-01-01',
});

describe.each(testDialects())('versions the forms edit (%s)', (dialect) => {
  let t: TestApp;
  let client: Client;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('gives the settings version in the body and the 409', async () => {
    const defaults = await client.get(org('/settings'));
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({ reviewIntervalDays: 365, riskScale: ['low', 'medium', 'high'], updatedAt: null });
    expect(defaults.headers.etag).toBe('W/"none"');

    const first = await client.request(
      'PUT',
      org('/settings'),
      { reviewIntervalDays: 180, riskScale: ['low', 'high'] },
      {
        'if-match': 'W/"none"',
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.updatedAt).toEqual(expect.any(String));
    expect(first.headers.etag).toBe(`W/"${first.body.updatedAt}"`);
    const read = await client.get(org('/settings'));
    expect(read.body).toEqual({ reviewIntervalDays: 180, riskScale: ['low', 'high'], updatedAt: first.body.updatedAt });

    // a second copy still made on the defaults
    const stale = await client.request(
      'PUT',
      org('/settings'),
      { reviewIntervalDays: 90, riskScale: ['low', 'high'] },
      {
        'if-match': 'W/"none"',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual(read.body);
    expect(stale.body.etag).toBe(first.headers.etag);
    expect((await client.get(org('/settings'))).body.reviewIntervalDays).toBe(180);

    // a body carrying updatedAt is refused by name: the version travels in If-Match
    const withVersion = await client.put(org('/settings'), { ...read.body, reviewIntervalDays: 60 });
    expect(withVersion.status).toBe(400);
    expect(withVersion.body.errors.map((e: { field: string }) => e.field)).toEqual(['body']);
  });

  it('records a review only on the supplier version it was made on, when told one', async () => {
    const created = await client.post(org('/suppliers'), { name: 'Model vendor' });
    expect(created.status).toBe(201);
    const url = org(`/suppliers/${created.body.id}`);
    const opened = await client.get(url);
    const etag = opened.headers.etag as string;
    expect(etag).toBe(`W/"${opened.body.updatedAt}"`);

    // someone rates the supplier while the review form is open
    const edit = await client.request('PATCH', url, { riskRating: 'high' }, { 'if-match': etag });
    expect(edit.status).toBe(200);

    const stale = await client.request('POST', `${url}/reviews`, review('low', '2026-01-10'), { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([{ field: 'headers.if-match', message: 'is not the current version' }]);
    expect(stale.body.current).toMatchObject({ id: created.body.id, riskRating: 'high', aiSystems: [] });
    expect(stale.body.etag).toBe(edit.headers.etag);
    expect((await client.get(`${url}/reviews`)).body.items).toEqual([]);
    expect((await client.get(url)).body.riskRating).toBe('high');

    // knowingly, with the current version: recorded, and the supplier's version moves on
    const again = await client.request('POST', `${url}/reviews`, review('low', '2026-01-10'), {
      'if-match': stale.body.etag,
    });
    expect(again.status).toBe(201);
    const after = await client.get(url);
    expect(after.body).toMatchObject({ riskRating: 'low', lastReviewDate: '2026-01-10' });
    expect(after.headers.etag).not.toBe(stale.body.etag);

    // without If-Match a review goes through as before
    const plain = await client.post(`${url}/reviews`, review('high', '2026-01-11'));
    expect(plain.status).toBe(201);
    expect((await client.get(`${url}/reviews`)).body.items).toHaveLength(2);
  });
});
