/** The build step's source rewrite that lets esbuild drop unused EC2 schemas (scripts/build-sdk.ts). */
import { inlineConstantKeys } from '../../../scripts/build-sdk.js';

describe('inlineConstantKeys', () => {
  test('when a computed key names a string constant of the module then it becomes that string literal', () => {
    const src = 'const _xN = "xmlName";\nconst _eQN = "ec2QueryName";\nexport var A$ = [3, n0, _A, 0, [_I], [[0, { [_eQN]: `ImageId`, [_xN]: _iI }]]];\n';
    const { code, replaced } = inlineConstantKeys(src);
    expect(replaced).toBe(2);
    expect(code).toContain('{ "ec2QueryName": `ImageId`, "xmlName": _iI }');
  });

  test('when a computed key names anything else then it is left alone', () => {
    const src = 'const _xN = "xmlName";\nlet _v = "v";\nconst _q = "has \\" quote";\nexport var A$ = { [_v]: 1, [_q]: 2, [other]: 3 };\n';
    const { code, replaced } = inlineConstantKeys(src);
    expect(replaced).toBe(0);
    expect(code).toBe(src);
  });
});
