import { describe, expect, it } from 'vitest';
import { columnFor, ENUMS, matchEnum, matchKey, parseInScope, parseSupplierRef, splitMulti } from './inventory.columns.js';

describe('inventory columns', () => {
  it('matches headers ignoring case, spaces, hyphens and underscores, and common other names', () => {
    expect(columnFor(' BUSINESS_owner ')?.field).toBe('businessOwner');
    expect(columnFor('life cycle-stage')?.field).toBe('lifecycleStage');
    expect(columnFor('AI system or tool name')?.field).toBe('name');
    expect(columnFor('Data categories')?.field).toBe('dataCategories');
    expect(columnFor('lastReviewDate')?.field).toBe('lastReviewDate');
    expect(columnFor('Colour')).toBeUndefined();
  });

  it('matches enum values the same way, with the guidance’s "… use" spellings', () => {
    expect(matchEnum('Customer Facing', ENUMS.userImpact)).toBe('customer-facing');
    expect(matchEnum('internal use', ENUMS.userImpact)).toBe('internal');
    expect(matchEnum('Third-party SaaS', ENUMS.kind)).toBe('third-party-saas');
    expect(matchEnum('Verification and Validation', ENUMS.lifecycleStage)).toBe('verification-and-validation');
    expect(matchEnum('everyone', ENUMS.userImpact)).toBeNull();
  });

  it('reads the words the app and the workbook export show for each value', () => {
    expect(matchEnum('AI feature of a product', ENUMS.kind)).toBe('product-feature');
    expect(matchEnum('AI producer (developer)', ENUMS.aiRole)).toBe('producer');
    expect(matchEnum('Special-category personal data', ENUMS.dataSensitivity)).toBe('special-category');
    expect(matchEnum('Producer (developer)', ENUMS.aiRole)).toBeNull();
  });

  it('reads supplier references with an optional dependency', () => {
    expect(parseSupplierRef('OpenAI (API)')).toEqual({ name: 'OpenAI', nameKey: 'openai', dependency: 'api' });
    expect(parseSupplierRef('Acme (UK) Ltd')).toEqual({ name: 'Acme (UK) Ltd', nameKey: 'acmeukltd', dependency: 'vendor' });
    expect(parseSupplierRef('百度 (model)')).toEqual({ name: '百度', nameKey: 'raw:百度', dependency: 'model' });
    expect(parseSupplierRef('Acme (friend)')).toEqual({
      error:
        '"friend" is not a known supplier dependency; use one of: platform, api, model, vendor, dataset, service (in "Acme (friend)")',
    });
    expect(parseSupplierRef(' (api)')).toEqual({ error: '" (api)" has no supplier name' });
  });

  it('reads in-scope answers and multi-value cells', () => {
    expect([parseInScope('Yes'), parseInScope('out of scope'), parseInScope(''), parseInScope('maybe')]).toEqual([
      true,
      false,
      null,
      undefined,
    ]);
    expect(splitMulti(' a; ;b ;')).toEqual(['a', 'b']);
    expect(matchKey('ChatGPT-Enterprise')).toBe('chatgptenterprise');
    expect(matchKey(' 王芳 ')).toBe('raw:王芳');
  });
});
