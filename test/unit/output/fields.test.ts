/**
 * What each consumer of images says it reads (columns, formats, selection) is all it reads: its
 * output from images cut down to those fields equals its output from the full images. The CLI
 * asks the parser for exactly these fields, so a missing one here would print empty cells.
 */
import type { Image } from '../../../src/types.js';
import { IMAGE_JSON } from '../../../src/image-json.js';
import { COLUMN_IDS, COLUMNS, columnReads } from '../../../src/output/columns.js';
import { FORMATTERS } from '../../../src/output/formatters.js';
import { chalkStyle } from '../../../src/output/style.js';
import { Chalk } from 'chalk';
import { LATEST_READS, LatestKeeper } from '../../../src/select/latest.js';
import { criteriaReads, imagePredicate } from '../../../src/select/predicate.js';
import { sortImages, sortReads } from '../../../src/select/sort.js';
import { SORT_KEYS } from '../../../src/query/vocabulary.js';
import { generateCatalogue } from '../../ec2-local/catalogue/index.js';
import { NOW, OLD, UBUNTU } from './fixtures.js';
import { run } from './fixtures.js';

const images: Image[] = [
  UBUNTU, OLD,
  ...generateCatalogue({ images: 700, seed: 'reads' }).images.map(({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...img }) => img),
];

/** Images cut to `fields`; with `json`, each carries its whole JSON as the parser supplies it (IMAGE_JSON). */
function cut(list: readonly Image[], fields: readonly string[] | undefined, json = false): Image[] {
  if (fields === undefined) return [...list];
  return list.map((i) => {
    const narrow = Object.fromEntries(Object.entries(i).filter(([k]) => fields.includes(k))) as Image;
    return json ? Object.assign(narrow, { [IMAGE_JSON]: JSON.stringify(i) }) : narrow;
  });
}

describe('what output and selection read', () => {
  test('when each column is computed from its reads alone then it shows the same value, for machines and for people', () => {
    for (const id of COLUMN_IDS) {
      const spec = COLUMNS[id];
      const narrow = cut(images, spec.reads);
      images.forEach((image, n) => {
        expect([id, spec.value(narrow[n]!)]).toEqual([id, spec.value(image)]);
        if (spec.human) expect([id, spec.human(narrow[n]!, NOW)]).toEqual([id, spec.human(image, NOW)]);
      });
    }
  });

  test.each(Object.keys(FORMATTERS))('when %s renders images cut to its fields then the output is unchanged, default and every column', (format) => {
    const spec = FORMATTERS[format as keyof typeof FORMATTERS];
    const columnChoices = spec.usesColumns ? [undefined, [...COLUMN_IDS]] : [undefined];
    for (const columns of columnChoices) {
      const opts = { columns, now: NOW, style: chalkStyle(new Chalk({ level: 3 })) };
      const fields = spec.fields({ columns });
      const full = run(spec.create(opts), images, 'tok');
      expect(run(spec.create(opts), cut(images, fields, spec.json), 'tok')).toBe(full);
      expect(full.length).toBeGreaterThan(images.length);
    }
  });

  test('when ids and the default tsv declare their fields then they are narrow (the point of declaring them)', () => {
    expect(FORMATTERS.ids.fields({})).toEqual(['ImageId']);
    expect(FORMATTERS.tsv.fields({})).toEqual(columnReads(['id', 'name', 'owner', 'arch', 'created', 'deprecated']));
    // ndjson reads no member: each line is the image's JSON text, which the parser can write from the XML.
    expect(FORMATTERS.ndjson.fields({})).toEqual([]);
    expect(FORMATTERS.ndjson.json).toBe(true);
    expect(FORMATTERS.json.fields({})).toBeUndefined();
  });

  test('when --latest keeps images cut to its reads then it keeps the same images', () => {
    for (const n of [1, 3, 50]) {
      const narrow = cut(images, LATEST_READS);
      expect(LATEST_READS).toContain('ImageId');
      const a = new LatestKeeper(n);
      const b = new LatestKeeper(n);
      images.forEach((i) => a.push(i));
      narrow.forEach((i) => b.push(i));
      expect(b.result().map((i) => i.ImageId)).toEqual(a.result().map((i) => i.ImageId));
    }
  });

  test.each([...SORT_KEYS])('when sorting by %s images cut to its reads then the order is the same', (key) => {
    for (const desc of [false, true]) {
      const narrow = cut(images, sortReads(key));
      const idOf = new Map(narrow.map((i, n) => [i, images[n]!.ImageId]));
      expect(sortImages(narrow, key, desc).map((i) => idOf.get(i))).toEqual(sortImages(images, key, desc).map((i) => i.ImageId));
    }
  });

  test('when the selection predicate sees images cut to its reads then it keeps the same images', () => {
    const criteria = [
      { nameRegex: 'ubuntu' }, { createdAfter: new Date('2024-01-01T00:00:00Z') },
      { nameRegex: '^al2023', createdBefore: new Date('2025-06-01T00:00:00Z') },
    ];
    for (const c of criteria) {
      const keep = imagePredicate(c);
      const narrow = cut(images, criteriaReads(c));
      const kept = images.filter(keep).map((i) => i.ImageId);
      expect(kept.length).toBeGreaterThan(0);
      expect(images.map((i, n) => (keep(narrow[n]!) ? i.ImageId : undefined)).filter(Boolean)).toEqual(kept);
    }
  });
});
