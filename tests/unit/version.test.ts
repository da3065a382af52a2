import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '#shared/version';
import pkg from '../../package.json' with { type: 'json' };

describe('version', () => {
  it('is the package version, so /health reports what was released', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
