import { describe, expect, it } from 'vitest';
import { allComponents, buildBom, propertyValues, readBom } from './cyclonedx.js';
import { BomSchemaError, declaredVersion, jsonPath, validateBom } from './cyclonedx-schema.js';

const model = {
  type: 'machine-learning-model',
  'bom-ref': 'm1',
  name: 'scorer',
  modelCard: { considerations: { useCases: ['scoring'] } },
  properties: [
    { name: 'openaims:userImpact', value: 'internal' },
    { name: 'openaims:userImpact', value: 'decision-support' },
  ],
};

describe('CycloneDX', () => {
  it('builds a 1.6 BOM that validates against the official schema', async () => {
    const bom = buildBom({
      specVersion: '1.6',
      subject: { name: 'Inventory', 'bom-ref': 'org' },
      tool: { name: 'OpenAIMS', version: '0.1.0' },
      components: [{ ...model, supplier: { name: 'Vendor' }, tags: ['a'] }],
    });
    await expect(validateBom(bom)).resolves.toBe('1.6');
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('validates 1.5 and 1.6 each against its own schema', async () => {
    const with16Field = { bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ ...model, tags: ['x'] }] };
    await expect(validateBom({ ...with16Field, specVersion: '1.6' })).resolves.toBe('1.6');
    await expect(validateBom(with16Field)).rejects.toMatchObject({
      errors: [{ path: '$.components[0].tags', message: 'is not allowed here' }],
    });
  });

  it('lists schema errors with JSONPaths and refuses unknown versions before compiling anything', async () => {
    const bad = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 'one', components: [{ type: 'machine-learning-model' }] };
    const err = await validateBom(bad).catch((e) => e);
    expect(err).toBeInstanceOf(BomSchemaError);
    expect(err.message).toBe('The BOM does not validate against the CycloneDX 1.6 schema: 2 errors.');
    expect(err.errors).toEqual([
      { path: '$.version', message: 'must be integer' },
      { path: '$.components[0].name', message: 'is required' },
    ]);
    expect(() => declaredVersion({ bomFormat: 'SPDX', specVersion: '2.3' })).toThrow(BomSchemaError);
    expect(() => declaredVersion([])).toThrow('The file is not a CycloneDX JSON BOM.');
  });

  it('still rejects duplicate items, checked in linear time', async () => {
    const a = { type: 'library', name: 'x', version: '1' };
    const same = { version: '1', name: 'x', type: 'library' };
    const dup = { bomFormat: 'CycloneDX', specVersion: '1.6', components: [a, { ...a, version: '2' }, same] };
    await expect(validateBom(dup)).rejects.toMatchObject({
      errors: [{ path: '$.components', message: 'must not contain duplicate items' }],
    });
    const many = Array.from({ length: 20_000 }, (_, i) => ({ type: 'library', name: `lib-${i}`, 'bom-ref': `r${i}` }));
    const t0 = performance.now();
    await expect(validateBom({ bomFormat: 'CycloneDX', specVersion: '1.6', components: many })).resolves.toBe('1.6');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('reads JSON text or bytes and walks nested components with their paths', async () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      metadata: { component: { type: 'application', name: 'app' } },
      components: [{ type: 'library', name: 'lib', components: [model] }],
    });
    const { bom, version } = await readBom(Buffer.from(`\ufeff${text}`));
    expect(version).toBe('1.5');
    expect(allComponents(bom).map((c) => [c.path, c.item.name])).toEqual([
      ['$.metadata.component', 'app'],
      ['$.components[0]', 'lib'],
      ['$.components[0].components[0]', 'scorer'],
    ]);
    expect(propertyValues(model, 'openaims:userImpact')).toEqual(['internal', 'decision-support']);
    await expect(readBom('{not json')).rejects.toThrow(/^is not valid JSON/);
  });

  it('writes JSON Pointers as JSONPaths', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/components/0/bom-ref')).toBe("$.components[0]['bom-ref']");
    expect(jsonPath('/a~1b/c~0d')).toBe("$['a/b']['c~d']");
  });
});
