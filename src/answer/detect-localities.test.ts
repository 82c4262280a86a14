import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VIETNAM_PLACES } from '../lang/vietnam-places.js';
import type { DocumentMeta } from '../types.js';
import { detectLocalities, locateLocalities } from './detect-localities.js';

const corpus = new URL('../../corpus/', import.meta.url);
const documents: DocumentMeta[] = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')).documents;
const ids = (q: string) => detectLocalities(q, documents).docIds;

const CITY = 'lang-son-thanh-pho-2024';
const HUU_LUNG = 'huu-lung-2022';

describe('VIETNAM_PLACES', () => {
  it('lists the 63 provinces and centrally governed cities', () => {
    expect(VIETNAM_PLACES.filter((p) => p.kind !== 'district')).toHaveLength(63);
    expect(VIETNAM_PLACES.filter((p) => p.kind === 'city').map((p) => p.name)).toEqual(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ']);
  });
});

describe('detectLocalities: corpus localities', () => {
  it.each([
    ['Khánh Hòa có bao nhiêu NCT?', ['khanh-hoa-2618-2022']],
    ['khanh hoa', ['khanh-hoa-2618-2022']],
    ['tỉnh Khánh Hoà', ['khanh-hoa-2618-2022']],
    ['Hà Nội', ['ha-noi-2021-2030']],
    ['ha noi', ['ha-noi-2021-2030']],
    ['What about Hanoi?', ['ha-noi-2021-2030']],
    ['BẾN TRE', ['ben-tre-8557-2021']],
    ['ke hoach cua ben tre', ['ben-tre-8557-2021']],
    ['huyện Hữu Lũng', [HUU_LUNG]],
    ['huu lung', [HUU_LUNG]],
    ['Nha Trang', ['khanh-hoa-2618-2022']],
  ])('%j → %j', (q, expected) => expect(ids(q)).toEqual(expected));

  it('tells the city of Lạng Sơn from the province', () => {
    for (const q of ['thành phố Lạng Sơn', 'TP Lạng Sơn', 'TP. Lạng Sơn', 'tp lang son', 'thanh pho lang son', 'Lang Son city']) {
      expect(ids(q), q).toEqual([CITY]);
    }
    for (const q of ['tỉnh Lạng Sơn', 'Lạng Sơn', 'lang son', 'Lang Son province']) {
      expect(ids(q), q).toEqual([CITY, HUU_LUNG]);
    }
  });

  it('names each mention with its plans', () => {
    expect(detectLocalities('So sánh Bến Tre và TP Lạng Sơn', documents)).toEqual({
      docIds: ['ben-tre-8557-2021', CITY],
      mentions: [
        { name: 'Bến Tre', docIds: ['ben-tre-8557-2021'] },
        { name: 'Thành phố Lạng Sơn', docIds: [CITY] },
      ],
      outOfCorpus: [],
    });
  });

  it('gives offsets with the qualifier included', () => {
    const [m] = locateLocalities('Ai được cấp thẻ ở TP. Lạng Sơn?', documents);
    expect('Ai được cấp thẻ ở TP. Lạng Sơn?'.slice(m.start, m.end)).toBe('TP. Lạng Sơn');
  });
});

describe('detectLocalities: places outside the corpus', () => {
  it.each([
    ['Đà Nẵng có bao nhiêu người cao tuổi?', 'Đà Nẵng'],
    ['Da Nang', 'Đà Nẵng'],
    ['danang', 'Đà Nẵng'],
    ['TP Hồ Chí Minh', 'Hồ Chí Minh'],
    ['TP.HCM', 'Hồ Chí Minh'],
    ['Sài Gòn', 'Hồ Chí Minh'],
    ['Cần Thơ', 'Cần Thơ'],
    ['nghe an', 'Nghệ An'],
    ['Thừa Thiên Huế', 'Thừa Thiên Huế'],
    ['Huế', 'Thừa Thiên Huế'],
    ['huyện Chi Lăng', 'Chi Lăng'],
    ['Hòa Bình có kế hoạch không?', 'Hòa Bình'],
    ['tỉnh hòa bình', 'Hòa Bình'],
  ])('%j → outOfCorpus %j', (q, name) => {
    const found = detectLocalities(q, documents);
    expect(found.outOfCorpus).toEqual([name]);
    expect(found.docIds).toEqual([]);
  });

  it('keeps in-corpus plans beside an out-of-corpus place', () => {
    expect(detectLocalities('So sánh Khánh Hòa với Đà Nẵng', documents)).toMatchObject({ docIds: ['khanh-hoa-2618-2022'], outOfCorpus: ['Đà Nẵng'] });
  });
});

describe('detectLocalities: no places from ordinary words', () => {
  it.each([
    'Hằng năm định kỳ báo cáo kết quả',
    'hang nam dinh ky bao cao',
    'nâng cao bằng cách tăng cường',
    'xây dựng xã hội hòa bình',
    'tham gia lại các hoạt động',
    'học tập và làm theo tư tưởng Hồ Chí Minh',
    'Bộ Lao động - Thương binh và Xã hội',
    'người cao tuổi ở miền Bắc và miền Nam',
    'Ai được cấp thẻ BHYT?',
  ])('%j → nothing', (q) => expect(detectLocalities(q, documents)).toEqual({ docIds: [], mentions: [], outOfCorpus: [] }));

  it('finds no out-of-corpus place anywhere in the five plans', () => {
    for (const doc of documents) {
      const text = readFileSync(new URL(doc.sourceFile, corpus), 'utf8');
      const bad = text.split(/\n+/).flatMap((line) => detectLocalities(line, documents).outOfCorpus.map((name) => `${name}: ${line.slice(0, 80)}`));
      expect(bad, doc.id).toEqual([]);
    }
  });

  it('derives corpus localities from the metadata, not from fixed ids', () => {
    const renamed = documents.map((d) => ({ ...d, id: `x-${d.id}` }));
    expect(detectLocalities('Lạng Sơn', renamed).docIds).toEqual([`x-${CITY}`, `x-${HUU_LUNG}`]);
    expect(detectLocalities('Khánh Hòa', documents.filter((d) => d.province !== 'Khánh Hòa')).outOfCorpus).toEqual(['Khánh Hòa']);
  });
});
